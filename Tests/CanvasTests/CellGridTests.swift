import Testing
@testable import Canvas

@Suite("Cell grid")
struct CellGridTests {
    @Test("text is clipped at the grid's edges and at a clip rectangle")
    func clipping() {
        var grid = CellGrid(size: GridSize(width: 6, height: 2))
        grid.write("abcdefgh", x: -2, y: 0)
        grid.write("xyz", x: 1, y: 1, clip: GridRect(x: 0, y: 1, width: 3, height: 1))
        grid.write("never", x: 0, y: 5)
        #expect(grid.rows() == ["cdefgh", " xy   "])
    }

    @Test("control characters become spaces and combining marks take no column")
    func controlAndCombining() {
        var grid = CellGrid(size: GridSize(width: 5, height: 1))
        let end = grid.write("a\tb\u{301}c", x: 0, y: 0)
        #expect(grid.rows() == ["a bc "])
        #expect(end == 4)
    }

    @Test("runs group neighbouring cells of equal style, row by row")
    func runs() {
        var grid = CellGrid(size: GridSize(width: 5, height: 2))
        grid.write("ab", x: 0, y: 0, style: CellStyle(.red))
        grid.write("c", x: 2, y: 0, style: CellStyle(.red, .bold))
        let runs = grid.runs()
        #expect(runs == [
            CellRun(row: 0, x: 0, style: CellStyle(.red), text: "ab"),
            CellRun(row: 0, x: 2, style: CellStyle(.red, .bold), text: "c"),
            CellRun(row: 0, x: 3, style: .plain, text: "  "),
            CellRun(row: 1, x: 0, style: .plain, text: "     "),
        ])
        #expect(runs.map(\.text).joined() == grid.rows().joined())
    }

    @Test("a box has rounded corners and its title in the top edge")
    func box() {
        var grid = CellGrid(size: GridSize(width: 12, height: 3))
        grid.drawBox(grid.bounds, title: "atoms")
        #expect(grid.rows() == ["╭─ atoms ──╮", "│          │", "╰──────────╯"])
    }

    @Test("the ASCII fallback leaves only printable ASCII")
    func asciiFallback() {
        var grid = CellGrid(size: GridSize(width: 14, height: 3))
        grid.drawBox(grid.bounds, title: "ΔE")
        grid.write("Å→×⣿漢", x: 1, y: 1)
        grid.transliterateToASCII()
        #expect(grid.rows() == ["+- dE -------+", "|A>x:?       |", "+------------+"])
        #expect(grid.codePoints.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }
}
