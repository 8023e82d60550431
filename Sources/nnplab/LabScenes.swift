import ArgumentParser
import Geometry
import Scenes
import Simulation
import Experiments

/// Where `nnplab view` and `nnplab repl` find scenes by name: the scenes folder (Scenes/*.toml).
func labScenes() -> any SceneSource { SceneFolderSource() }

/// The scene the lab opens without a SCENE argument.
let defaultSceneName = SceneLibrary.defaultSceneName

/// Options shared by `view` and `repl`: which scene, and how many periodic copies of it.
struct LabSceneOptions: ParsableArguments {
    @Argument(help: "Scene to open.")
    var scene: String = defaultSceneName

    @Option(help: ArgumentHelp("Periodic copies of the scene's cell along a, b, c, e.g. 3x3x1 (argon: 972 atoms).",
                               valueName: "NAxNBxNC"))
    var replicate: String?

    func validate() throws { _ = try repeats() }

    /// The repeats `--replicate` asks for (nil without it).
    func repeats() throws -> SIMD3<Int>? {
        guard let replicate else { return nil }
        let parts = replicate.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2], (1...64).contains(a),
              (1...64).contains(b), (1...64).contains(c) else {
            throw ValidationError("--replicate: expected three whole numbers in [1, 64] like 3x3x1, got '\(replicate)'")
        }
        return SIMD3(a, b, c)
    }

    /// The scene's catalog, replicated when asked; a one-line failure naming the scene otherwise.
    func catalog(from scenes: any SceneSource) throws -> any ModelCatalog {
        do {
            let catalog = try scenes.catalog(named: scene)
            guard let repeats = try repeats() else { return catalog }
            // Each factor is at most 64, so the product cannot overflow; the atoms are counted first.
            let atoms = catalog.initialSystem.count * repeats.x * repeats.y * repeats.z
            guard atoms <= SceneLimits.maximumAtoms else {
                throw ValidationError("--replicate \(replicate ?? ""): \(catalog.initialSystem.count) atoms × \(repeats.x * repeats.y * repeats.z) copies = \(atoms) atoms; at most \(SceneLimits.maximumAtoms)")
            }
            return try ReplicatedCatalog(catalog, repeats: repeats)
        } catch {
            throw CommandFailure("scene \(scene): \(error)")
        }
    }

    /// A simulation engine on the scene's catalog (see ``catalog(from:)``), as `view` and `repl` start it.
    func engine(from scenes: any SceneSource) throws -> SimulationEngine {
        let catalog = try catalog(from: scenes)
        do { return try SimulationEngine(catalog: catalog) } catch { throw CommandFailure("scene \(scene): \(error)") }
    }
}
