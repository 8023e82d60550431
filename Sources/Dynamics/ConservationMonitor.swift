import Geometry

/// Watches a run's energies step by step and reads out how well the total energy is conserved.
///
/// Call ``record(_:)-(MDState)`` (or ``record(_:neighbors:)`` to count cutoff crossings too) after
/// every step. The statistics take O(1) memory however long the run; an optional bounded history
/// keeps the latest samples for plots and CSV files. ``restart()`` starts the readout afresh from the
/// next record, as the lab does when the user switches models mid-run.
///
/// The readout (``report``) gives, with E(t) the total energy, N atoms and t in ps:
/// - RMS deviation √(⟨(E(t) - E(t₀))²⟩) / N in meV/atom, over every recorded sample;
/// - drift: the slope of the least-squares line through E(t)/N, in meV/atom/ps;
/// - the largest |E(t_k) - E(t_{k-1})| between consecutive records, in meV;
/// - cutoff crossings per ps (see ``CutoffCrossingCounter``).
public struct ConservationMonitor: Sendable {
    /// Number of atoms N (energies are reported per atom).
    public let atomCount: Int
    /// Most samples ``history`` keeps (0: no history).
    public let historyCapacity: Int
    /// The cutoff whose crossings are counted, in Å. Created without one, the monitor follows the
    /// cutoff of the neighbour list given to ``record(_:neighbors:)`` (the potential's r_c), and is
    /// nil before the first such record.
    public var crossingCutoff: Double? { crossings?.cutoff }
    /// The most recent sample, or nil before the first record.
    public private(set) var latest: EnergySample?

    private var statistics = RunningStatistics()
    private var crossings: CutoffCrossingCounter?
    /// True when the crossing cutoff was given at creation rather than taken from the lists.
    private let crossingCutoffIsFixed: Bool
    /// Crossings counted under an earlier cutoff since the last restart (the lists' cutoff changed).
    private var earlierCrossings = 0
    private var ring: [EnergySample] = []
    private var ringStart = 0

    /// A monitor for a system of `atomCount` atoms. `crossingCutoff` (Å) is the r_c whose crossings
    /// are counted (nil: the cutoff of the neighbour list given to ``record(_:neighbors:)``, i.e. the
    /// potential's); it must not exceed the cutoff of the lists given to ``record(_:neighbors:)``,
    /// which only guarantee pairs out to their own cutoff. `historyCapacity` is how many recent
    /// samples ``history`` keeps.
    public init(atomCount: Int, crossingCutoff: Double? = nil, historyCapacity: Int = 0) {
        self.atomCount = max(atomCount, 1)
        self.historyCapacity = max(historyCapacity, 0)
        crossingCutoffIsFixed = crossingCutoff != nil
        crossings = crossingCutoff.map(CutoffCrossingCounter.init(cutoff:))
        ring.reserveCapacity(self.historyCapacity)
    }

    /// Records the energies of `state` (no crossing count).
    public mutating func record(_ state: MDState) {
        record(EnergySample(state))
    }

    /// Records the energies of `state` and counts the pairs that crossed the cutoff since the
    /// previous record, using `neighbors`, the run's list (``Potentials/ForceEvaluator/neighbors``).
    public mutating func record(_ state: MDState, neighbors: NeighborList) {
        if !crossingCutoffIsFixed && crossings?.cutoff != neighbors.cutoff {
            // A new potential with another r_c: count its crossings from here on.
            earlierCrossings += crossings?.count ?? 0
            crossings = CutoffCrossingCounter(cutoff: neighbors.cutoff)
        }
        crossings?.observe(state.system, neighbors: neighbors)
        record(EnergySample(state))
    }

    /// Records one sample (energies eV, time fs, temperature K).
    public mutating func record(_ sample: EnergySample) {
        statistics.add(sample)
        latest = sample
        guard historyCapacity > 0 else { return }
        if ring.count < historyCapacity {
            ring.append(sample)
        } else {
            ring[ringStart] = sample
            ringStart = (ringStart + 1) % historyCapacity
        }
    }

    /// Starts the readout afresh: the next record becomes t₀ with reference energy E(t₀), and the
    /// deviation, drift, largest step and crossings count from there. The history is kept.
    public mutating func restart() {
        statistics = RunningStatistics()
        earlierCrossings = 0
        crossings?.reset()
    }

    /// Empties the history (the statistics are kept).
    public mutating func clearHistory() {
        ring.removeAll(keepingCapacity: true)
        ringStart = 0
    }

    /// The latest ``historyCapacity`` samples, oldest first.
    public var history: [EnergySample] {
        Array(ring[ringStart...] + ring[..<ringStart])
    }

    /// The conservation readout since creation or the last ``restart()``.
    public var report: ConservationReport {
        let s = statistics
        let perAtomMilli = 1000 / Double(atomCount)
        let durationPs = s.duration / 1000
        let counted = crossings.map { $0.count + earlierCrossings }
        return ConservationReport(
            atomCount: atomCount,
            sampleCount: s.count,
            duration: s.duration,
            initialTotalEnergy: s.reference,
            finalTotalEnergy: s.reference + s.lastDeviation,
            rmsDeviationPerAtom: s.count > 0 ? (s.sumSquaredDeviation / Double(s.count)).squareRoot() * perAtomMilli : 0,
            driftPerAtom: s.slope * 1000 * perAtomMilli,
            largestStepChange: s.largestStep * 1000,
            meanTemperature: s.meanTemperature,
            crossingCount: counted,
            crossingsPerPicosecond: counted.map { durationPs > 0 ? Double($0) / durationPs : 0 })
    }
}

/// O(1) running sums behind ``ConservationMonitor/report``. Deviations y = E - E(t₀) keep the sums
/// free of cancellation; the least-squares slope uses Welford's co-moment updates.
struct RunningStatistics: Sendable {
    var count = 0
    var reference = 0.0          // E(t₀), eV
    var startTime = 0.0          // t₀, fs
    var duration = 0.0           // t - t₀ of the last sample, fs
    var lastDeviation = 0.0      // E(t) - E(t₀) of the last sample, eV
    var sumSquaredDeviation = 0.0
    var largestStep = 0.0        // eV
    var meanTemperature = 0.0    // K
    private var meanTime = 0.0, meanDeviation = 0.0
    private var timeVariation = 0.0, coVariation = 0.0   // Σ(t - t̄)², Σ(t - t̄)(y - ȳ)

    mutating func add(_ sample: EnergySample) {
        if count == 0 {
            reference = sample.total
            startTime = sample.time
        }
        let t = sample.time - startTime
        let y = sample.total - reference
        if count > 0 { largestStep = max(largestStep, abs(y - lastDeviation)) }
        count += 1
        let weight = 1 / Double(count)
        let dt = t - meanTime
        meanTime += dt * weight
        meanDeviation += (y - meanDeviation) * weight
        timeVariation += dt * (t - meanTime)
        coVariation += dt * (y - meanDeviation)
        meanTemperature += (sample.temperature - meanTemperature) * weight
        sumSquaredDeviation += y * y
        lastDeviation = y
        duration = t
    }

    /// Least-squares slope dE/dt in eV/fs (0 with fewer than two distinct times).
    var slope: Double { timeVariation > 0 ? coVariation / timeVariation : 0 }
}
