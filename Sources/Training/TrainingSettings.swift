#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Descriptors

/// How networks are fitted to labelled descriptors: Adam on mini-batches of configurations, with
///
///   loss = ⟨((E − E_ref)/N)²⟩ + w_F·⟨|F − F_ref|²/(3N)⟩ + λ·Σ W²
///
/// (averages over configurations; energies eV, forces eV/Å, so w_F is in Å²; biases are not
/// regularised). The same settings, data and initial networks give the same model bit for bit.
public struct TrainingSettings: Sendable, Hashable, Codable {
    /// Maximum passes over the training set.
    public var epochs: Int
    /// Configurations per Adam step.
    public var batchSize: Int
    /// Adam step size η at the first epoch.
    public var learningRate: Double
    /// η at the last epoch, as a fraction of ``learningRate`` (geometric decay in between).
    public var finalLearningRateFraction: Double
    /// w_F, weight of the force term, in Å² (0: train on energies only).
    public var forceWeight: Double
    /// λ, L2 weight on the connection weights.
    public var l2: Double
    /// Fraction of configurations held out for validation (at least one is held out).
    public var validationFraction: Double
    /// Stop when the validation loss has not improved for this many epochs; the best epoch's
    /// networks are returned.
    public var patience: Int
    /// Input scaling computed from the training set (n2p2's modes; the scaling modes map onto
    /// [−1, 1]).
    public var scaling: ScalingMode
    /// Seed of the train/validation split and the batch order.
    public var seed: UInt64

    /// The values the initialiser takes when a setting is left out (scene files share them).
    public enum Defaults {
        public static let epochs = 120, batchSize = 8, patience = 30
        public static let learningRate = 3e-3, finalLearningRateFraction = 0.05, forceWeight = 1.0
        public static let validationFraction = 0.1
    }

    public init(epochs: Int = Defaults.epochs, batchSize: Int = Defaults.batchSize,
                learningRate: Double = Defaults.learningRate,
                finalLearningRateFraction: Double = Defaults.finalLearningRateFraction,
                forceWeight: Double = Defaults.forceWeight, l2: Double = 0,
                validationFraction: Double = Defaults.validationFraction, patience: Int = Defaults.patience,
                scaling: ScalingMode = .scale, seed: UInt64 = 1) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.finalLearningRateFraction = finalLearningRateFraction
        self.forceWeight = forceWeight
        self.l2 = l2
        self.validationFraction = validationFraction
        self.patience = patience
        self.scaling = scaling
        self.seed = seed
    }

    /// η at epoch e (0-based): η·f^(e/(epochs−1)).
    public func learningRate(atEpoch e: Int) -> Double {
        guard epochs > 1 else { return learningRate }
        return learningRate * pow(finalLearningRateFraction, Double(e) / Double(epochs - 1))
    }
}

/// Root-mean-square errors of a model against labels: energy per atom (eV/atom) and force
/// component (eV/Å).
public struct ErrorMetrics: Sendable, Hashable, Codable {
    /// √⟨((E − E_ref)/N)²⟩ in eV/atom.
    public var energyRMSE: Double
    /// √(Σ|F − F_ref|²/(3ΣN)) in eV/Å.
    public var forceRMSE: Double
    public init(energyRMSE: Double, forceRMSE: Double) {
        self.energyRMSE = energyRMSE
        self.forceRMSE = forceRMSE
    }
    /// Energy RMSE in meV/atom.
    public var energyMeVPerAtom: Double { 1000 * energyRMSE }
    /// Force RMSE in meV/Å.
    public var forceMeVPerAngstrom: Double { 1000 * forceRMSE }
}

/// What one epoch did: shown by the progress bar and kept in the model's history.
public struct EpochReport: Sendable, Hashable, Codable {
    /// 1-based epoch number, and the planned maximum.
    public var epoch: Int
    public var epochs: Int
    /// Mean training loss over the epoch's batches (without the L2 term), and the validation loss.
    public var trainingLoss: Double
    public var validationLoss: Double
    public var training: ErrorMetrics
    public var validation: ErrorMetrics
    public var learningRate: Double
}
