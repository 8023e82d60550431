import Foundation

/// The status line's text: scene, `cutoff: <name>`, `activation: <name>`, dt, temperature, simulated
/// time, steps/s and running/paused, as segments joined by two spaces and wrapped onto as few lines as fit.
enum StatusLine {
    static let separator = "  "

    static func segments(_ s: StatusFields) -> [(text: String, style: CellStyle)] {
        let bar = CellStyle(.default, .reverse)
        return [
            (s.isRunning ? "▶ running" : "‖ paused", s.isRunning ? CellStyle(.green, [.reverse, .bold]) : CellStyle(.yellow, [.reverse, .bold])),
            (s.sceneName, bar.with(.bold)),
            ("cutoff: " + s.cutoff, bar),
            ("activation: " + s.activation, bar),
            ("dt " + compact(s.timeStep) + " fs", bar),
            ("T " + String(format: "%.1f", s.temperature) + " K", bar),
            ("t " + String(format: "%.3f", s.time / 1000) + " ps", bar),
            (rate(s.stepsPerSecond) + " steps/s", bar),
        ]
    }

    /// The lines of the status: the segments wrapped to `width`, plus the speed when it fits on
    /// those lines (it never costs the plots a row; `status` and the help say it in full).
    static func lines(_ s: StatusFields, width: Int) -> [[(text: String, style: CellStyle)]] {
        let essential = wrap(segments(s), width: width)
        guard let speed = s.speed else { return essential }
        let withSpeed = wrap(segments(s) + [("speed " + speed, CellStyle(.default, .reverse))], width: width)
        return withSpeed.count > essential.count ? essential : withSpeed
    }

    /// Segments packed greedily into lines at most `width` columns wide (a segment longer than a line
    /// gets a line of its own and is clipped when drawn).
    static func wrap(_ segments: [(text: String, style: CellStyle)], width: Int) -> [[(text: String, style: CellStyle)]] {
        var lines: [[(text: String, style: CellStyle)]] = [[]]
        var used = 0
        for segment in segments {
            let extra = (lines[lines.count - 1].isEmpty ? 1 : separator.count) + segment.text.count
            if used + extra > width, !lines[lines.count - 1].isEmpty {
                lines.append([])
                used = 0
            }
            used += (lines[lines.count - 1].isEmpty ? 1 : separator.count) + segment.text.count
            lines[lines.count - 1].append(segment)
        }
        return lines
    }

    static func draw(_ line: [(text: String, style: CellStyle)], into grid: inout CellGrid, row: Int) {
        let bar = CellStyle(.default, .reverse)
        grid.fill(GridRect(x: 0, y: row, width: grid.width, height: 1), style: bar)
        var x = 1
        for (i, segment) in line.enumerated() {
            if i > 0 { x = grid.write(separator, x: x, y: row, style: bar) }
            x = grid.write(segment.text, x: x, y: row, style: segment.style)
        }
    }

    /// dt and the like without trailing zeros: 2 → "2", 0.5 → "0.5", 0.125 → "0.125".
    static func compact(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        var text = String(format: "%.4f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Steps per second: "850", "12.3k", "1.25M".
    static func rate(_ x: Double) -> String {
        guard x.isFinite, x >= 0 else { return "–" }
        if x < 10_000 { return String(format: "%.0f", x) }
        if x < 1_000_000 { return String(format: "%.1fk", x / 1000) }
        return String(format: "%.2fM", x / 1_000_000)
    }
}
