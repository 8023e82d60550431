/// A raster of sub-cell dots over a block of character cells: 2×4 braille dots, 2×2 quadrant
/// blocks or 1×2 ASCII dots per cell (see ``GlyphSet``). Dot (0, 0) is the top-left; x grows right,
/// y grows down. Each cell keeps the style of the last dot drawn into it, so drawing far to near
/// leaves the nearest object's colour on top.
public struct DotCanvas: Sendable {
    /// Size in character cells.
    public let columns: Int, rows: Int
    public let glyphs: GlyphSet
    /// Dots per cell horizontally and vertically.
    public let cellDotsX: Int, cellDotsY: Int
    private var bits: [UInt8]
    private var cellStyles: [CellStyle]

    public init(columns: Int, rows: Int, glyphs: GlyphSet) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.glyphs = glyphs
        (cellDotsX, cellDotsY) = glyphs.dotsPerCell
        bits = Array(repeating: 0, count: self.columns * self.rows)
        cellStyles = Array(repeating: .plain, count: self.columns * self.rows)
    }

    /// Width and height in dots.
    public var dotWidth: Int { columns * cellDotsX }
    public var dotHeight: Int { rows * cellDotsY }

    /// Whether dot (x, y) is set.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        let cell = (y / cellDotsY) * columns + x / cellDotsX
        return bits[cell] & DotCanvas.bit(glyphs, dx: x % cellDotsX, dy: y % cellDotsY) != 0
    }

    /// Sets dot (x, y) and gives its cell `style`; ignored outside the canvas.
    public mutating func plot(x: Int, y: Int, style: CellStyle) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / cellDotsY) * columns + x / cellDotsX
        bits[cell] |= DotCanvas.bit(glyphs, dx: x % cellDotsX, dy: y % cellDotsY)
        cellStyles[cell] = style
    }

    /// Draws the straight segment between two dot positions (Bresenham), clipped to the canvas first
    /// so that far-off endpoints cost nothing.
    public mutating func line(from p0: SIMD2<Double>, to p1: SIMD2<Double>, style: CellStyle) {
        guard let (a, b) = clip(p0, p1) else { return }
        var x0 = Int(a.x.rounded()), y0 = Int(a.y.rounded())
        let x1 = Int(b.x.rounded()), y1 = Int(b.y.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            plot(x: x0, y: y0, style: style)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
        }
    }

    /// Fills the ellipse of horizontal radius `radius` dots centred at `center`; its vertical radius is
    /// `radius / glyphs.dotAspect`, so it looks round on screen. Below ~0.75 dots it is one dot.
    public mutating func disc(center: SIMD2<Double>, radius: Double, style: CellStyle) {
        let cx = Int(center.x.rounded()), cy = Int(center.y.rounded())
        guard radius >= 0.75 else { plot(x: cx, y: cy, style: style); return }
        let aspect = glyphs.dotAspect
        let ry = radius / aspect
        let reachX = Int(radius.rounded(.up)), reachY = Int(ry.rounded(.up))
        guard cx + reachX >= 0, cx - reachX < dotWidth, cy + reachY >= 0, cy - reachY < dotHeight else { return }
        let r2 = radius * radius
        for dy in -reachY...reachY {
            let yy = Double(dy) * aspect
            for dx in -reachX...reachX where Double(dx * dx) + yy * yy <= r2 + 0.25 {
                plot(x: cx + dx, y: cy + dy, style: style)
            }
        }
    }

    /// Writes every cell with at least one dot into `grid` with its top-left at (x, y); empty cells
    /// leave the grid untouched, so a canvas can be laid over text.
    public func composite(into grid: inout CellGrid, x: Int, y: Int) {
        for row in 0..<rows {
            for column in 0..<columns {
                let b = bits[row * columns + column]
                guard b != 0 else { continue }
                grid.set(DotCanvas.glyph(glyphs, bits: b), x: x + column, y: y + row, style: cellStyles[row * columns + column])
            }
        }
    }

    // MARK: Glyph encoding

    /// The bit for dot (dx, dy) inside one cell. Braille follows the Unicode layout: dots 1-2-3 down
    /// the left column are bits 0-1-2, dots 4-5-6 down the right are bits 3-4-5, dots 7 and 8 (the
    /// bottom row, left then right) are bits 6 and 7. Quadrants: top-left 1, top-right 2,
    /// bottom-left 4, bottom-right 8. ASCII: top 1, bottom 2.
    static func bit(_ glyphs: GlyphSet, dx: Int, dy: Int) -> UInt8 {
        switch glyphs {
        case .braille: dy == 3 ? UInt8(0x40) << UInt8(dx) : UInt8(1) << UInt8(dy + 3 * dx)
        case .blocks: UInt8(1) << UInt8(dx + 2 * dy)
        case .ascii: UInt8(1) << UInt8(dy)
        }
    }

    /// The character showing the dots `bits` of one cell.
    static func glyph(_ glyphs: GlyphSet, bits: UInt8) -> Unicode.Scalar {
        switch glyphs {
        case .braille: Unicode.Scalar(0x2800 + UInt32(bits))!
        case .blocks: quadrants[Int(bits & 0xF)]
        case .ascii: asciiDots[Int(bits & 0x3)]
        }
    }

    private static let quadrants: [Unicode.Scalar] = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛",
                                                      "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]
    private static let asciiDots: [Unicode.Scalar] = [" ", "'", ".", ":"]

    /// Liang–Barsky clipping of a segment to the canvas (in dot coordinates, half a dot of margin).
    private func clip(_ p0: SIMD2<Double>, _ p1: SIMD2<Double>) -> (SIMD2<Double>, SIMD2<Double>)? {
        guard p0.x.isFinite, p0.y.isFinite, p1.x.isFinite, p1.y.isFinite else { return nil }
        let lo = SIMD2<Double>(-0.5, -0.5), hi = SIMD2<Double>(Double(dotWidth) - 0.5, Double(dotHeight) - 0.5)
        let d = p1 - p0
        var t0 = 0.0, t1 = 1.0
        /// Narrows [t0, t1] to the side of one edge; false when the segment lies wholly outside it.
        func keep(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            return t0 <= t1
        }
        guard keep(-d.x, p0.x - lo.x), keep(d.x, hi.x - p0.x), keep(-d.y, p0.y - lo.y), keep(d.y, hi.y - p0.y)
        else { return nil }
        return (p0 + t0 * d, p0 + t1 * d)
    }
}
