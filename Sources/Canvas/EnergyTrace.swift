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

    /// Samples in time order.
    public var samples: [Sample]
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
        func series(_ name: String, _ color: TermColor, _ value: (Sample) -> Double) -> PlotSeries {
            let v0 = value(first)
            return PlotSeries(name: name, color: color, points: samples.map { SIMD2($0.time, (value($0) - v0) * perAtom) })
        }
        return LinePlot(title: "energy per atom, change since t0",
                        unit: "meV/atom",
                        series: [series("kinetic", .red, \.kinetic), series("potential", .blue, \.potential),
                                 series("total", .green, \.total)],
                        marks: marks, window: window, minimumSpan: 0.1)
    }

    /// E_total(t) − E_total(t_mark) per atom in meV/atom, where t_mark is the first sample at or after
    /// the latest mark before t: each setting change restarts the curve at zero, as the readout does.
    public var driftPlot: LinePlot {
        LinePlot(title: "energy conservation: E_total − E_total(t0)",
                 unit: "meV/atom",
                 series: [PlotSeries(name: "ΔE", color: .yellow, points: driftPoints)],
                 marks: marks, window: window, readout: driftRMS.map { "RMS " + EnergyTrace.format($0) + " meV/atom" },
                 minimumSpan: 0.01)
    }

    /// The points of ``driftPlot``: (time fs, meV/atom).
    public var driftPoints: [SIMD2<Double>] {
        let perAtom = 1000 / Double(atomCount)
        let markTimes = marks.map(\.time).sorted()
        var nextMark = 0
        var reference: Double?
        var points: [SIMD2<Double>] = []
        points.reserveCapacity(samples.count)
        for sample in samples {
            while nextMark < markTimes.count, markTimes[nextMark] <= sample.time {
                reference = nil
                nextMark += 1
            }
            let e0 = reference ?? sample.total
            reference = e0
            points.append(SIMD2(sample.time, (sample.total - e0) * perAtom))
        }
        return points
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
