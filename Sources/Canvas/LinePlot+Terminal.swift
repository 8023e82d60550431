extension LinePlot {
    /// Draws the plot into `rect` of `grid`: a legend row (unit, series names, readout), the curves
    /// as `glyphs` dots with y labels on the left, change marks as dotted verticals with their labels,
    /// and time labels in ps on the bottom row. The caller draws any frame and ``title`` around it.
    public func draw(into grid: inout CellGrid, rect: GridRect, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        drawLegend(into: &grid, row: rect.y, rect: rect)
        guard rect.height >= 4, let range = timeRange else {
            if rect.height >= 2 {
                let area = GridRect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
                let text = "waiting for data…"
                grid.write(text, x: area.x + max(0, (area.width - text.count) / 2), y: area.y + area.height / 2,
                           style: CellStyle(.default, .dim), clip: area)
            }
            return
        }
        let plotRows = rect.height - 2
        let scale = valueScale(in: range, rows: plotRows)
        let ticks = scale.ticks
        let labelWidth = ticks.map { tickLabel($0, scale: scale).count }.max() ?? 1
        let area = GridRect(x: rect.x + labelWidth + 1, y: rect.y + 1, width: rect.width - labelWidth - 1, height: plotRows)
        guard area.width >= 4 else { return }

        var canvas = DotCanvas(columns: area.width, rows: area.height, glyphs: glyphs)
        let dotX = { (t: Double) in (t - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(canvas.dotWidth - 1) }
        let dotY = { (v: Double) in (1 - scale.fraction(v)) * Double(canvas.dotHeight - 1) }

        let markStyle = CellStyle(.magenta)
        let visibleMarks = marks.filter { range.contains($0.time) }
        for mark in visibleMarks {
            let x = Int(dotX(mark.time).rounded())
            for y in stride(from: 0, to: canvas.dotHeight, by: 2) { canvas.plot(x: x, y: y, style: markStyle) }
        }
        for s in series {
            let style = CellStyle(s.color)
            var previous: SIMD2<Double>?
            for i in LinePlot.visibleIndices(s.points, in: range) {
                let p = s.points[i]
                guard p.x.isFinite, let y = axisValue(p.y) else { previous = nil; continue }
                let dot = SIMD2(dotX(p.x), dotY(y))
                canvas.line(from: previous ?? dot, to: dot, style: style)
                previous = dot
            }
        }
        canvas.composite(into: &grid, x: area.x, y: area.y)

        drawMarkLabels(visibleMarks, into: &grid, area: area, style: markStyle) {
            area.x + Int(dotX($0).rounded()) / canvas.cellDotsX
        }
        drawValueAxis(into: &grid, scale: scale, labelWidth: labelWidth, area: area, dotY: dotY, cellDotsY: canvas.cellDotsY)
        drawTimeAxis(into: &grid, range: range, area: area, row: rect.maxY - 1, dotX: dotX, cellDotsX: canvas.cellDotsX)
    }

    /// Each mark's label right of its line (left of it at the right edge), on the top row of the
    /// curves or, where an earlier label is in the way, on the next free row below (at most a third
    /// of the rows); a label with no free place is left out rather than overprinting another.
    private func drawMarkLabels(_ marks: [PlotMark], into grid: inout CellGrid, area: GridRect, style: CellStyle,
                                column: (Double) -> Int) {
        let rows = max(1, area.height / 3)
        var freeFrom = [Int](repeating: area.x, count: rows)
        for mark in marks.sorted(by: { $0.time < $1.time }) {
            let line = column(mark.time)
            let width = mark.label.count
            var start = line + 1
            if start + width > area.maxX { start = line - width }
            guard start >= area.x, let row = freeFrom.firstIndex(where: { $0 <= start }) else { continue }
            grid.write(mark.label, x: start, y: area.y + row, style: style, clip: area)
            freeFrom[row] = start + width + 1
        }
    }

    /// "unit  ━ name  ━ name ... readout", with the series' short names when the full ones do not fit.
    private func drawLegend(into grid: inout CellGrid, row: Int, rect: GridRect) {
        let clip = GridRect(x: rect.x, y: row, width: rect.width, height: 1)
        let fullWidth = unit.count + series.reduce(0) { $0 + 4 + $1.name.count } + (readout.map { $0.count + 2 } ?? 0)
        let useShort = fullWidth > rect.width
        var x = grid.write(unit, x: rect.x, y: row, style: CellStyle(.default, .dim), clip: clip) + 2
        for s in series where showsSeriesLegend {
            x = grid.write("━ " + (useShort ? s.shortName : s.name), x: x, y: row, style: CellStyle(s.color), clip: clip) + 2
        }
        if let readout {
            let start = max(x, rect.maxX - readout.count)
            grid.write(readout, x: start, y: row, style: CellStyle(.default, .bold), clip: clip)
        }
    }

    private func drawValueAxis(into grid: inout CellGrid, scale: AxisScale, labelWidth: Int, area: GridRect,
                               dotY: (Double) -> Double, cellDotsY: Int) {
        let axisColumn = area.x - 1
        let axisStyle = CellStyle(.gray, .dim)
        for row in area.y..<area.maxY { grid.set("│", x: axisColumn, y: row, style: axisStyle) }
        var usedRows = Set<Int>()
        for tick in scale.ticks {
            let row = area.y + min(max(Int(dotY(tick).rounded()) / cellDotsY, 0), area.height - 1)
            guard usedRows.insert(row).inserted else { continue }
            let text = tickLabel(tick, scale: scale)
            grid.write(text, x: axisColumn - text.count, y: row, style: .plain)
            grid.set("┤", x: axisColumn, y: row, style: axisStyle)
        }
    }

    private func drawTimeAxis(into grid: inout CellGrid, range: ClosedRange<Double>, area: GridRect, row: Int,
                              dotX: (Double) -> Double, cellDotsX: Int) {
        let lower = range.lowerBound / xLabelDivisor, upper = range.upperBound / xLabelDivisor
        let scale = AxisScale(covering: lower, upper, targetTicks: max(1, area.width / 12), minimumSpan: 1e-9)
        // The unit sits under the y labels, so the ticks may use the whole width.
        grid.write(xUnit, x: area.x - 1 - xUnit.count, y: row, style: CellStyle(.default, .dim))
        var freeFrom = area.x - 2
        for tick in scale.ticks where tick >= lower - 1e-9 * scale.step && tick <= upper + 1e-9 * scale.step {
            let text = scale.label(tick)
            let column = area.x + Int(dotX(tick * xLabelDivisor).rounded()) / cellDotsX
            let start = min(max(column - text.count / 2, area.x), area.maxX - text.count)
            guard start > freeFrom else { continue }
            grid.write(text, x: start, y: row, style: .plain)
            freeFrom = start + text.count
        }
    }
}
