import Foundation

/// One plot of an ``SVGDocument``: the markup of its axes, ticks, series, marks and legend inside a
/// frame given in px.
struct SVGPanel {
    struct Frame {
        var x: Double, y: Double, width: Double, height: Double
    }

    let plot: LinePlot
    let frame: Frame

    func markup() -> String {
        var out = "<g>\n"
        out += text(plot.title, x: frame.x, y: frame.y - 18, attributes: #"font-size="14" font-weight="bold""#)
        if let readout = plot.readout {
            out += text(readout, x: frame.x + frame.width, y: frame.y - 18, attributes: #"text-anchor="end" font-weight="bold""#)
        }
        out += "<rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" "
            + "fill=\"none\" stroke=\"#999999\"/>\n"
        guard let range = plot.timeRange else {
            return out + text("no data", x: frame.x + frame.width / 2, y: frame.y + frame.height / 2,
                              attributes: ##"text-anchor="middle" fill="#999999""##) + "</g>\n"
        }
        let values = plot.valueScale(in: range, rows: Int(frame.height / 12))
        let times = AxisScale(covering: range.lowerBound / 1000, range.upperBound / 1000, targetTicks: 8, minimumSpan: 1e-9)
        let px = { (t: Double) in frame.x + (t - range.lowerBound) / (range.upperBound - range.lowerBound) * frame.width }
        let py = { (v: Double) in frame.y + (1 - values.fraction(v)) * frame.height }

        for tick in values.ticks {
            let y = py(tick)
            out += line(frame.x - 5, y, frame.x, y, stroke: "#333333")
            out += line(frame.x, y, frame.x + frame.width, y, stroke: "#eeeeee")
            out += text(plot.tickLabel(tick, scale: values), x: frame.x - 8, y: y + 4, attributes: #"text-anchor="end""#)
        }
        for tick in times.ticks where tick * 1000 >= range.lowerBound - 1e-9 && tick * 1000 <= range.upperBound + 1e-9 {
            let x = px(tick * 1000)
            out += line(x, frame.y + frame.height, x, frame.y + frame.height + 5, stroke: "#333333")
            out += text(times.label(tick), x: x, y: frame.y + frame.height + 18, attributes: #"text-anchor="middle""#)
        }
        out += text("window starts at \(formattedPicoseconds(range.lowerBound)) ps of the run", x: frame.x,
                    y: frame.y + frame.height + 36, attributes: "")
        out += text("time (ps)", x: frame.x + frame.width / 2, y: frame.y + frame.height + 36, attributes: #"text-anchor="middle""#)
        let unitY = frame.y + frame.height / 2
        out += text(plot.unit, x: frame.x - 60, y: unitY,
                    attributes: "text-anchor=\"middle\" transform=\"rotate(-90 \(n(frame.x - 60)) \(n(unitY)))\"")

        // Mark labels stack downwards where an earlier one is in the way (about 7 px per character).
        var freeFrom: [Double] = []
        for mark in plot.marks.sorted(by: { $0.time < $1.time }) where range.contains(mark.time) {
            let x = px(mark.time)
            out += "<line x1=\"\(n(x))\" y1=\"\(n(frame.y))\" x2=\"\(n(x))\" y2=\"\(n(frame.y + frame.height))\" "
                + "stroke=\"#9467bd\" stroke-dasharray=\"4 3\"/>\n"
            let width = Double(mark.label.count) * 7
            let start = x + width + 4 > frame.x + frame.width ? x - width - 4 : x + 4
            let row = freeFrom.firstIndex { $0 <= start } ?? freeFrom.count
            if row == freeFrom.count { freeFrom.append(0) }
            freeFrom[row] = start + width + 6
            out += text(mark.label, x: start, y: frame.y + 14 + Double(row) * 14, attributes: ##"fill="#9467bd""##)
        }
        for series in plot.series {
            let visible = LinePlot.visibleIndices(series.points, in: range)
            let coordinates = visible.compactMap { i -> String? in
                let p = series.points[i]
                guard p.x.isFinite, let y = plot.axisValue(p.y) else { return nil }
                return n(px(p.x)) + "," + n(py(y))
            }
            guard !coordinates.isEmpty else { continue }
            out += "<polyline fill=\"none\" stroke=\"\(series.color.svgColor)\" stroke-width=\"1.5\" points=\""
                + coordinates.joined(separator: " ") + "\"/>\n"
        }
        var legendX = frame.x + 8
        let legendWidth = plot.series.reduce(0.0) { $0 + 40 + Double($1.name.count) * 7 }
        out += "<rect x=\"\(n(frame.x + 2))\" y=\"\(n(frame.y + frame.height - 24))\" width=\"\(n(legendWidth))\" "
            + "height=\"20\" fill=\"white\" fill-opacity=\"0.85\"/>\n"
        for series in plot.series {
            out += line(legendX, frame.y + frame.height - 12, legendX + 18, frame.y + frame.height - 12, stroke: series.color.svgColor)
            out += text(series.name, x: legendX + 22, y: frame.y + frame.height - 8, attributes: "")
            legendX += 40 + Double(series.name.count) * 7
        }
        return out + "</g>\n"
    }

    private func text(_ content: String, x: Double, y: Double, attributes: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" \(attributes)>\(SVGDocument.escape(content))</text>\n"
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    /// Fs as ps with three decimals.
    private func formattedPicoseconds(_ fs: Double) -> String { String(format: "%.3f", fs / 1000) }

    /// A coordinate with two decimals: enough for a screen, short enough for 6000-point curves.
    private func n(_ x: Double) -> String { String(format: "%.2f", x) }
}
