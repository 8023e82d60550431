import Foundation
import Testing
@testable import Canvas

@Suite("Plots and axes")
struct PlotTests {
    @Test("nice steps are 1, 2 or 5 times a power of ten and at least the raw step")
    func niceSteps() {
        for (raw, nice) in [(0.3, 0.5), (0.11, 0.2), (1.0, 1.0), (7.0, 10.0), (0.0021, 0.005), (45.0, 50.0)] {
            #expect(abs(AxisScale.niceStep(raw) - nice) < 1e-12 * nice, "\(raw)")
        }
    }

    @Test("the scale covers the data with whole steps and labels ticks with just enough decimals")
    func scaleCoversData() {
        let scale = AxisScale(covering: -0.137, 0.42, targetTicks: 4, minimumSpan: 0)
        #expect(scale.step == 0.2)
        #expect(scale.lower <= -0.137 && scale.upper >= 0.42)
        #expect(scale.ticks.map(scale.label) == ["-0.2", "0.0", "0.2", "0.4", "0.6"])
    }

    @Test("a constant series gets a range of the minimum span around its value")
    func constantSeries() {
        let scale = AxisScale(covering: 5, 5, targetTicks: 2, minimumSpan: 0.1)
        #expect(scale.lower <= 4.95 && scale.upper >= 5.05)
        #expect(scale.upper - scale.lower <= 0.2 + 1e-12)
    }

    @Test("the drift restarts at zero after each mark and is per atom in meV")
    func driftRestartsAtMarks() {
        // 2 atoms; E_total = 1, 1.002, 1.004 | mark at t = 2 | 1.010, 1.016 eV.
        let totals = [1.0, 1.002, 1.004, 1.010, 1.016]
        let samples = totals.enumerated().map { EnergyTrace.Sample(time: Double($0.offset), kinetic: 0, potential: $0.element) }
        let trace = EnergyTrace(samples: samples, marks: [PlotMark(time: 2.5, label: "c")], atomCount: 2)
        let drift = trace.driftPoints.map(\.y)
        let expected = [0, 1, 2, 0, 3.0]
        for (d, e) in zip(drift, expected) { #expect(abs(d - e) < 1e-9) }
    }

    @Test("the time axis fills from the left, then scrolls to keep the latest window")
    func timeWindow() {
        func plot(until end: Double) -> LinePlot {
            let points = stride(from: 100.0, through: end, by: 10).map { SIMD2($0, 0.0) }
            return LinePlot(title: "", unit: "", series: [PlotSeries(name: "x", color: .red, points: points)],
                            window: 1000, minimumSpan: 1)
        }
        #expect(plot(until: 500).timeRange == 100...1100)
        #expect(plot(until: 3000).timeRange == 2000...3000)
        #expect(LinePlot(title: "", unit: "", series: [], window: 1000, minimumSpan: 1).timeRange == nil)
    }

    static let rect = GridRect(x: 0, y: 0, width: 50, height: 12)

    func render(_ plot: LinePlot, glyphs: GlyphSet = .braille) -> [String] {
        var grid = CellGrid(size: GridSize(width: Self.rect.width, height: Self.rect.height))
        plot.draw(into: &grid, rect: Self.rect, glyphs: glyphs)
        return grid.rows()
    }

    @Test("the energy plot matches its golden render")
    func energyGolden() { Golden.expectMatches(render(Fixtures.energy.energyPlot), name: "plot-energy") }

    @Test("the drift plot with its mark and readout matches its golden render")
    func driftGolden() { Golden.expectMatches(render(Fixtures.energy.driftPlot), name: "plot-drift") }

    @Test("the drift plot in quadrant blocks matches its golden render")
    func driftBlocksGolden() { Golden.expectMatches(render(Fixtures.energy.driftPlot, glyphs: .blocks), name: "plot-drift-blocks") }

    @Test("an empty plot says it is waiting for data")
    func emptyPlot() {
        let rows = render(EnergyTrace.empty.energyPlot)
        #expect(rows.contains { $0.contains("waiting for data") })
        #expect(!rows.joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test("a constant series is one flat line of dots")
    func flatLine() {
        let points = stride(from: 0.0, through: 500, by: 5).map { SIMD2($0, -3.25) }
        let plot = LinePlot(title: "", unit: "eV", series: [PlotSeries(name: "U", color: .blue, points: points)],
                            window: 500, minimumSpan: 0.1)
        let rows = render(plot)
        let dottedRows = rows.filter { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
        #expect(dottedRows.count == 1)
    }
}
