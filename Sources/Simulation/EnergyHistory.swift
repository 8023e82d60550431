import Dynamics
import Potentials

/// A moment where a setting changed (cutoff, activation, dt, ...): the plot draws a mark there and the
/// conservation readout restarts from it.
public struct EnergyMark: Sendable, Hashable {
    /// Time of the change in fs.
    public var time: Double
    /// What changed, e.g. "cutoff: kinked".
    public var label: String
    /// Every setting in force from here on, e.g. "step/tanh, dt 2 fs, 94 K, NVE" (empty if not given).
    public var setting: String
    public init(time: Double, label: String, setting: String = "") {
        self.time = time
        self.label = label
        self.setting = setting
    }
}

/// Where a conservation segment starts: the sample that became its readout's reference E_total(t₀).
public struct SegmentStart: Sendable, Hashable {
    /// Index of that sample among all samples ever appended (not just those still held).
    public var ordinal: Int
    /// Its E_total, eV.
    public var referenceTotal: Double
}

/// The recent energy history of a run for the plots, its setting-change marks, and the conservation
/// readout since the last mark (a ``ConservationMonitor`` restarted at every mark).
///
/// Bounded: once more than ``capacity`` samples are held, the oldest quarter is dropped (amortised
/// O(1) per append), with the marks that fall before the first kept sample.
public struct EnergyHistory: Sendable {
    /// Samples oldest first (energies eV, time fs, temperature K).
    public private(set) var samples: [EnergySample] = []
    public private(set) var marks: [EnergyMark] = []
    /// The start of the run and the first sample after each mark, oldest first; the one in force
    /// when the oldest held sample was taken is kept even when its sample has been dropped.
    public private(set) var segmentStarts: [SegmentStart] = []
    /// Index among all samples ever appended of ``samples``' first element.
    public private(set) var firstOrdinal = 0
    /// The settings at the start of the run (``EnergyMark/setting``'s form), for handouts.
    public var initialSetting = "" {
        didSet { settingAtFirstSample = initialSetting }
    }
    /// The settings in force when the first held sample was taken: ``initialSetting`` until samples
    /// (and the marks among them) are dropped.
    public private(set) var settingAtFirstSample = ""
    /// Whether the next appended sample starts a segment (the first one does).
    private var segmentPending = true
    public let capacity: Int
    /// Conservation since the last mark (or the start).
    public private(set) var monitor: ConservationMonitor

    public init(atomCount: Int, capacity: Int = 6000) {
        self.capacity = max(capacity, 8)
        monitor = ConservationMonitor(atomCount: atomCount)
        samples.reserveCapacity(self.capacity + 1)
    }

    /// Appends a sample; the first sample after a mark becomes the readout's reference E(t₀).
    public mutating func append(_ sample: EnergySample) {
        if samples.count >= capacity {
            samples.removeFirst(capacity / 4)
            firstOrdinal += capacity / 4
            if let first = samples.first {
                // The settings in force at the first held sample are those of the last mark dropped.
                if let last = marks.last(where: { $0.time < first.time }), !last.setting.isEmpty {
                    settingAtFirstSample = last.setting
                }
                marks.removeAll { $0.time < first.time }
            }
            // Keep the segment in force at the first held sample: its reference is still needed.
            if let keep = segmentStarts.lastIndex(where: { $0.ordinal <= firstOrdinal }) {
                segmentStarts.removeFirst(keep)
            }
        }
        if segmentPending {
            segmentStarts.append(SegmentStart(ordinal: firstOrdinal + samples.count, referenceTotal: sample.total))
            segmentPending = false
        }
        samples.append(sample)
        monitor.record(sample)
    }

    /// Records that a setting changed at `time` (fs): the next sample starts a new readout.
    public mutating func mark(_ label: String, at time: Double, setting: String = "") {
        marks.append(EnergyMark(time: time, label: label, setting: setting))
        monitor.restart()
        segmentPending = true
    }

    /// RMS of E_total(t) − E_total(t_mark) per atom since the last mark, in meV/atom.
    public var rmsDeviationPerAtom: Double { monitor.report.rmsDeviationPerAtom }

    /// The full conservation readout since the last mark (RMS, drift, largest step; meV units).
    public var report: ConservationReport { monitor.report }

    /// Samples since the last mark (the segment the readout describes), oldest first.
    public var samplesSinceLastMark: ArraySlice<EnergySample> {
        samples.suffix(min(monitor.report.sampleCount, samples.count))
    }
}

/// Attached to a run, the history records the energies of every observed state.
extension EnergyHistory: MDObserver {
    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        append(EnergySample(state))
    }
}
