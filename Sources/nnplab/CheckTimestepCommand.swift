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
        From one equilibrated state of the scene, NVE runs of each model at several time steps; prints the \
        RMS fluctuation of E_total per atom, the fitted log-log slope and a plot. The models are the \
        scene's teacher cut at the student's r_c three ways (step, kinked, smooth), or the teacher itself.

        Example: nnplab check timestep argon --dt 0.5,1,2,4 --time 1
        """)

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    @Option(help: "Time steps in fs, comma-separated (default: the scene's Δt times 1/4, 1/2, 1, 2).")
    var dt: String?

    @Option(help: "Length of each run in ps.")
    var time: Double = 1

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
        let check = try TimestepCheck.run(scene: scene, timeSteps: steps, duration: time) { note in
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        print(format == .json ? try exerciseJSON(check) : check.report)
    }
}
