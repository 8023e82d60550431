import ArgumentParser
import Experiments
import Scenes

/// `nnplab check invariance [SCENE]`: an NNP's energy ignores translation, rotation and relabelling;
/// a network on raw coordinates does not.
struct CheckInvarianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invariance",
        abstract: "Show that an NNP is translation, rotation and permutation invariant, and a raw-coordinate network is not.",
        discussion: """
        Part 1 moves, turns and relabels the scene's (rattled) structure and compares energies and forces \
        before and after. Part 2 puts four like atoms on a regular tetrahedron and compares the NNP with a \
        network fed raw Cartesian coordinates: sideways forces, torque, and the energy change when two \
        identical atoms swap labels. The NNP is the scene's student design with seeded random weights \
        (its invariances come from the descriptors, not the weights), or the scene's own NNP (water).

        Example: nnplab check invariance silicon
        """)

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    @Option(help: "Seed of the random operations and the random networks.")
    var seed: UInt64 = 1

    @OptionGroup var output: CheckOutputOptions

    func run() throws {
        let check = try InvarianceCheck.run(scene: try SceneLibrary.load(scene), seed: seed)
        try output.print(check)
    }
}
