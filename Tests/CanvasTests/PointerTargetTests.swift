import Testing
@testable import Canvas

/// What a click means at each cell of the lab's screen: checked against the rendered screen itself.
@Suite("What lies under the pointer")
struct PointerTargetTests {
    static let size = GridSize(width: 100, height: 30)

    func target(_ column: Int, _ row: Int, _ frame: LabFrame, size: GridSize = size, mode: RenderMode = RenderMode()) -> PointerTarget {
        LabScreen.target(atColumn: column, row: row, frame: frame, size: size, mode: mode)
    }

    /// The cells of `grid` where `predicate` holds.
    func cells(of grid: CellGrid, where predicate: (Unicode.Scalar, CellStyle) -> Bool) -> [(Int, Int)] {
        (0..<grid.height).flatMap { y in (0..<grid.width).compactMap { x in predicate(grid.scalar(x: x, y: y), grid.style(x: x, y: y)) ? (x, y) : nil } }
    }

    @Test("every screen cell showing the picked atom (white, on top of all) picks it, in braille and in blocks")
    func pickedAtomCells() {
        for glyphs in [GlyphSet.braille, .blocks] {
            for atom in [0, 13, 31] {
                var frame = Fixtures.frame
                frame.atoms.picked = atom
                let mode = RenderMode(glyphs: glyphs)
                let grid = LabScreen.render(frame: frame, size: Self.size, mode: mode)
                let marked = cells(of: grid) { _, style in style == AtomView.pickStyle }
                #expect(!marked.isEmpty)
                for (x, y) in marked { #expect(target(x, y, frame, mode: mode) == .atomView(atom: atom), "(\(x), \(y)) \(glyphs)") }
            }
        }
    }

    @Test("frames, plots, status and hint rows are elsewhere; so is every cell of a screen too small for the lab")
    func elsewhere() {
        let frame = Fixtures.frame
        let grid = LabScreen.render(frame: frame, size: Self.size, mode: RenderMode())
        let plotTitle = cells(of: grid) { _, _ in true }.first { x, y in grid.rows()[y].dropFirst(x).hasPrefix("energy per atom") }
        let (x, y) = try! #require(plotTitle)
        #expect(target(x, y, frame) == .elsewhere)
        #expect(target(0, 0, frame) == .elsewhere, "the atom view's frame")
        #expect(target(5, Self.size.height - 1, frame) == .elsewhere)
        #expect(target(Self.size.width, 5, frame) == .elsewhere)
        #expect(target(10, 5, frame, size: GridSize(width: 50, height: 12)) == .elsewhere)
    }

    @Test("the help panel, an output panel, the lesson and the atom report are found where they are drawn, over the atoms")
    func panels() throws {
        var frame = Fixtures.frame
        frame.panel = .help
        var rows = LabScreen.render(frame: frame, size: Self.size, mode: RenderMode()).rows()
        var row = try #require(rows.firstIndex { $0.contains("help — keys") })
        #expect(target(50, row, frame) == .panel && target(50, row + 3, frame) == .panel)

        frame.panel = .output(title: "status", lines: ["one", "two"])
        rows = LabScreen.render(frame: frame, size: Self.size, mode: RenderMode()).rows()
        row = try #require(rows.firstIndex { $0.contains("status (Esc closes)") })
        #expect(target(10, row, frame) == .panel && target(10, row + 2, frame) == .panel)
        #expect(target(10, row - 1, frame) != .panel, "above the panel: the atom view")

        frame.panel = nil
        frame.lesson = LessonPanel(title: "smoothness", step: 0, stepCount: 3, narration: "Watch the readout.")
        rows = LabScreen.render(frame: frame, size: Self.size, mode: RenderMode()).rows()
        row = try #require(rows.firstIndex { $0.contains("step 1 of 3") })
        #expect(target(5, row, frame) == .lesson)
        #expect(target(70, row, frame) == .elsewhere, "the plots beside the lesson")

        frame.lesson = nil
        frame.atomReport = ["atom 3 (Ar)", "12 neighbours within r_c = 6.50 Å"]
        rows = LabScreen.render(frame: frame, size: Self.size, mode: RenderMode()).rows()
        row = try #require(rows.firstIndex { $0.contains("picked atom") })
        #expect(target(70, row, frame) == .atomReport && target(70, row + 10, frame) == .atomReport)
    }
}
