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

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    @Option(help: "Time steps in fs, comma-separated (default: the scene's Δt times 1/2, 1, 2, 4).")
    var dt: String?

    @Option(help: "Length of each run in ps.")
    var time: Double = TimestepCheck.defaultDuration

    @OptionGroup var models: ModelsFolderOption

    @Option(help: "Independent starts pooled at every time step.")
    var starts: Int = TimestepCheck.defaultStarts

    @OptionGroup var output: CheckOutputOptions

    func validate() throws {
        _ = try timeSteps()
        try OptionRange.check("time", time, SceneLimits.time, "a length in ps")
        try OptionRange.check("starts", starts, 1...100, "a number of starts")
        let steps = try timeSteps() ?? []
        guard steps.count <= 12 else { throw ValidationError("--dt: expected at most 12 time steps, got \(steps.count)") }
        for dt in steps { try OptionRange.check("dt", dt, SceneLimits.timeStep, "time steps in fs") }
    }

    func run() throws {
        let check = try TimestepCheck.run(scene: try SceneLibrary.load(scene), folder: models.folder, timeSteps: try timeSteps(),
                                          duration: time, starts: starts, progress: printToStandardError)
        try output.print(check)
    }

    /// The time steps `--dt` lists in fs (nil without it: the scene's).
    private func timeSteps() throws -> [Double]? {
        guard let dt else { return nil }
        let parsed = dt.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parsed.count >= 2, parsed.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--dt: expected at least two positive time steps in fs separated by commas, got '\(dt)'")
        }
        return parsed.compactMap { $0 }
    }
}
