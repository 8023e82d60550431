import Descriptors

/// One line of the drift table: how one model conserved energy in one NVE run from one seed.
///
/// Units as the names say: meV/atom, meV/atom/ps, meV (whole system), per ps, meV/Å. The JSON keys
/// are the snake_case names of `nnplab drift --format json`.
public struct DriftResult: Sendable, Equatable, Codable {
    /// Seed of the initial velocities (and of the teacher equilibration that made the initial state).
    public var seed: UInt64
    /// The model's descriptor cutoff, and its hidden activation ("relu", "tanh"; or the teacher's name).
    public var cutoff: CutoffKind
    public var activation: String
    /// √⟨(E(t) − E(0))²⟩ / N in meV/atom: the readout that orders the models.
    public var rmsDeviation: Double
    /// Slope of the least-squares line through E(t)/N in meV/atom/ps (its sign changes with the seed).
    public var drift: Double
    /// Largest |E(t_k) − E(t_{k−1})| in meV.
    public var maxJump: Double
    /// Pair distances crossing the model's cutoff, per atom per ps.
    public var crossingsPerPicosecond: Double
    /// Hidden units switching on or off (sign changes of pre-activations between steps) per ps, or
    /// nil when the model does not expose its hidden units.
    public var reluSwitchesPerPicosecond: Double?
    /// The model's validation RMSE: energy in meV/atom, force components in meV/Å (nil for a teacher).
    public var validationEnergyRMSE: Double?
    public var validationForceRMSE: Double?
    /// The same statistic as ``rmsDeviation`` for the teacher's potential energy plus the kinetic
    /// energy along this model's own trajectory (meV/atom): large when the trajectory is unphysical
    /// even if the model conserves its own energy. Nil without a teacher.
    public var teacherRMSDeviation: Double?

    public init(seed: UInt64, cutoff: CutoffKind, activation: String, rmsDeviation: Double, drift: Double,
                maxJump: Double, crossingsPerPicosecond: Double, reluSwitchesPerPicosecond: Double?,
                validationEnergyRMSE: Double?, validationForceRMSE: Double?, teacherRMSDeviation: Double?) {
        self.seed = seed
        self.cutoff = cutoff
        self.activation = activation
        self.rmsDeviation = rmsDeviation
        self.drift = drift
        self.maxJump = maxJump
        self.crossingsPerPicosecond = crossingsPerPicosecond
        self.reluSwitchesPerPicosecond = reluSwitchesPerPicosecond
        self.validationEnergyRMSE = validationEnergyRMSE
        self.validationForceRMSE = validationForceRMSE
        self.teacherRMSDeviation = teacherRMSDeviation
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case seed, cutoff, activation
        case rmsDeviation = "rms_dev_meV_per_atom"
        case drift = "drift_meV_per_atom_ps"
        case maxJump = "max_jump_meV"
        case crossingsPerPicosecond = "crossings_per_ps"
        case reluSwitchesPerPicosecond = "relu_switches_per_ps"
        case validationEnergyRMSE = "rmse_energy_meV_per_atom"
        case validationForceRMSE = "rmse_force_meV_per_A"
        case teacherRMSDeviation = "teacher_rms_dev_meV_per_atom"
    }

    /// Every key is written, missing values as `null`, so the JSON's shape never varies.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(cutoff, forKey: .cutoff)
        try c.encode(activation, forKey: .activation)
        try c.encode(rmsDeviation, forKey: .rmsDeviation)
        try c.encode(drift, forKey: .drift)
        try c.encode(maxJump, forKey: .maxJump)
        try c.encode(crossingsPerPicosecond, forKey: .crossingsPerPicosecond)
        try c.encode(reluSwitchesPerPicosecond, forKey: .reluSwitchesPerPicosecond)
        try c.encode(validationEnergyRMSE, forKey: .validationEnergyRMSE)
        try c.encode(validationForceRMSE, forKey: .validationForceRMSE)
        try c.encode(teacherRMSDeviation, forKey: .teacherRMSDeviation)
    }
}
