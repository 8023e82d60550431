import Descriptors
import Geometry
import Potentials
import NeuralNetworks
import Scenes

/// A scene driven by a teacher potential that comes in several truncations but has no network:
/// `c` switches the truncation; `a` has nothing to switch and the lab says so.
public struct TeacherCatalog: ModelCatalog {
    public let sceneName: String
    public let initialSystem: AtomicSystem
    public let settings: RunSettings
    public let defaultChoice: ModelChoice
    public let cutoffs: [CutoffKind]
    public let modelsDescription: String
    private let makePotential: @Sendable (CutoffKind) -> any Potential

    /// - Parameters:
    ///   - teacher: the potential for each truncation.
    ///   - defaultCutoff: the truncation the lab opens with. The activation shown is tanh, as for a
    ///     network scene, but it has no effect here.
    public init(sceneName: String, initialSystem: AtomicSystem, settings: RunSettings,
                modelsDescription: String, defaultCutoff: CutoffKind = .smooth,
                teacher: @escaping @Sendable (CutoffKind) -> any Potential) {
        self.sceneName = sceneName
        self.initialSystem = initialSystem
        self.settings = settings
        self.modelsDescription = modelsDescription
        self.defaultChoice = ModelChoice(cutoff: defaultCutoff, activation: .tanh)
        self.cutoffs = CutoffKind.allCases
        self.makePotential = teacher
    }

    /// A teacher has no activation to switch.
    public var activations: [Activation] { [] }

    public func potential(for choice: ModelChoice) throws -> any Potential {
        makePotential(choice.cutoff)
    }
}
