/// A horizontal stretch of cells in one row sharing one style: what the curses writer sets
/// attributes for once and writes with one `mvwaddnwstr`.
public struct CellRun: Sendable, Hashable {
    public var row: Int
    public var x: Int
    public var style: CellStyle
    public var text: String
    public init(row: Int, x: Int, style: CellStyle, text: String) {
        self.row = row
        self.x = x
        self.style = style
        self.text = text
    }
}

extension CellGrid {
    /// Calls `body` for every run of equal style, row by row, left to right, with the run's code
    /// points (valid only during the call; copy them into `wchar_t` with `Int32(bitPattern:)`).
    /// No allocation: the fast path for the per-frame terminal write.
    public func forEachRun(_ body: (_ row: Int, _ x: Int, _ style: CellStyle, _ codePoints: UnsafeBufferPointer<UInt32>) -> Void) {
        codePoints.withUnsafeBufferPointer { points in
            styles.withUnsafeBufferPointer { styles in
                for y in 0..<height {
                    let row = y * width
                    var start = 0
                    while start < width {
                        let style = styles[row + start]
                        var end = start + 1
                        while end < width, styles[row + end] == style { end += 1 }
                        body(y, start, style, UnsafeBufferPointer(rebasing: points[(row + start)..<(row + end)]))
                        start = end
                    }
                }
            }
        }
    }

    /// Every run of equal style, as values (convenient for tests and for simple writers).
    public func runs() -> [CellRun] {
        var result: [CellRun] = []
        forEachRun { row, x, style, points in
            var text = String.UnicodeScalarView()
            for p in points { text.append(Unicode.Scalar(p) ?? " ") }
            result.append(CellRun(row: row, x: x, style: style, text: String(text)))
        }
        return result
    }
}
