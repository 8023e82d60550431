import ArgumentParser
import Experiments
import Scenes

/// `nnplab check extensivity [SCENE]`: E(A+B) = E(A) + E(B) for two pieces of the scene's structure
/// placed farther apart than the potential's cutoff (and, for contrast, closer than it).
struct CheckExtensivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extensivity",
        abstract: "Show that a local potential's energy adds up over systems beyond its cutoff.",
        discussion: "Example: nnplab check extensivity argon")

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    func run() throws {
        print(try ExtensivityCheck.run(scene: try SceneLibrary.load(scene)).report)
    }
}
