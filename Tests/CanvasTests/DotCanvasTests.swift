import Testing
@testable import Canvas

@Suite("Dot canvas glyphs")
struct DotCanvasTests {
    /// The Unicode braille layout: dot n sets bit n−1 of U+2800; dots 1, 2, 3 run down the left
    /// column, 4, 5, 6 down the right, and 7, 8 are the bottom row (left, right).
    static let brailleDotNumbers: [(x: Int, y: Int, dot: Int)] = [
        (0, 0, 1), (0, 1, 2), (0, 2, 3), (1, 0, 4), (1, 1, 5), (1, 2, 6), (0, 3, 7), (1, 3, 8),
    ]

    func single(_ glyphs: GlyphSet, dots: [(Int, Int)]) -> Unicode.Scalar {
        var canvas = DotCanvas(columns: 1, rows: 1, glyphs: glyphs)
        for (x, y) in dots { canvas.plot(x: x, y: y, style: .plain) }
        var grid = CellGrid(size: GridSize(width: 1, height: 1))
        canvas.composite(into: &grid, x: 0, y: 0)
        return grid.scalar(x: 0, y: 0)
    }

    @Test("each braille dot sets the bit of its Unicode dot number")
    func brailleDotBits() {
        for (x, y, dot) in Self.brailleDotNumbers {
            #expect(single(.braille, dots: [(x, y)]).value == 0x2800 + (1 << (dot - 1)), "dot (\(x), \(y)) is dot \(dot)")
        }
        #expect(single(.braille, dots: Self.brailleDotNumbers.map { ($0.x, $0.y) }) == "⣿")
    }

    @Test("quadrant blocks and ASCII dots show the dots set")
    func blocksAndASCII() {
        #expect(single(.blocks, dots: [(0, 0)]) == "▘")
        #expect(single(.blocks, dots: [(1, 1)]) == "▗")
        #expect(single(.blocks, dots: [(0, 0), (1, 1)]) == "▚")
        #expect(single(.blocks, dots: [(0, 0), (1, 0), (0, 1), (1, 1)]) == "█")
        #expect(single(.ascii, dots: [(0, 0)]) == "'")
        #expect(single(.ascii, dots: [(0, 1)]) == ".")
        #expect(single(.ascii, dots: [(0, 0), (0, 1)]) == ":")
    }

    @Test("a diagonal line lights exactly the dots on the diagonal")
    func diagonalLine() {
        var canvas = DotCanvas(columns: 2, rows: 1, glyphs: .braille)
        canvas.line(from: SIMD2(0, 0), to: SIMD2(3, 3), style: .plain)
        for x in 0..<4 {
            for y in 0..<4 { #expect(canvas.isSet(x: x, y: y) == (x == y)) }
        }
        var grid = CellGrid(size: GridSize(width: 2, height: 1))
        canvas.composite(into: &grid, x: 0, y: 0)
        #expect(grid.rows() == ["⠑⢄"])
    }

    @Test("a line from far outside is clipped to the canvas and drawn where it crosses")
    func clippedLine() {
        var canvas = DotCanvas(columns: 3, rows: 2, glyphs: .braille)
        canvas.line(from: SIMD2(-1e12, 2), to: SIMD2(1e12, 2), style: .plain)
        for x in 0..<canvas.dotWidth {
            #expect(canvas.isSet(x: x, y: 2))
            #expect(!canvas.isSet(x: x, y: 3))
        }
        canvas.line(from: SIMD2(-5, -5), to: SIMD2(-1, 100), style: .plain)
        canvas.line(from: SIMD2(.nan, 0), to: SIMD2(1, 1), style: .plain)
        #expect(!canvas.isSet(x: 0, y: 0))
    }

    @Test("a disc is round on screen: as many dots across as down for braille, half as many rows for blocks")
    func discShape() {
        for glyphs in [GlyphSet.braille, .blocks] {
            var canvas = DotCanvas(columns: 10, rows: 5, glyphs: glyphs)
            let center = SIMD2(Double(canvas.dotWidth / 2), Double(canvas.dotHeight / 2))
            canvas.disc(center: center, radius: 3, style: .plain)
            let across = (0..<canvas.dotWidth).filter { canvas.isSet(x: $0, y: Int(center.y)) }.count
            let down = (0..<canvas.dotHeight).filter { canvas.isSet(x: Int(center.x), y: $0) }.count
            #expect(across == 7)
            #expect(down == (glyphs == .braille ? 7 : 3))
        }
    }
}
