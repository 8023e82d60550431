import Descriptors
import Geometry
import Potentials
import Scenes
import NeuralNetworks

/// A scene enlarged by periodic replication: the same models and MD settings, its initial state
/// repeated along the cell vectors (``AtomicSystem/replicated(_:)``). Being the same crystal, the
/// energy per atom and the temperature are the original's; the lab benchmark runs the default scene
/// this way at about 1000 atoms.
public struct ReplicatedCatalog: ModelCatalog {
    public let base: any ModelCatalog
    public let repeats: SIMD3<Int>
    public let initialSystem: AtomicSystem

    /// Throws when the base scene has no cell or a repeat is below 1.
    public init(_ base: any ModelCatalog, repeats: SIMD3<Int>) throws {
        self.base = base
        self.repeats = repeats
        initialSystem = try base.initialSystem.replicated(repeats)
    }

    public var sceneName: String { base.sceneName }
    public var settings: RunSettings { base.settings }
    public var defaultChoice: ModelChoice { base.defaultChoice }
    public var cutoffs: [CutoffKind] { base.cutoffs }
    public var activations: [Activation] { base.activations }
    public var modelsDescription: String { base.modelsDescription }
    public var sourceScene: Scene? { base.sourceScene }
    public func potential(for choice: ModelChoice) throws -> any Potential { try base.potential(for: choice) }
}
