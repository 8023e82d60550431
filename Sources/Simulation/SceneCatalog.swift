import Descriptors
import Foundation
import Geometry
import Potentials
import Scenes

/// A scene file adapted to what the lab needs (``ModelCatalog``): its initial state (the teacher's
/// equilibration from the scene's seed), its MD settings, and a potential for each cutoff it offers.
///
/// The models offered, in order of preference:
/// - a Lennard-Jones teacher with a student: the exact teacher cut at the student's r_c in the
///   three ways (`c` switches; no network, so `a` has nothing to switch and says so);
/// - any other scene (Stillinger-Weber, a published n2p2 model): the potential itself, whose cutoff
///   is fixed — the lab says so plainly instead of pretending to switch it.
public struct SceneCatalog: ModelCatalog {
    public let scene: Scene
    public let initialSystem: AtomicSystem
    public let settings: RunSettings
    public let defaultChoice: ModelChoice
    public let cutoffs: [CutoffKind]
    public let activations: [ActivationChoice]
    public let modelsDescription: String
    private let teacher: any Potential
    private let truncated: [CutoffKind: any Potential]

    /// Builds the teacher and the initial state (this runs the scene's equilibration).
    public init(scene: Scene) throws {
        self.scene = scene
        teacher = try scene.teacherPotential()
        initialSystem = try scene.initialState(teacher: teacher)
        settings = RunSettings(
            timeStep: scene.md.timeStep, temperature: scene.md.temperature,
            thermostat: scene.md.thermostat == .nve ? .nve : .langevin(friction: scene.md.friction),
            seed: scene.md.seed)
        var truncated: [CutoffKind: any Potential] = [:]
        if let rc = scene.student?.descriptors.cutoff {
            for kind in CutoffKind.allCases { truncated[kind] = try scene.teacherTruncated(at: rc, kind) }
        }
        self.truncated = truncated
        cutoffs = truncated.isEmpty ? [] : CutoffKind.allCases
        activations = []
        defaultChoice = ModelChoice(cutoff: .smooth, activation: .tanh)
        if let rc = scene.student?.descriptors.cutoff, !truncated.isEmpty {
            modelsDescription = "the teacher cut at the student's r_c = \(rc) Å (no network: activation has no effect)"
        } else {
            modelsDescription = "\(teacher.summary): its cutoff is part of the model and cannot be toggled"
        }
    }

    public var sceneName: String { scene.name }

    public func potential(for choice: ModelChoice) throws -> any Potential {
        truncated[choice.cutoff] ?? teacher
    }
}

/// The scenes folder as the lab's `load SCENE` source.
public struct SceneFolderSource: SceneSource {
    public let folder: URL
    public init(folder: URL = SceneLibrary.directory) { self.folder = folder }
    public var sceneNames: [String] { SceneLibrary.names(in: folder) }
    public func catalog(named name: String) throws -> any ModelCatalog {
        try SceneCatalog(scene: SceneLibrary.load(name, in: folder))
    }
}
