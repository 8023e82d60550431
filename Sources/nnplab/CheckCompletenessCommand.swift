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
        their radial and angular symmetry functions (the scene's, in the wide form) and the teacher's \
        energies. Then trains three students with the scene's own recipe on the same teacher data: \
        radial only, radial + the scene's angular parameters in the narrow form (G4), and in the wide \
        form (G5; silicon's own); and compares their validation errors (skip with --no-students).

        Example: nnplab check completeness silicon
        """)

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name or path (it needs angular functions).")
    var scene: String = "silicon"

    @Flag(inversion: .prefixedNo, help: "Train the three students (about 10 s on two cores in a release build).")
    var students = true

    @Option(help: "Teacher configurations for the students (default: the scene's recipe).")
    var configurations: Int?

    @Option(help: "Training epochs of each student (default: the scene's recipe).")
    var epochs: Int?

    @OptionGroup var output: CheckOutputOptions

    func validate() throws {
        try OptionRange.check("configurations", configurations, 4...OptionRange.maximumTrainingCount, "a number of configurations")
        try OptionRange.check("epochs", epochs, 1...OptionRange.maximumTrainingCount, "a number of epochs")
    }

    func run() throws {
        let plan = students ? CompletenessCheck.TrainingPlan(configurations: configurations, epochs: epochs) : nil
        let check = try CompletenessCheck.run(scene: try SceneLibrary.load(scene), plan: plan, progress: printToStandardError)
        try output.print(check)
    }
}
