import ArgumentParser
import Experiments
import Foundation
import Scenes

/// `nnplab check timestep [SCENE]`: energy fluctuation against Δt on log-log axes.
struct CheckTimestepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timestep",
        abstract: "Show how energy fluctuation scales with the time step: slope 2 for smooth models, flat for step ones.",
        discussion: """
        From a few equilibrium states of the scene, NVE runs of each model at several time steps; prints the \
        RMS fluctuation of E_total per atom (pooled over the starts), the fitted log-log slope and a plot. \
        The models are the scene's six student models (step, kinked, smooth × ReLU, tanh); when their files \
        are missing, the teacher cut at the student's r_c three ways (or the teacher itself), and it says so.

        Example: nnplab check timestep argon --dt 0.5,1,2,4 --time 0.25 --starts 4
        """)

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    @Option(help: "Time steps in fs, comma-separated (default: the scene's Δt times 1/2, 1, 2, 4).")
    var dt: String?

    @Option(help: "Length of each run in ps.")
    var time: Double = TimestepCheck.defaultDuration

    @Option(help: "Folder of the six model files (default: the scene's models folder).")
    var models: String?

    @Option(help: "Independent starts pooled at every time step.")
    var starts: Int = TimestepCheck.defaultStarts

    @Option(help: "Output: text or json.")
    var format: CheckFormat = .text

    func run() throws {
        let scene = try SceneLibrary.load(self.scene)
        var steps: [Double]?
        if let dt {
            let parsed = dt.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parsed.count >= 2, parsed.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw ValidationError("--dt: expected at least two positive time steps in fs separated by commas, got '\(dt)'")
            }
            steps = parsed.compactMap { $0 }
        }
        guard time > 0, time.isFinite else { throw ValidationError("--time must be positive, got \(time)") }
        guard starts > 0 else { throw ValidationError("--starts must be positive, got \(starts)") }
        let check = try TimestepCheck.run(scene: scene, folder: models.map { URL(fileURLWithPath: $0) }, timeSteps: steps, duration: time, starts: starts) { note in
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        print(format == .json ? try exerciseJSON(check) : check.report)
    }
}
