import Descriptors
import Dynamics
import Geometry
import Potentials
import Scenes
import NeuralNetworks

/// A scene's molecular dynamics settings. Units: time step fs, temperature K.
public struct RunSettings: Sendable, Hashable {
    /// Time step Δt in fs.
    public var timeStep: Double
    /// Target temperature T in K: the Langevin bath, and what `set temperature` rescales to in NVE.
    public var temperature: Double
    public var thermostat: Thermostat
    /// Seed of the random stream (Langevin noise and freshly drawn velocities).
    public var seed: UInt64

    public init(timeStep: Double, temperature: Double, thermostat: Thermostat = .nve, seed: UInt64 = 1) {
        self.timeStep = timeStep
        self.temperature = temperature
        self.thermostat = thermostat
        self.seed = seed
    }

    /// The integrator these settings describe; throws for a time step, temperature or friction out of range.
    public func integrator() throws -> any Integrator {
        try thermostat.integrator(timeStep: timeStep, temperature: temperature)
    }
}

/// Everything the lab needs from a scene: its name, its initial atoms, its MD settings, and a model
/// for each (cutoff, activation) it offers.
///
/// The Scenes module adapts a loaded scene to this protocol; ``TeacherCatalog`` is the built-in
/// fallback for a teacher potential, which has cutoffs but no network activation.
public protocol ModelCatalog: Sendable {
    /// Scene name shown in the status line, e.g. "argon".
    var sceneName: String { get }
    /// Atoms at t = 0, velocities included (Å, Å/fs, amu).
    var initialSystem: AtomicSystem { get }
    /// The scene's MD settings, restored by reset.
    var settings: RunSettings { get }
    /// The model the lab opens with.
    var defaultChoice: ModelChoice { get }
    /// Cutoff kinds this scene has models for (in `c` cycle order); fewer than two means `c` cannot switch.
    var cutoffs: [CutoffKind] { get }
    /// Activations this scene has models for; fewer than two means `a` cannot switch.
    var activations: [Activation] { get }
    /// What the models are, in words, e.g. "Lennard-Jones teacher (no network)".
    var modelsDescription: String { get }
    /// The potential for `choice`; throws when its model cannot be built or read.
    func potential(for choice: ModelChoice) throws -> any Potential
    /// The scene file behind the catalog, for the exercises and `drift` (nil for a built-in scene).
    var sourceScene: Scene? { get }
}

extension ModelCatalog {
    public var sourceScene: Scene? { nil }
}

/// Finds scenes by name for `load SCENE` and `nnplab view SCENE`.
public protocol SceneSource: Sendable {
    /// Names `load` accepts (for help and tab completion).
    var sceneNames: [String] { get }
    /// The catalog of the named scene; throws a one-line error naming what is wrong.
    func catalog(named name: String) throws -> any ModelCatalog
}
