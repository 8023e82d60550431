import Descriptors
import Foundation
import Geometry
import Potentials
import Scenes
import Synchronization
import Training
import NeuralNetworks

/// A scene file adapted to what the lab needs (``ModelCatalog``): its initial state (the teacher's
/// equilibration from the scene's seed), its MD settings, and a potential for each model it offers.
///
/// The models offered, in order of preference:
/// - a scene with a student whose six models are shipped (`Scenes/NAME/models`): the students, `c`
///   cycling the cutoff and `a` toggling ReLU ↔ tanh; the lab opens with smooth + tanh;
/// - a Lennard-Jones teacher with a student whose models are missing: the exact teacher cut at the
///   student's r_c in the three ways (no network, so `a` has nothing to switch), and the
///   description says how to train the students;
/// - any other scene (a published n2p2 model such as water): the potential itself, whose cutoff is
///   fixed — the lab says so plainly instead of pretending to switch it.
public struct SceneCatalog: ModelCatalog {
    public let scene: Scene
    public let initialSystem: AtomicSystem
    public let settings: RunSettings
    public let defaultChoice: ModelChoice
    public let cutoffs: [CutoffKind]
    public let activations: [Activation]
    public let modelsDescription: String
    private let teacher: any Potential
    private let models: [ModelChoice: any Potential]

    /// Builds the teacher, reads the student models and makes the initial state (this runs the
    /// scene's equilibration). Throws when a shipped model file is unreadable.
    public init(scene: Scene) throws {
        self.scene = scene
        let teacher = try scene.teacherPotential()
        self.teacher = teacher
        initialSystem = try EquilibratedStates.shared.state(of: scene) { try scene.initialState(teacher: teacher) }
        settings = RunSettings(
            timeStep: scene.md.timeStep, temperature: scene.md.temperature,
            thermostat: scene.md.thermostat,
            seed: scene.md.seed)
        defaultChoice = ModelChoice(cutoff: .smooth, activation: .tanh)
        let students = try ModelChoice.all.map { ($0, try scene.shippedStudent($0.cutoff, $0.activation)) }
        var models: [ModelChoice: any Potential] = [:]
        if let student = scene.student, students.allSatisfy({ $0.1 != nil }) {
            for case let (v, potential?) in students {
                models[v] = potential
            }
            activations = ModelChoice.lessonActivations
            modelsDescription = "student NNPs (\(student.layerSizes.map(String.init).joined(separator: "-")), r_c = \(student.cutoff) Å) "
                + "trained on \(teacher.summary)"
        } else if let rc = scene.student?.cutoff {
            for kind in CutoffKind.allCases {
                if let cut = try scene.teacherTruncated(at: rc, kind) { models[ModelChoice(cutoff: kind, activation: .tanh)] = cut }
            }
            activations = []
            modelsDescription = models.isEmpty
                ? "\(teacher.summary): no student models yet (run `nnplab train \(scene.name)`)"
                : "the teacher cut at the student's r_c = \(rc) Å (no network: activation has no effect; "
                    + "run `nnplab train \(scene.name)` for the student models)"
        } else {
            activations = []
            modelsDescription = "\(teacher.summary): its cutoff is part of the model and cannot be toggled"
        }
        cutoffs = Set(models.keys.map(\.cutoff)).count > 1 ? CutoffKind.allCases : []
        self.models = models
    }

    public var sceneName: String { scene.name }
    public var sourceScene: Scene? { scene }

    /// The model for `choice`; for a scene without that model (activation not switchable, fixed
    /// cutoff) the nearest one it has, else the scene's potential itself.
    public func potential(for choice: ModelChoice) throws -> any Potential {
        models[choice] ?? models[ModelChoice(cutoff: choice.cutoff, activation: .tanh)] ?? teacher
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

/// The scenes' initial states made so far in this process, so that loading a scene again (the REPL's
/// `load`, the lab's reset to another scene and back) does not rerun its equilibration: argon's
/// 8 ps of teacher MD take most of a second. A scene is its own key (its atoms as built included),
/// so an edited scene or structure file is a new scene.
private final class EquilibratedStates: Sendable {
    static let shared = EquilibratedStates()
    /// Most recent last; a handful of scenes, so a linear search.
    private let states = Mutex<[(scene: Scene, system: AtomicSystem)]>([])
    private let kept = 8

    func state(of scene: Scene, making make: () throws -> AtomicSystem) throws -> AtomicSystem {
        if let known = states.withLock({ $0.last(where: { $0.scene == scene })?.system }) { return known }
        let system = try make()
        states.withLock { states in
            states.append((scene, system))
            if states.count > kept { states.removeFirst() }
        }
        return system
    }
}
