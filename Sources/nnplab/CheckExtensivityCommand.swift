import ArgumentParser
import Experiments
import Geometry
import Scenes

/// `nnplab check extensivity [SCENE]`: E(A+B) = E(A) + E(B) for two pieces of the scene's structure
/// placed farther apart than the potential's cutoff (and, for contrast, closer than it).
struct CheckExtensivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extensivity",
        abstract: "Show that a local potential's energy adds up over systems beyond its cutoff.",
        discussion: "Example: nnplab check extensivity argon")

    @Argument(help: "Scene name or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    func run() throws {
        let scene = try SceneLibrary.load(self.scene)
        let potential = try scene.teacherPotential()
        let whole = try scene.builtStructure()
        // A and B: two different halves of the scene's atoms, as free clusters.
        let half = whole.count / 2
        let a = try AtomicSystem(elements: Array(whole.elements[..<half]), positions: Array(whole.positions[..<half]),
                                 masses: Array(whole.masses[..<half]), cell: nil)
        let b = try AtomicSystem(elements: Array(whole.elements[half...]), positions: Array(whole.positions[half...]),
                                 masses: Array(whole.masses[half...]), cell: nil)
        print("\(scene.name): \(potential.summary)")
        for separation in [potential.cutoff + 0.5, 0.6 * potential.cutoff] {
            print(try ExtensivityCheck.run(potential, a: a, b: b, separation: separation).report)
        }
    }
}
