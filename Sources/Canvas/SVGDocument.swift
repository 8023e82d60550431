import Foundation

/// Line plots as a standalone SVG document (the `save plot FILE.svg` handout): each plot a panel
/// with axes, nice ticks, labels with units, its series as polylines, a legend, its readout and the
/// setting-change marks as labelled dashed lines. Plain SVG 1.1, valid XML, no scripts or fonts.
public enum SVGDocument {
    /// The document for `plots` stacked top to bottom under `title`; `width` in px, each panel
    /// `panelHeight` px tall. Each plot shows its whole data (not just the latest window).
    /// `subtitle` lines (e.g. each segment's settings) go under the title.
    public static func render(plots: [LinePlot], title: String, subtitle: [String] = [], width: Int = 800,
                              panelHeight: Int = 320) -> String {
        let titleHeight = 40 + 16 * subtitle.count
        let height = titleHeight + panelHeight * plots.count
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(width)" height="\(height)" \
        viewBox="0 0 \(width) \(height)" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="white"/>
        <text x="\(width / 2)" y="26" text-anchor="middle" font-size="16" font-weight="bold">\(escape(title))</text>

        """
        for (i, line) in subtitle.enumerated() {
            svg += "<text x=\"\(width / 2)\" y=\"\(44 + 16 * i)\" text-anchor=\"middle\">\(escape(line))</text>\n"
        }
        for (i, plot) in plots.enumerated() {
            let frame = SVGPanel.Frame(x: 80, y: Double(titleHeight + i * panelHeight) + 36,
                                       width: Double(width) - 110, height: Double(panelHeight) - 90)
            svg += SVGPanel(plot: plot, frame: frame).markup()
        }
        svg += "</svg>\n"
        return svg
    }

    /// `text` with the five XML special characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}

extension TermColor {
    /// A colour for print on white paper (yellow darkened, white and default as dark grey).
    var svgColor: String {
        switch self {
        case .red: "#d62728"
        case .green: "#2ca02c"
        case .blue: "#1f77b4"
        case .yellow: "#b8860b"
        case .magenta: "#9467bd"
        case .cyan: "#17becf"
        case .orange: "#ff7f0e"
        case .gray: "#7f7f7f"
        case .default, .black, .white: "#333333"
        }
    }
}

extension EnergyTrace {
    /// Both energy plots (changes of K, U, E and E_total − E_total(switch) with its RMS, on a log axis
    /// when `logarithmic`) over the whole history, as an SVG document whose subtitle lists every
    /// segment's settings: the start's, then each mark's with its time.
    public func svgDocument(title: String, logarithmic: Bool = false) -> String {
        let span = (samples.last?.time ?? 0) - (samples.first?.time ?? 0)
        var energy = energyPlot, drift = driftPlot(logarithmic: logarithmic)
        energy.window = max(span, 1)
        drift.window = max(span, 1)
        return SVGDocument.render(plots: [energy, drift], title: title, subtitle: segmentSummary)
    }

    /// One line per segment: "from 0.000 ps: smooth/tanh, dt 2 fs, ..." then "from 1.200 ps (cutoff:
    /// step): step/tanh, ...".
    public var segmentSummary: [String] {
        var lines: [String] = []
        if !initialSetting.isEmpty { lines.append("from the start: " + initialSetting) }
        for mark in marks.sorted(by: { $0.time < $1.time }) {
            let time = String(format: "%.3f", mark.time / 1000)
            lines.append("from \(time) ps (\(mark.label))" + (mark.setting.isEmpty ? "" : ": " + mark.setting))
        }
        return lines
    }
}
