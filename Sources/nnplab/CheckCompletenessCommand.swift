import ArgumentParser
import Experiments
import Foundation
import Scenes

/// `nnplab check completeness [SCENE]`: two environments with one radial fingerprint, told apart by
/// angular functions; and radial-only vs angular students.
struct CheckCompletenessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness",
        abstract: "Show two environments a radial-only fingerprint cannot tell apart, and what angular functions add.",
        discussion: """
        Builds a regular and a squashed tetrahedron around one atom with the same distances, compares \
        their radial and angular symmetry functions (the scene's) and the teacher's energies, then trains \
        a radial-only and a radial + angular student on the same teacher data and compares their \
        validation errors (skip with --no-students).

        Example: nnplab check completeness silicon
        """)

    @Argument(help: "Scene name or path (it needs angular functions).")
    var scene: String = "silicon"

    @Flag(inversion: .prefixedNo, help: "Train the two students (a few seconds in a release build).")
    var students = true

    @Option(help: "Teacher configurations for the students.")
    var configurations: Int = CompletenessCheck.TrainingPlan().configurations

    @Option(help: "Training epochs of each student.")
    var epochs: Int = CompletenessCheck.TrainingPlan().epochs

    @Option(help: "Weight of the force term in the loss (Å²).")
    var forceWeight: Double = CompletenessCheck.TrainingPlan().forceWeight

    @Option(help: "Output: text or json.")
    var format: CheckFormat = .text

    func run() throws {
        guard configurations >= 4, epochs > 0 else {
            throw ValidationError("--configurations must be at least 4 and --epochs positive")
        }
        let plan = students ? CompletenessCheck.TrainingPlan(configurations: configurations, epochs: epochs, forceWeight: forceWeight) : nil
        let check = try CompletenessCheck.run(scene: try SceneLibrary.load(scene), plan: plan) { note in
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        print(format == .json ? try exerciseJSON(check) : check.report)
    }
}
