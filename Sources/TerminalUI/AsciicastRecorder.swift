import Canvas
import Foundation
import Geometry

/// Writes a session as an asciicast v2 file (asciinema's format): a JSON header line with version 2,
/// width and height, then one `[seconds, "o", text]` line per changed frame, the frame as ANSI output
/// (``CellGrid/ansiText``). Replay it with `asciinema play FILE`, or turn it into a GIF (agg).
final class AsciicastRecorder {
    private let handle: FileHandle
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var last: CellGrid?

    /// Creates `path` (refusing to replace an existing file) and writes the header for a `size` screen.
    init(path: String, size: GridSize) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RecordingError("--record: \(path) exists; choose another name (nothing is overwritten)")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw RecordingError("--record: cannot create \(path)")
        }
        self.handle = handle
        start = clock.now
        let header: [String: Any] = [
            "version": 2, "width": size.width, "height": size.height,
            "timestamp": Int(Date().timeIntervalSince1970), "title": "nnplab view",
            "env": ["TERM": ProcessInfo.processInfo.environment["TERM"] ?? "xterm-256color"],
        ]
        try write(JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
    }

    /// Records `grid` as an output event if it differs from the last frame recorded.
    func record(_ grid: CellGrid) {
        guard grid != last else { return }
        let text = (last?.size == grid.size ? "" : "\u{1B}[2J") + grid.ansiText
        last = grid
        let elapsed = clock.now - start
        let seconds = elapsed.inSeconds
        guard let event = try? JSONSerialization.data(withJSONObject: [(seconds * 1e6).rounded() / 1e6, "o", text] as [Any]) else {
            return
        }
        try? write(event)
    }

    func close() { try? handle.close() }

    private func write(_ json: Data) throws {
        try handle.write(contentsOf: json + Data("\n".utf8))
    }
}

/// A recording that cannot start: one line naming the file.
struct RecordingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A terminal that records every frame it shows into an asciicast file.
struct RecordingTerminal<Base: LabTerminal>: LabTerminal {
    var base: Base
    let recorder: AsciicastRecorder

    var size: GridSize { base.size }
    mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? { base.nextInput(waitingAtMost: milliseconds) }
    mutating func show(_ grid: CellGrid) {
        base.show(grid)
        recorder.record(grid)
    }
}
