import Descriptors
import Geometry
import Potentials
import Scenes
import Experiments
import NeuralNetworks

/// Everything the lab displays, copied out of the simulation once per frame: a value, so the UI never
/// shares mutable state with the stepping thread. Units: Å, Å/fs, eV, K, fs.
public struct Snapshot: Sendable {
    public var sceneName: String
    public var choice: ModelChoice
    /// Cutoffs and activations the scene offers (fewer than two: that key cannot switch).
    public var cutoffs: [CutoffKind]
    public var activations: [Activation]
    /// The potential now driving the dynamics, in words.
    public var modelSummary: String
    /// The potential now driving the dynamics (for `export` and `check forces`).
    public var potential: any Potential
    /// The scene file behind the simulation (nil for a built-in scene).
    public var sourceScene: Scene?
    /// Extrapolation watch of the current model: ``ExtrapolationMonitor/summary``, or nil when the
    /// model has no training range to leave (a teacher).
    public var extrapolationSummary: String?
    /// How fast the view plays the simulation.
    public var pace: Pace
    public var settings: RunSettings
    public var step: Int
    /// Simulated time in fs.
    public var time: Double
    public var system: AtomicSystem
    public var potentialEnergy: Double
    public var kineticEnergy: Double
    /// Instantaneous temperature in K.
    public var temperature: Double
    public var history: EnergyHistory
    public var trajectory: TrajectoryRecording
    public var runState: RunState
    /// Steps per second of wall-clock time, measured by whoever drives the engine (0 if unknown).
    public var stepsPerSecond: Double
    public var message: LabMessage?
    /// Increases with every published snapshot.
    public var generation: Int
    /// Compare mode's models (nil: one model runs).
    public var compared: [ComparedModel]? = nil
    /// Atomic energies ε_i (eV) and forces F_i (eV/Å) of the state shown (empty if unknown).
    public var atomicEnergies: [Double] = []
    public var forces: [Vector3] = []
    /// Atoms whose descriptors left the training range at the latest check (the extrapolation watch).
    public var extrapolatingAtoms: Set<Int> = []
    /// Simulated time (fs) at which each atom was last one end of a pair crossing the model's r_c
    /// (-∞: never; empty in compare mode). See ``recentCrossingAtoms(within:)``.
    public var crossingTimes: [Double] = []
    /// The current model's curves for the inspector.
    public var inspection: ModelInspection? = nil
    /// How many commands sent to the ``Simulation`` actor this snapshot reflects (0 elsewhere).
    public var appliedCommands = 0

    /// Total energy E = K + U in eV.
    public var totalEnergy: Double { kineticEnergy + potentialEnergy }
}

extension Snapshot {
    /// The atoms whose pair distance crossed r_c within `window` fs before this snapshot's time.
    public func recentCrossingAtoms(within window: Double) -> Set<Int> {
        Set(crossingTimes.indices.filter { time - crossingTimes[$0] <= window })
    }
}
