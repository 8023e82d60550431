/// A width×height screen of character cells held as plain values: what every renderer draws into and
/// what the curses front end copies to the terminal once per frame.
///
/// Each cell is one single-column Unicode scalar (braille, box drawing and Latin text are one column
/// wide) and a ``CellStyle``. Drawing outside the grid is clipped silently, so renderers never need
/// to check bounds. Scalars are stored as UInt32 code points, ready to be copied into `wchar_t`.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Code points, row-major: cell (x, y) is at index y·width + x.
    public private(set) var codePoints: [UInt32]
    /// Styles, row-major like ``codePoints``.
    public private(set) var styles: [CellStyle]

    /// A grid of `size` filled with spaces in the plain style (negative sizes become empty).
    public init(size: GridSize) {
        width = max(0, size.width)
        height = max(0, size.height)
        codePoints = Array(repeating: 0x20, count: width * height)
        styles = Array(repeating: .plain, count: width * height)
    }

    public var size: GridSize { GridSize(width: width, height: height) }
    /// The whole grid as a rectangle.
    public var bounds: GridRect { GridRect(x: 0, y: 0, width: width, height: height) }

    /// The scalar at column x, row y (a space outside the grid).
    public func scalar(x: Int, y: Int) -> Unicode.Scalar {
        guard x >= 0, x < width, y >= 0, y < height else { return " " }
        return Unicode.Scalar(codePoints[y * width + x]) ?? " "
    }

    /// The style at column x, row y (plain outside the grid).
    public func style(x: Int, y: Int) -> CellStyle {
        guard x >= 0, x < width, y >= 0, y < height else { return .plain }
        return styles[y * width + x]
    }

    /// Sets one cell; ignored outside the grid.
    public mutating func set(_ scalar: Unicode.Scalar, x: Int, y: Int, style: CellStyle) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        codePoints[y * width + x] = scalar.value
        styles[y * width + x] = style
    }

    /// Changes the style of one cell, keeping its scalar; ignored outside the grid.
    public mutating func restyle(x: Int, y: Int, _ transform: (CellStyle) -> CellStyle) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        styles[y * width + x] = transform(styles[y * width + x])
    }

    /// Fills `rect` (clipped to the grid) with `scalar` in `style`.
    public mutating func fill(_ rect: GridRect, with scalar: Unicode.Scalar = " ", style: CellStyle = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * width
            for x in r.x..<r.maxX {
                codePoints[row + x] = scalar.value
                styles[row + x] = style
            }
        }
    }

    /// Writes `text` from column x of row y, one column per scalar, clipped to `clip` (default: the
    /// whole grid). Control characters become spaces and combining marks are dropped, so a column
    /// count is a scalar count. Returns the column after the last one written to (clipped or not).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, clip: GridRect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var column = x
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let shown: Unicode.Scalar = scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar
            if area.contains(x: column, y: y) {
                codePoints[y * width + column] = shown.value
                styles[y * width + column] = style
            }
            column += 1
        }
        return column
    }

    /// Copies `other` onto this grid with its top-left corner at (x, y), clipped.
    public mutating func paste(_ other: CellGrid, x: Int, y: Int) {
        for oy in 0..<other.height where y + oy >= 0 && y + oy < height {
            for ox in 0..<other.width where x + ox >= 0 && x + ox < width {
                codePoints[(y + oy) * width + x + ox] = other.codePoints[oy * other.width + ox]
                styles[(y + oy) * width + x + ox] = other.styles[oy * other.width + ox]
            }
        }
    }

    /// Applies `transform` to every cell's style (e.g. dropping colours for `NO_COLOR`).
    public mutating func restyleAll(_ transform: (CellStyle) -> CellStyle) {
        for i in styles.indices { styles[i] = transform(styles[i]) }
    }

    /// Replaces every scalar by `transform(scalar)` (e.g. the ASCII fallback).
    public mutating func mapScalars(_ transform: (UInt32) -> UInt32) {
        for i in codePoints.indices { codePoints[i] = transform(codePoints[i]) }
    }

    /// The text of every row, styles ignored: what golden tests compare.
    public func rows() -> [String] {
        (0..<height).map { y in
            var line = String.UnicodeScalarView()
            for x in 0..<width { line.append(Unicode.Scalar(codePoints[y * width + x]) ?? " ") }
            return String(line)
        }
    }
}
