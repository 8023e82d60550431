import Training
import Dynamics

/// How the student is trained: where its configurations come from, the labels' noise, and Adam.
///
/// This is the one recipe: `nnplab train` maps it onto the Training module's sampling plan and
/// fitting settings without defaults of its own. Keys a scene file leaves out take ``Defaults``.
public struct TrainingRecipe: Sendable, Equatable {
    /// Langevin temperatures (K) the teacher's MD samples configurations at.
    public var temperatures: [Double]
    /// Number of labelled configurations in all (training plus validation).
    public var configurations: Int
    /// Teacher MD of the sampling: time step (fs), Langevin friction (1/fs), steps before the first
    /// sample, and steps between samples.
    public var sampleTimeStep: Double
    public var sampleFriction: Double
    public var sampleEquilibrationSteps: Int
    public var sampleInterval: Int
    /// Gaussian displacement of sampled configurations in Å (0: none).
    public var rattle: Double
    /// Largest random strain of the cell (fraction, e.g. 0.02) applied to some configurations.
    public var strain: Double
    /// Fraction of the samples that are rattled and strained.
    public var perturbedFraction: Double
    /// Gaussian noise on energy labels, σ_E in meV/atom, and on force labels, σ_F in meV/Å.
    public var energyNoise: Double
    public var forceNoise: Double
    /// Passes over the training set, configurations per Adam step, Adam step size (decaying
    /// geometrically to `finalLearningRateFraction` of it), weight of the force term in the loss
    /// (Å²), L2 weight.
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Double
    public var finalLearningRateFraction: Double
    public var forceWeight: Double
    public var l2: Double
    /// Fraction of configurations held out for validation.
    public var validationFraction: Double
    /// Stop after this many epochs without a better validation loss; nil: run every epoch (the best
    /// epoch's networks are kept either way).
    public var patience: Int?
    /// Seed for sampling, noise, the split and the initial weights: fixes the model bit for bit.
    public var seed: UInt64

    /// Values of the keys a scene may leave out: the Training module's own defaults, so a scene
    /// and a plan built in code agree.
    public enum Defaults {
        public static let sampleTimeStep = TeacherSampling.Defaults.timeStep
        public static let sampleFriction = TeacherSampling.Defaults.friction
        public static let sampleEquilibrationSteps = TeacherSampling.Defaults.equilibrationSteps
        public static let sampleInterval = TeacherSampling.Defaults.stepsBetweenSamples
        public static let perturbedFraction = TeacherSampling.Defaults.perturbedFraction
        public static let batchSize = TrainingSettings.Defaults.batchSize
        public static let finalLearningRateFraction = TrainingSettings.Defaults.finalLearningRateFraction
        public static let validationFraction = TrainingSettings.Defaults.validationFraction
    }

    public init(temperatures: [Double], configurations: Int,
                sampleTimeStep: Double = Defaults.sampleTimeStep, sampleFriction: Double = Defaults.sampleFriction,
                sampleEquilibrationSteps: Int = Defaults.sampleEquilibrationSteps,
                sampleInterval: Int = Defaults.sampleInterval, rattle: Double = 0, strain: Double = 0,
                perturbedFraction: Double = Defaults.perturbedFraction,
                energyNoise: Double = 0, forceNoise: Double = 0, epochs: Int, batchSize: Int = Defaults.batchSize,
                learningRate: Double, finalLearningRateFraction: Double = Defaults.finalLearningRateFraction,
                forceWeight: Double, l2: Double = 0, validationFraction: Double = Defaults.validationFraction,
                patience: Int? = nil, seed: UInt64) {
        self.temperatures = temperatures
        self.configurations = configurations
        self.sampleTimeStep = sampleTimeStep
        self.sampleFriction = sampleFriction
        self.sampleEquilibrationSteps = sampleEquilibrationSteps
        self.sampleInterval = sampleInterval
        self.rattle = rattle
        self.strain = strain
        self.perturbedFraction = perturbedFraction
        self.energyNoise = energyNoise
        self.forceNoise = forceNoise
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.finalLearningRateFraction = finalLearningRateFraction
        self.forceWeight = forceWeight
        self.l2 = l2
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
    }
}

/// The scene's molecular dynamics: integrator settings and the initial state's preparation.
public struct MDSettings: Sendable, Equatable {
    /// Time step Δt in fs.
    public var timeStep: Double
    /// Target temperature in K: initial Maxwell-Boltzmann velocities and the Langevin bath.
    public var temperature: Double
    /// NVE, or Langevin with its friction.
    public var thermostat: Thermostat
    /// Friction γ in 1/fs of the teacher's Langevin equilibration stages (and of a Langevin thermostat).
    public var friction: Double
    /// Seed for initial velocities and the thermostat's noise.
    public var seed: UInt64
    /// Teacher Langevin runs before t = 0, in order (e.g. melt a lattice hot, then settle at ``temperature``).
    public var equilibration: [EquilibrationStage]
    /// Length of a `drift` run in ps.
    public var driftTime: Double

    /// The `thermostat` key's values: `nve` (velocity Verlet, constant energy: what the conservation
    /// lesson watches) or `langevin` (BAOAB at ``MDSettings/temperature`` with the `friction` key).
    enum ThermostatKey: String, CaseIterable {
        case nve, langevin
    }

    /// One Langevin run with the teacher: `temperature` K for `time` ps.
    public struct EquilibrationStage: Sendable, Equatable {
        public var temperature: Double
        public var time: Double
        public init(temperature: Double, time: Double) { self.temperature = temperature; self.time = time }
    }

    public init(timeStep: Double, temperature: Double, thermostat: Thermostat = .nve, friction: Double = 0.01,
                seed: UInt64 = 1, equilibration: [EquilibrationStage] = [], driftTime: Double = 10) {
        self.timeStep = timeStep
        self.temperature = temperature
        self.thermostat = thermostat
        self.friction = friction
        self.seed = seed
        self.equilibration = equilibration
        self.driftTime = driftTime
    }
}

/// How the lab first shows the scene.
public struct ViewHints: Sendable, Equatable {
    /// Rotation about the vertical axis and tilt, in degrees.
    public var yaw: Double
    public var pitch: Double
    /// Magnification: 1 fits the cell to the view.
    public var zoom: Double

    public init(yaw: Double = 30, pitch: Double = 20, zoom: Double = 1) {
        self.yaw = yaw
        self.pitch = pitch
        self.zoom = zoom
    }
}
