/// The inspector (`i`): what makes the current model smooth or not, as four small plots against
/// distance (Å) or the activation's input: the cutoff function f_c(r) and its derivative on
/// [0, 1.2 r_c], the model's own dimer energy E(r) and force F(r) across r_c, the hidden activation
/// and its derivative, and a histogram of the present pair distances. r_c is marked on each plot of r.
public struct InspectorPanel: Sendable {
    public var modelName: String
    /// r_c, Å.
    public var cutoffRadius: Double
    /// (r Å, f_c) and (r Å, df_c/dr 1/Å); empty for a teacher.
    public var cutoffValue: [SIMD2<Double>]
    public var cutoffDerivative: [SIMD2<Double>]
    /// (r Å, E eV) and (r Å, F eV/Å).
    public var dimerEnergy: [SIMD2<Double>]
    public var dimerForce: [SIMD2<Double>]
    /// (x, σ(x)) and (x, σ'(x)); empty for a teacher.
    public var activation: [SIMD2<Double>]
    public var activationDerivative: [SIMD2<Double>]
    /// (r Å at the bin's centre, pairs in the bin).
    public var pairHistogram: [SIMD2<Double>]

    public init(modelName: String, cutoffRadius: Double, cutoffValue: [SIMD2<Double>], cutoffDerivative: [SIMD2<Double>],
                dimerEnergy: [SIMD2<Double>], dimerForce: [SIMD2<Double>], activation: [SIMD2<Double>],
                activationDerivative: [SIMD2<Double>], pairHistogram: [SIMD2<Double>]) {
        self.modelName = modelName
        self.cutoffRadius = cutoffRadius
        self.cutoffValue = cutoffValue
        self.cutoffDerivative = cutoffDerivative
        self.dimerEnergy = dimerEnergy
        self.dimerForce = dimerForce
        self.activation = activation
        self.activationDerivative = activationDerivative
        self.pairHistogram = pairHistogram
    }

    /// The plots top to bottom (those with data), each with its title.
    public var plots: [LinePlot] {
        let rc = [PlotMark(time: cutoffRadius, label: "r_c")]
        func plot(_ title: String, _ unit: String, _ series: [PlotSeries], x: String, marks: [PlotMark]) -> LinePlot? {
            let xs = series.flatMap { $0.points.map(\.x) }
            guard let low = xs.min(), let high = xs.max(), high > low else { return nil }
            var p = LinePlot(title: title, unit: unit, series: series, marks: marks, window: high - low, minimumSpan: 1e-6)
            p.xUnit = x
            p.xLabelDivisor = 1
            return p
        }
        return [
            plot("f_c(r) and df_c/dr of " + modelName, "",
                 [PlotSeries(name: "f_c", color: .green, points: cutoffValue),
                  PlotSeries(name: "df_c/dr (1/Å)", shortName: "f_c'", color: .orange, points: cutoffDerivative)],
                 x: "Å", marks: rc),
            plot("dimer across r_c: the model's own E(r), F(r)", "eV, eV/Å",
                 [PlotSeries(name: "E(r) eV", shortName: "E", color: .blue, points: dimerEnergy),
                  PlotSeries(name: "F(r) eV/Å", shortName: "F", color: .red, points: dimerForce)],
                 x: "Å", marks: rc),
            plot("activation σ(x) and σ'(x)", "",
                 [PlotSeries(name: "σ", color: .cyan, points: activation),
                  PlotSeries(name: "σ'", color: .magenta, points: activationDerivative)],
                 x: "x", marks: []),
            plot("pair distances now (minimum image)", "pairs",
                 [PlotSeries(name: "pairs per bin", shortName: "n", color: .yellow, points: pairHistogram)],
                 x: "Å", marks: rc),
        ].compactMap { $0 }
    }

    /// The plots stacked in `rect`, each framed with its title.
    func draw(in rect: GridRect, glyphs: GlyphSet, into grid: inout CellGrid) {
        let plots = plots
        guard !plots.isEmpty else { return }
        let height = rect.height / plots.count
        for (i, plot) in plots.enumerated() {
            let top = rect.y + i * height
            let box = GridRect(x: rect.x, y: top, width: rect.width, height: i == plots.count - 1 ? rect.maxY - top : height)
            grid.drawBox(box, title: plot.title, style: CellStyle(.gray), titleStyle: CellStyle(.default, .bold))
            plot.draw(into: &grid, rect: box.insetBy(dx: 1, dy: 1), glyphs: glyphs)
        }
    }
}
