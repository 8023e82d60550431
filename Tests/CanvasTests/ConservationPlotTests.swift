import Foundation
import Testing
@testable import Canvas

@Suite("Conservation plot tells the truth")
struct ConservationPlotTests {
    /// Two atoms; the old model's last sample and the new model's first sample share the switch time,
    /// as they do in the lab (the new potential is evaluated at the same positions).
    static func switchedTrace() -> EnergyTrace {
        let samples = [(0.0, 1.0), (1.0, 1.002), (2.0, 1.004), (2.0, 3.0), (3.0, 3.0004), (4.0, 2.9998)]
            .map { EnergyTrace.Sample(time: $0.0, kinetic: 0, potential: $0.1) }
        var trace = EnergyTrace(samples: samples, marks: [PlotMark(time: 2, label: "cutoff: step")], atomCount: 2)
        trace.segments = [.init(startIndex: 0, referenceTotal: 1.0), .init(startIndex: 3, referenceTotal: 3.0)]
        return trace
    }

    @Test("each segment's curve is E_total - E_total(switch), the readout's own reference, even when two samples share the switch time")
    func curveUsesReadoutReference() {
        let drift = Self.switchedTrace().driftPoints.map(\.y)
        // meV/atom: (E - E_ref) * 1000 / 2.
        let expected = [0, 1, 2, 0, 0.2, -0.1]
        for (d, e) in zip(drift, expected) { #expect(abs(d - e) < 1e-9, "\(drift)") }
    }

    @Test("a segment whose reference sample was dropped keeps its reference")
    func droppedReference() {
        var trace = Self.switchedTrace()
        trace.samples.removeFirst(4)
        trace.segments = [.init(startIndex: -1, referenceTotal: 3.0)]
        let drift = trace.driftPoints.map(\.y)
        #expect(abs(drift[0] - 0.2) < 1e-9 && abs(drift[1] + 0.1) < 1e-9)
    }

    @Test("the running RMS restarts at each segment and ends at the segment's RMS")
    func runningRMS() {
        let trace = Self.switchedTrace()
        let rms = EnergyTrace.runningRMS(trace.driftPoints, segmentStarts: trace.segmentStartFlags).map(\.y)
        #expect(abs(rms[2] - (5.0 / 3).squareRoot()) < 1e-9)
        #expect(rms[3] == 0)
        #expect(abs(rms[5] - ((0.04 + 0.01) / 3).squareRoot()) < 1e-9)
    }

    @Test("the linear axis fits a drift of 1e-5 meV/atom instead of a fixed floor")
    func axisFitsData() {
        let points = (0..<50).map { SIMD2(Double($0), 1e-5 * sin(Double($0) / 5)) }
        let plot = LinePlot(title: "", unit: "meV/atom", series: [PlotSeries(name: "ΔE", color: .yellow, points: points)],
                            window: 100, minimumSpan: EnergyTrace.driftMinimumSpan)
        let scale = plot.valueScale(in: 0...100, rows: 10)
        #expect(scale.upper - scale.lower < 1e-4)
        #expect(scale.upper >= 0.99e-5 && scale.lower <= -0.99e-5)
    }

    @Test("the log view labels whole decades so that 1e-5 and 1e-1 meV/atom are both readable")
    func logAxisDecades() {
        let points = (0..<50).map { SIMD2(Double($0) * 10, pow(10, -5 + 4 * Double($0) / 49)) }
        let plot = LinePlot(title: "", unit: "meV/atom", series: [PlotSeries(name: "RMS", color: .yellow, points: points)],
                            window: 500, minimumSpan: 1, valueAxis: .log10)
        var grid = CellGrid(size: GridSize(width: 60, height: 16))
        plot.draw(into: &grid, rect: GridRect(x: 0, y: 0, width: 60, height: 16), glyphs: .braille)
        let text = grid.rows().joined(separator: "\n")
        #expect(text.contains("1e-5") && text.contains("1e-1"), "\(text)")
    }

    @Test("switch labels close together never overprint: each is drawn whole or not at all")
    func labelsDoNotOverprint() {
        let points = (0..<100).map { SIMD2(Double($0) * 20, 0.0) }
        let labels = ["dt 4 fs", "dt 8 fs", "dt 1 fs", "dt 32 fs"]
        let marks = labels.enumerated().map { PlotMark(time: 1000 + Double($0.offset) * 20, label: $0.element) }
        let plot = LinePlot(title: "", unit: "meV/atom", series: [PlotSeries(name: "ΔE", color: .yellow, points: points)],
                            marks: marks, window: 2000, minimumSpan: 1)
        var grid = CellGrid(size: GridSize(width: 70, height: 16))
        plot.draw(into: &grid, rect: GridRect(x: 0, y: 0, width: 70, height: 16), glyphs: .braille)
        let text = grid.rows().joined(separator: "\n")
        for label in labels { #expect(text.contains(label), "\(label) missing:\n\(text)") }
        #expect(!text.contains("dt 4dt"))
    }

    @Test("the log drift plot matches its golden render")
    func logGolden() {
        let samples = (0..<200).map { i -> EnergyTrace.Sample in
            let t = Double(i) * 10
            let e = i < 100 ? 1e-6 * sin(t / 37) : 0.5 + 1e-3 * Double(i - 100)
            return EnergyTrace.Sample(time: t, kinetic: 0, potential: e)
        }
        var trace = EnergyTrace(samples: samples, marks: [PlotMark(time: 1000, label: "cutoff: step")], atomCount: 1)
        trace.segments = [.init(startIndex: 0, referenceTotal: 0), .init(startIndex: 100, referenceTotal: 0.5)]
        var grid = CellGrid(size: GridSize(width: 60, height: 14))
        trace.driftPlot(logarithmic: true).draw(into: &grid, rect: GridRect(x: 0, y: 0, width: 60, height: 14), glyphs: .braille)
        Golden.expectMatches(grid.rows(), name: "plot-drift-log")
    }
}
