/// How well a run conserved its total energy: the readout of a ``ConservationMonitor``.
///
/// Units as named: energies per atom in meV/atom, times in fs unless the name says ps.
public struct ConservationReport: Sendable, Hashable {
    /// Number of atoms N.
    public var atomCount: Int
    /// Number of recorded samples.
    public var sampleCount: Int
    /// Time from the first to the last sample, fs.
    public var duration: Double
    /// Total energy E(t₀) of the first sample, eV: the reference of the deviation.
    public var initialTotalEnergy: Double
    /// Total energy of the last sample, eV.
    public var finalTotalEnergy: Double
    /// √⟨(E(t) - E(t₀))²⟩ / N in meV/atom.
    public var rmsDeviationPerAtom: Double
    /// Slope of the least-squares line through E(t)/N, meV/atom/ps.
    public var driftPerAtom: Double
    /// Largest |E(t_k) - E(t_{k-1})| between consecutive samples, meV (whole system, not per atom).
    public var largestStepChange: Double
    /// Mean instantaneous temperature over the samples, K.
    public var meanTemperature: Double
    /// Pair distances that crossed the cutoff, or nil when crossings were not counted.
    public var crossingCount: Int?
    /// ``crossingCount`` per ps of ``duration``, or nil when crossings were not counted.
    public var crossingsPerPicosecond: Double?

    public init(atomCount: Int, sampleCount: Int, duration: Double, initialTotalEnergy: Double,
                finalTotalEnergy: Double, rmsDeviationPerAtom: Double, driftPerAtom: Double,
                largestStepChange: Double, meanTemperature: Double, crossingCount: Int?,
                crossingsPerPicosecond: Double?) {
        self.atomCount = atomCount
        self.sampleCount = sampleCount
        self.duration = duration
        self.initialTotalEnergy = initialTotalEnergy
        self.finalTotalEnergy = finalTotalEnergy
        self.rmsDeviationPerAtom = rmsDeviationPerAtom
        self.driftPerAtom = driftPerAtom
        self.largestStepChange = largestStepChange
        self.meanTemperature = meanTemperature
        self.crossingCount = crossingCount
        self.crossingsPerPicosecond = crossingsPerPicosecond
    }
}
