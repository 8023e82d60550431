import ArgumentParser
import Experiments
import Foundation
import Scenes

/// `nnplab check noise [SCENE]`: students fitted to noisy labels, energy-only vs forces + L2.
struct CheckNoiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noise",
        abstract: "Show how noisy labels roughen an energy-only fit, and how force training and L2 smooth it.",
        discussion: """
        Samples the scene's teacher, adds Gaussian noise to the labels, and trains three small students: on \
        energies only (clean labels, then noisy), and on energies + forces with L2 regularisation (noisy). \
        Prints each one's energy and force error against the clean teacher and the roughness of its force \
        along a straight path of one atom.

        Example: nnplab check noise argon --energy-noise 5 --force-noise 100
        """)

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    @Option(help: "σ_E: noise on energy labels, meV/atom.")
    var energyNoise: Double = NoiseCheck.Plan().energyNoise

    @Option(help: "σ_F: noise on force labels, meV/Å.")
    var forceNoise: Double = NoiseCheck.Plan().forceNoise

    @Option(help: "Teacher configurations to train on.")
    var configurations: Int = NoiseCheck.Plan().configurations

    @Option(help: "Training epochs of each student.")
    var epochs: Int = NoiseCheck.Plan().epochs

    @OptionGroup var output: CheckOutputOptions

    func validate() throws {
        try OptionRange.check("energy-noise", energyNoise, SceneLimits.noise, "σ_E in meV/atom")
        try OptionRange.check("force-noise", forceNoise, SceneLimits.noise, "σ_F in meV/Å")
        try OptionRange.check("configurations", configurations, 4...OptionRange.maximumTrainingCount, "a number of configurations")
        try OptionRange.check("epochs", epochs, 1...OptionRange.maximumTrainingCount, "a number of epochs")
    }

    func run() throws {
        let plan = NoiseCheck.Plan(configurations: configurations, energyNoise: energyNoise, forceNoise: forceNoise, epochs: epochs)
        let check = try NoiseCheck.run(scene: try SceneLibrary.load(scene), plan: plan, progress: printToStandardError)
        try output.print(check)
    }
}
