/// One point of the energy plot. Units: time fs, energies eV (whole system).
public struct EnergyPoint: Sendable, Hashable {
    public var time: Double
    public var kinetic: Double
    public var potential: Double
    public init(time: Double, kinetic: Double, potential: Double) {
        self.time = time
        self.kinetic = kinetic
        self.potential = potential
    }
    /// E_total = K + U in eV.
    public var total: Double { kinetic + potential }
}

/// A moment where a setting changed (cutoff, activation, dt, ...): the plot draws a mark there and the
/// conservation readout restarts from it.
public struct EnergyMark: Sendable, Hashable {
    /// Time of the change in fs.
    public var time: Double
    /// What changed, e.g. "cutoff: kinked".
    public var label: String
    public init(time: Double, label: String) {
        self.time = time
        self.label = label
    }
}

/// The recent energy history of a run with its setting-change marks, and the running conservation
/// readout: the RMS of E_total(t) − E_total(t_mark) per atom over the samples since the last mark.
///
/// Bounded: once more than ``capacity`` samples are held, the oldest quarter is dropped (amortised
/// O(1) per append), with the marks that fall before the first kept sample.
public struct EnergyHistory: Sendable {
    public private(set) var samples: [EnergyPoint] = []
    public private(set) var marks: [EnergyMark] = []
    /// Number of atoms N, for per-atom readouts.
    public let atomCount: Int
    public let capacity: Int
    /// E_total at the last mark (or the first sample), in eV: the reference of the readout.
    public private(set) var reference: Double?
    private var sumOfSquaredDeviations = 0.0
    private var samplesSinceMark = 0

    public init(atomCount: Int, capacity: Int = 6000) {
        self.atomCount = max(atomCount, 1)
        self.capacity = max(capacity, 8)
        samples.reserveCapacity(self.capacity + 1)
    }

    /// Appends a sample; the first sample after a mark becomes the readout's reference.
    public mutating func append(_ sample: EnergyPoint) {
        if samples.count >= capacity {
            let drop = capacity / 4
            samples.removeFirst(drop)
            if let first = samples.first { marks.removeAll { $0.time < first.time } }
        }
        samples.append(sample)
        guard let reference else {
            self.reference = sample.total
            samplesSinceMark = 1
            return
        }
        let deviation = sample.total - reference
        sumOfSquaredDeviations += deviation * deviation
        samplesSinceMark += 1
    }

    /// Records that a setting changed at `time` (fs): the next sample starts a new readout.
    public mutating func mark(_ label: String, at time: Double) {
        marks.append(EnergyMark(time: time, label: label))
        reference = nil
        sumOfSquaredDeviations = 0
        samplesSinceMark = 0
    }

    /// RMS of E_total(t) − E_total(t_mark) per atom since the last mark, in meV/atom
    /// (0 before two samples exist).
    public var rmsDeviationPerAtom: Double {
        guard samplesSinceMark > 0 else { return 0 }
        return (sumOfSquaredDeviations / Double(samplesSinceMark)).squareRoot() / Double(atomCount) * 1000
    }

    /// Samples since the last mark (the segment the readout describes).
    public var samplesSinceLastMark: ArraySlice<EnergyPoint> {
        samples.suffix(samplesSinceMark)
    }
}
