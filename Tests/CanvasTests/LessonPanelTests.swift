import Testing
@testable import Canvas

@Suite("Lesson panel")
struct LessonPanelTests {
    static let narration = """
        A step cutoff drops a neighbour's whole contribution at once, so the energy
        jumps whenever a pair crosses r_c.

        A kinked cutoff keeps the energy continuous but the force jumps; ReLU networks have kinks of their own.
        Smooth cutoff with tanh is the only model whose force is continuous everywhere, and it conserves
        energy orders of magnitude better than the others. Tab chooses whose atoms the view shows.
        """

    static var frame: LabFrame {
        var frame = Fixtures.frame
        frame.lesson = LessonPanel(title: "Smoothness", step: 2, stepCount: 4, narration: narration)
        return frame
    }

    @Test("the lesson panel matches its golden render at 100×30: narration reflowed and wrapped, step k of N and the keys")
    func golden() {
        let grid = LabScreen.render(frame: Self.frame, size: GridSize(width: 100, height: 30), mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-lesson-100x30")
        let text = grid.rows().joined(separator: "\n")
        #expect(text.contains("lesson: Smoothness"))
        #expect(text.contains("step 3 of 4 · n next · p back"))
    }

    @Test("paragraphs are reflowed from the file's line breaks; blank lines separate them")
    func paragraphs() {
        let panel = Self.frame.lesson!
        #expect(panel.paragraphs.count == 3)
        #expect(panel.paragraphs[0] == "A step cutoff drops a neighbour's whole contribution at once, so the energy jumps whenever a pair crosses r_c.")
        #expect(panel.paragraphs[1].isEmpty)
    }

    @Test("at 80×24 the narration does not fit: PgDn scrolls it and the frame says which lines show; the footer stays")
    func scrolls() {
        var frame = Self.frame
        let top = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode()).rows().joined(separator: "\n")
        #expect(top.contains("PgUp/PgDn") && top.contains("lines 1–"))
        #expect(top.contains("A step cutoff"))
        frame.lesson?.scroll = 100
        let end = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode()).rows().joined(separator: "\n")
        #expect(!end.contains("A step cutoff") && end.contains("view shows."))
        #expect(end.contains("step 3 of 4"))
        frame.lesson = LessonPanel(title: "T", step: 3, stepCount: 4, narration: "Last.")
        let last = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode()).rows().joined(separator: "\n")
        #expect(last.contains("step 4 of 4 · n ends the lesson · p") && last.contains("  back"))
    }
}

@Suite("Flashing atoms")
struct FlashingAtomsTests {
    @Test("a flashing atom is drawn in reverse video in its colour, on top; the others are not")
    func reverseVideo() {
        var atoms = Fixtures.argonCrystal
        let plain = CellGrid.rendering(atoms)
        #expect(!plain.contains { $0.style.attributes.contains(.reverse) })
        atoms.flashing = [5]
        let flashed = CellGrid.rendering(atoms)
        let reversed = flashed.filter { $0.style.attributes.contains(.reverse) }
        #expect(!reversed.isEmpty)
        #expect(reversed.allSatisfy { $0.style.color == atoms.color(of: 5) && $0.style.attributes.contains(.bold) })
    }
}

extension CellGrid {
    /// The styles of the non-blank cells of `atoms` drawn at 60×30 with the default camera.
    static func rendering(_ atoms: AtomScene) -> [(scalar: UInt32, style: CellStyle)] {
        var grid = CellGrid(size: GridSize(width: 60, height: 30))
        AtomView.draw(atoms, camera: Camera(), glyphs: .braille, into: &grid, rect: GridRect(x: 0, y: 0, width: 60, height: 30))
        return zip(grid.codePoints, grid.styles).filter { $0.0 != 0x20 }.map { (scalar: $0.0, style: $0.1) }
    }
}

@Suite("Picked atom panel")
struct PickedAtomPanelTests {
    @Test("the picked atom's report replaces the plots and matches its golden render at 100×30; the atom is marked; a long report scrolls")
    func golden() {
        var frame = Fixtures.frame
        frame.atoms.picked = 3
        frame.atomReport = [
            "atom 3 (Ar)  ε_i -0.0712 eV  |F_i| 0.0215 eV/Å", "12 neighbours within r_c = 6.50 Å",
            "G against the training range: 1 outside",
        ] + (0..<11).map { "G[\($0)] \($0 == 10 ? 1.5 : 0.1 + Double($0) / 10) in [0.1000, 1.2000]\($0 == 10 ? "  OUTSIDE" : "")  radial Ar, η 3 Å⁻², r_s 4.17 Å, r_c 6.5 Å" }
        let grid = LabScreen.render(frame: frame, size: GridSize(width: 100, height: 30), mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-picked-100x30")
        let text = grid.rows().joined(separator: "\n")
        #expect(text.contains("picked atom (x next, Esc none)") && text.contains("atom 3 (Ar)  ε_i -0.0712 eV"))
        #expect(!text.contains("energy per atom"))
        // Too long for 80×24: the frame says which lines show; scrolled, the last G comes into view.
        let small = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode()).rows().joined()
        #expect(small.contains("lines 1–") && small.contains("PgUp/PgDn scroll") && !small.contains("G[10]"))
        frame.atomReportScroll = 100
        let scrolled = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode()).rows().joined()
        #expect(scrolled.contains("G[10]") && !scrolled.contains("atom 3 (Ar)"))
        #expect(CellGrid.rendering(frame.atoms).contains { $0.style == AtomView.pickStyle })
    }
}
