import Geometry
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a terminal, so that
/// redirected output and CI logs stay clean. Shared by the long-running commands (`run`, `train`).
///
/// Redraws at most ten times a second; ``finish()`` erases the line.
struct ProgressBar: Sendable {
    /// What is being done, e.g. "MD" or "epoch".
    let label: String
    /// Units of work in all (steps, epochs).
    let total: Int
    /// False when standard error is not a terminal: nothing is drawn.
    let isEnabled: Bool

    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant?

    init(label: String, total: Int, isEnabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.label = label
        self.total = max(total, 1)
        self.isEnabled = isEnabled
        start = clock.now
    }

    /// Shows that `done` of ``total`` units are finished; `detail` (evaluated only when drawing) is
    /// appended, e.g. "T 301.2 K" or "loss 0.013".
    mutating func update(_ done: Int, detail: @autoclosure () -> String = "") {
        guard isEnabled else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
        lastDraw = now
        let fraction = min(max(Double(done) / Double(total), 0), 1)
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let elapsed = (now - start).inSeconds
        var line = "\(label) [\(bar)] \(Int(fraction * 100))% \(done)/\(total)"
        if done > 0, done < total {
            line += "  ETA \(Self.duration(elapsed * Double(total - done) / Double(done)))"
        }
        let extra = detail()
        if !extra.isEmpty { line += "  " + extra }
        Self.emit("\r\u{1B}[K" + String(line.prefix(Self.columns() - 1)))
    }

    /// Erases the bar, leaving the terminal as it was.
    func finish() {
        guard isEnabled else { return }
        Self.emit("\r\u{1B}[K")
    }

    /// Writes straight to file descriptor 2 (unbuffered, and free of C's shared `stderr` global).
    private static func emit(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Width of the terminal on standard error (80 if unknown).
    private static func columns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// "42 s", "3 min 5 s", "1 h 2 min".
    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        if t < 60 { return "\(t) s" }
        if t < 3600 { return "\(t / 60) min \(t % 60) s" }
        return "\(t / 3600) h \(t % 3600 / 60) min"
    }
}
