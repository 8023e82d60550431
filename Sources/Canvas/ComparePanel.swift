import Foundation

/// Compare mode's panes: a legend naming each model (`cutoff/activation`) in its colour with its live
/// RMS of E_total − E_total(start) per atom, largest first, and one log plot overlaying the models'
/// running RMS since compare mode began. Values meV/atom, times fs.
public struct ComparePanel: Sendable {
    public struct Entry: Sendable {
        /// "step/relu".
        public var name: String
        public var color: TermColor
        /// The RMS now, meV/atom.
        public var value: Double
        /// The running RMS over time: (time fs, meV/atom).
        public var points: [SIMD2<Double>]
        /// Why the model's run stopped, nil while it runs.
        public var failure: String?
        /// Whether the atom view shows this model.
        public var isShown: Bool
        public init(name: String, color: TermColor, value: Double, points: [SIMD2<Double>], failure: String? = nil,
                    isShown: Bool = false) {
            self.name = name
            self.color = color
            self.value = value
            self.points = points
            self.failure = failure
            self.isShown = isShown
        }
    }

    public var entries: [Entry]
    public init(entries: [Entry]) { self.entries = entries }

    static let legendTitle = "compare: RMS of E − E(start), meV/atom"

    /// The legend's lines, largest RMS first: "━ step/relu   1.23e+01 meV/atom  ◀ atoms".
    var legendLines: [(text: String, style: CellStyle)] {
        let nameWidth = entries.map(\.name.count).max() ?? 0
        return entries.sorted { ($0.failure == nil ? $0.value : .infinity) > ($1.failure == nil ? $1.value : .infinity) }
            .map { entry in
                let name = entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                let value = entry.failure.map { "blew up: " + $0 } ?? (EnergyTrace.format(entry.value) + " meV/atom")
                let text = "━ " + name + "  " + value + (entry.isShown ? "  ◀ atoms" : "")
                return (text, CellStyle(entry.color, entry.isShown ? .bold : []))
            }
    }

    /// The running RMS of every model on one log axis over the whole comparison.
    public var plot: LinePlot {
        let series = entries.map { PlotSeries(name: $0.name, color: $0.color, points: $0.points) }
        let firsts = series.compactMap { $0.points.first?.x }, lasts = series.compactMap { $0.points.last?.x }
        let span = (lasts.max() ?? 0) - (firsts.min() ?? 0)
        var plot = LinePlot(title: "running RMS per model, log", unit: "meV/atom", series: series,
                            window: max(span, 1), minimumSpan: 1, valueAxis: .log10)
        plot.showsSeriesLegend = false
        return plot
    }

    /// Draws the legend box into `legendRect` and the plot box into `plotRect`.
    func draw(legendRect: GridRect, plotRect: GridRect, glyphs: GlyphSet, into grid: inout CellGrid) {
        let frameStyle = CellStyle(.gray), titleStyle = CellStyle(.default, .bold)
        grid.drawBox(legendRect, title: Self.legendTitle, style: frameStyle, titleStyle: titleStyle)
        let inside = legendRect.insetBy(dx: 1, dy: 1)
        for (i, line) in legendLines.prefix(inside.height).enumerated() {
            grid.write(line.text, x: inside.x, y: inside.y + i, style: line.style, clip: inside)
        }
        let plot = plot
        grid.drawBox(plotRect, title: plot.title, style: frameStyle, titleStyle: titleStyle)
        plot.draw(into: &grid, rect: plotRect.insetBy(dx: 1, dy: 1), glyphs: glyphs)
    }
}
