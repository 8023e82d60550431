import Geometry
import Descriptors
import Potentials
import Dynamics
import Training

/// One model entered in a drift comparison, with what is known of its accuracy.
public struct DriftCandidate: Sendable {
    public var cutoff: CutoffKind
    /// "relu", "tanh", or a teacher's name.
    public var activation: String
    public var potential: any Potential
    /// Validation RMSE: energy meV/atom, force meV/Å (nil for a teacher).
    public var validationEnergyRMSE: Double?
    public var validationForceRMSE: Double?

    public init(cutoff: CutoffKind, activation: String, potential: any Potential,
                validationEnergyRMSE: Double? = nil, validationForceRMSE: Double? = nil) {
        self.cutoff = cutoff
        self.activation = activation
        self.potential = potential
        self.validationEnergyRMSE = validationEnergyRMSE
        self.validationForceRMSE = validationForceRMSE
    }
}

/// NVE runs of several models from the same initial positions and velocities, measuring how each
/// conserves its total energy (the smoothness lesson).
///
/// Per run: velocity Verlet with ``timeStep`` fs for ``duration`` ps, a ``ConservationMonitor`` on the
/// model's own total energy, the teacher's potential energy plus the kinetic energy along the same
/// trajectory, cutoff crossings at the model's r_c, and hidden-unit switches.
public struct DriftExperiment: Sendable {
    /// Time step Δt in fs.
    public var timeStep: Double
    /// Run length in ps.
    public var duration: Double
    /// Evaluate the teacher every this many steps (1: every step). Its RMS is over those samples.
    public var teacherStride: Int
    /// Whether ReLU hidden-unit switches are counted. Watching them recomputes every atom's
    /// descriptors once more per step (about doubling a ReLU run's cost); without it the row's
    /// switch count is nil.
    public var countsHiddenUnitSwitches: Bool

    public init(timeStep: Double, duration: Double, teacherStride: Int = 1, countsHiddenUnitSwitches: Bool = true) {
        self.timeStep = timeStep
        self.duration = duration
        self.teacherStride = max(teacherStride, 1)
        self.countsHiddenUnitSwitches = countsHiddenUnitSwitches
    }

    /// Number of MD steps: duration / Δt, at least 1.
    public var stepCount: Int { max(1, Int((duration * 1000 / timeStep).rounded())) }

    /// Runs `candidate` from `initial` (positions Å, velocities Å/fs) and reads out one row. A run that
    /// blows up throws its ``Dynamics/Instability``.
    public func run(_ candidate: DriftCandidate, from initial: AtomicSystem, seed: UInt64,
                    teacher: (any Potential)? = nil) throws -> DriftResult {
        var dynamics = try MolecularDynamics(system: initial, potential: candidate.potential,
                                             integrator: VelocityVerlet(timeStep: timeStep), seed: seed)
        let n = initial.count
        dynamics.attach(InstabilityGuard())
        let monitor = dynamics.attach(ConservationMonitor(atomCount: n, crossingCutoff: candidate.potential.cutoff))
        let teacherWatch = try teacher.map {
            dynamics.attach(try TeacherEnergyWatch(teacher: $0, system: initial), every: teacherStride)
        }
        let switches = countsHiddenUnitSwitches
            ? HiddenUnitSwitchCounter(candidate.potential).map { dynamics.attach($0) } : nil
        try dynamics.run(steps: stepCount)
        let report = dynamics[monitor].report
        let ps = report.duration / 1000
        return DriftResult(
            seed: seed, cutoff: candidate.cutoff, activation: candidate.activation,
            rmsDeviation: report.rmsDeviationPerAtom, drift: report.driftPerAtom,
            maxJump: report.largestStepChange,
            crossingsPerPicosecond: (report.crossingsPerPicosecond ?? 0) / Double(n),
            reluSwitchesPerPicosecond: switches.flatMap { ps == 0 ? nil : Double(dynamics[$0].switches) / ps },
            validationEnergyRMSE: candidate.validationEnergyRMSE, validationForceRMSE: candidate.validationForceRMSE,
            teacherRMSDeviation: teacherWatch.map { dynamics[$0].monitor.report.rmsDeviationPerAtom })
    }

    /// Every candidate from every initial state (one per seed), seeds outer, candidates inner. The
    /// runs are independent and go on all cores; the rows are the same as run one by one.
    public func run(_ candidates: [DriftCandidate], from initialStates: [(seed: UInt64, system: AtomicSystem)],
                    teacher: (any Potential)? = nil) throws -> [DriftResult] {
        let pairs = initialStates.flatMap { state in candidates.map { (state, $0) } }
        return try parallelMap(pairs.count) { k in
            Result { try run(pairs[k].1, from: pairs[k].0.system, seed: pairs[k].0.seed, teacher: teacher) }
        }.map { try $0.get() }
    }
}
