import Foundation

/// The energy history the plots show, copied from the simulation each frame. Units: time fs,
/// energies eV for the whole system.
public struct EnergyTrace: Sendable {
    /// One sample: time (fs), kinetic and potential energy (eV, whole system).
    public struct Sample: Sendable, Hashable {
        public var time: Double
        public var kinetic: Double
        public var potential: Double
        public init(time: Double, kinetic: Double, potential: Double) {
            self.time = time
            self.kinetic = kinetic
            self.potential = potential
        }
        /// E_total = K + U, eV.
        public var total: Double { kinetic + potential }
    }

    /// Where a conservation segment starts: the index in ``samples`` of its reference sample (negative:
    /// before the first held sample) and that reference E_total, eV.
    public struct Segment: Sendable, Hashable {
        public var startIndex: Int
        public var referenceTotal: Double
        public init(startIndex: Int, referenceTotal: Double) {
            self.startIndex = startIndex
            self.referenceTotal = referenceTotal
        }
    }

    /// Samples in time order.
    public var samples: [Sample]
    /// The conservation segments, oldest first, as the simulation's readout counts them (empty: each
    /// mark starts one at the first sample after its time).
    public var segments: [Segment] = []
    /// Every setting at the start of the run, for the handout's title (empty: not known).
    public var initialSetting = ""
    /// Setting changes (cutoff, activation, dt...): each restarts the drift readout.
    public var marks: [PlotMark]
    /// Number of atoms N, for per-atom values.
    public var atomCount: Int
    /// RMS of E_total(t) − E_total(t_mark) per atom since the last mark, meV/atom, as the simulation
    /// computes it over every step (nil: not available yet).
    public var driftRMS: Double?
    /// Length of the plots' time axis, fs.
    public var window: Double

    public init(samples: [Sample], marks: [PlotMark] = [], atomCount: Int, driftRMS: Double? = nil,
                window: Double = 2000) {
        self.samples = samples
        self.marks = marks
        self.atomCount = max(atomCount, 1)
        self.driftRMS = driftRMS
        self.window = window
    }

    public static let empty = EnergyTrace(samples: [], atomCount: 1)

    /// Kinetic, potential and total energy per atom relative to their values at the first sample,
    /// meV/atom: K and U mirror each other while E stays flat when energy is conserved.
    public var energyPlot: LinePlot {
        let perAtom = 1000 / Double(atomCount)
        let first = samples.first ?? Sample(time: 0, kinetic: 0, potential: 0)
        func series(_ name: String, _ shortName: String, _ color: TermColor, _ value: (Sample) -> Double) -> PlotSeries {
            let v0 = value(first)
            return PlotSeries(name: name, shortName: shortName, color: color, points: samples.map { SIMD2($0.time, (value($0) - v0) * perAtom) })
        }
        return LinePlot(title: "energy per atom, change since t0",
                        unit: "meV/atom",
                        series: [series("kinetic", "K", .red, \.kinetic), series("potential", "U", .blue, \.potential),
                                 series("total", "E", .green, \.total)],
                        marks: marks, window: window, minimumSpan: 0.1)
    }

    /// Smallest y range of the linear conservation plot, meV/atom: far below any drift worth seeing
    /// (1e-7 meV/atom is 1e-8 eV for 100 atoms), yet above double rounding of a total energy.
    static let driftMinimumSpan = 1e-7

    /// E_total(t) − E_total(t₀) per atom in meV/atom, where t₀ starts the segment t lies in (see
    /// ``segments``): each setting change restarts the curve at zero, exactly as the readout does. The
    /// axis fits the data. `logarithmic`: instead the running RMS of that deviation since t₀ and
    /// |ΔE| itself on a log axis, where 1e-5 and 1e-1 meV/atom are both readable.
    public func driftPlot(logarithmic: Bool = false) -> LinePlot {
        let readout = driftRMS.map { "RMS " + EnergyTrace.format($0) + " meV/atom" }
        guard logarithmic else {
            return LinePlot(title: "energy conservation: E − E(at switch)", unit: "meV/atom",
                            series: [PlotSeries(name: "ΔE", color: .yellow, points: driftPoints)],
                            marks: marks, window: window, readout: readout, minimumSpan: Self.driftMinimumSpan)
        }
        let deviation = driftPoints
        return LinePlot(title: "energy conservation, log: |ΔE| and running RMS since each switch", unit: "meV/atom",
                        series: [PlotSeries(name: "|ΔE|", color: .gray, points: deviation.map { SIMD2($0.x, abs($0.y)) }),
                                 PlotSeries(name: "running RMS", shortName: "RMS", color: .yellow,
                                            points: EnergyTrace.runningRMS(deviation, segmentStarts: segmentStartFlags))],
                        marks: marks, window: window, readout: readout, minimumSpan: 1, valueAxis: .log10)
    }

    /// The linear conservation plot (``driftPlot(logarithmic:)``).
    public var driftPlot: LinePlot { driftPlot() }

    /// The points of ``driftPlot``: (time fs, meV/atom).
    public var driftPoints: [SIMD2<Double>] {
        let perAtom = 1000 / Double(atomCount)
        let starts = segmentStartFlags
        var reference: Double?
        var points: [SIMD2<Double>] = []
        points.reserveCapacity(samples.count)
        var segment = segments.lastIndex { $0.startIndex <= 0 }
        var next = segment.map { $0 + 1 } ?? 0
        for (i, sample) in samples.enumerated() {
            if !segments.isEmpty {
                while next < segments.count, segments[next].startIndex <= i {
                    segment = next
                    next += 1
                }
                reference = segment.map { segments[$0].referenceTotal }
            } else if starts[i] {
                reference = nil
            }
            let e0 = reference ?? sample.total
            reference = e0
            points.append(SIMD2(sample.time, (sample.total - e0) * perAtom))
        }
        return points
    }

    /// For each sample, whether it starts a segment: from ``segments``, or without them the first
    /// sample after each mark's time (and the first sample).
    var segmentStartFlags: [Bool] {
        var flags = [Bool](repeating: false, count: samples.count)
        guard !flags.isEmpty else { return flags }
        if segments.isEmpty {
            flags[0] = true
            let markTimes = marks.map(\.time).sorted()
            var nextMark = 0
            for (i, sample) in samples.enumerated() {
                while nextMark < markTimes.count, markTimes[nextMark] <= sample.time {
                    flags[i] = true
                    nextMark += 1
                }
            }
        } else {
            for segment in segments where segment.startIndex >= 0 && segment.startIndex < flags.count {
                flags[segment.startIndex] = true
            }
        }
        return flags
    }

    /// The running RMS of `deviation` (meV/atom) restarted at each flagged start: sqrt(mean of ΔE²
    /// over the segment so far), the readout's value at every sample.
    static func runningRMS(_ deviation: [SIMD2<Double>], segmentStarts: [Bool]) -> [SIMD2<Double>] {
        var sum = 0.0, count = 0.0
        return deviation.enumerated().map { i, p in
            if i < segmentStarts.count, segmentStarts[i] { sum = 0; count = 0 }
            sum += p.y * p.y
            count += 1
            return SIMD2(p.x, (sum / count).squareRoot())
        }
    }

    /// A readout number with three significant digits ("0.0123", "1.23", "123", "1.23e+05").
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let a = abs(x)
        if a == 0 { return "0" }
        if a >= 1e5 || a < 1e-4 { return String(format: "%.2e", x) }
        let decimals = max(0, 2 - Int(log10(a).rounded(.down)))
        return String(format: "%.\(decimals)f", x)
    }
}
