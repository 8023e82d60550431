import Foundation
import Testing
@testable import Canvas

@Suite("Lab panes: compare mode, log view, wrapped panels")
struct LabPanesTests {
    static let sizes = [GridSize(width: 80, height: 24), GridSize(width: 100, height: 30), GridSize(width: 140, height: 45)]
    static let models: [(String, TermColor, Double)] = [
        ("step/relu", .red, 31.2), ("step/tanh", .orange, 28.4), ("kinked/relu", .magenta, 0.95),
        ("kinked/tanh", .yellow, 0.21), ("smooth/relu", .cyan, 0.042), ("smooth/tanh", .green, 0.0011),
    ]

    /// Six models whose running RMS grows like their final value (times 0...2 ps).
    static var compareFrame: LabFrame {
        var frame = Fixtures.frame
        var entries: [ComparePanel.Entry] = []
        for (i, model) in models.enumerated() {
            var points: [SIMD2<Double>] = []
            for k in 1...100 {
                let growth: Double = 0.2 + 0.8 * Double(k) / 100
                points.append(SIMD2(Double(k) * 20, model.2 * growth))
            }
            entries.append(ComparePanel.Entry(name: model.0, color: model.1, value: model.2, points: points, isShown: i == 5))
        }
        frame.compare = ComparePanel(entries: entries)
        return frame
    }

    @Test("compare mode matches its golden render at 80×24, 100×30 and 140×45", arguments: sizes)
    func compareGolden(size: GridSize) {
        let grid = LabScreen.render(frame: Self.compareFrame, size: size, mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-compare-\(size.width)x\(size.height)")
        let text = grid.rows().joined(separator: "\n")
        for model in Self.models { #expect(text.contains(model.0), "\(model.0) at \(size)") }
    }

    @Test("the compare legend lists the models largest RMS first, each with its live value, the shown one marked")
    func legendOrder() {
        let lines = Self.compareFrame.compare!.legendLines.map(\.text)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("━ step/relu") && lines[0].contains("31.2 meV/atom"))
        #expect(lines[5].hasPrefix("━ smooth/tanh") && lines[5].contains("0.00110 meV/atom") && lines[5].hasSuffix("◀ atoms"))
        #expect(Self.compareFrame.compare!.plot.valueAxis == .log10)
    }

    @Test("the log view of the lab matches its golden render")
    func logViewGolden() {
        var frame = Fixtures.frame
        frame.logarithmicDrift = true
        let grid = LabScreen.render(frame: frame, size: GridSize(width: 100, height: 30), mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-log-100x30")
        #expect(grid.rows().joined().contains("energy conservation, log"))
    }

    @Test("long output lines wrap to the panel instead of being cut, and PgUp scrolls to earlier lines")
    func outputWraps() {
        let long = "check invariance: the energy changes by less than 1e-9 eV under every rotation, translation and "
            + "permutation tried, because the descriptors depend only on distances and angles between atoms"
        var frame = Fixtures.frame
        frame.panel = .output(title: "check invariance", lines: (1...30).map { "line \($0)" } + [long])
        let grid = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-output-wrapped-80x24")
        let text = grid.rows().joined(separator: "\n")
        #expect(text.contains("between atoms"))
        #expect(text.contains("PgUp/PgDn"))
        #expect(!text.contains("line 1\n") && !text.contains("│  line 1 "))
        frame.panelScroll = 100
        let top = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode())
        #expect(top.rows().joined(separator: "\n").contains("line 1 "))
    }

    @Test("word wrapping breaks at spaces, keeps every character, and indents continuations")
    func wrapping() {
        let text = "alpha beta gamma delta epsilon zeta eta theta"
        let pieces = TextWrap.wrap(text, width: 12)
        #expect(pieces.allSatisfy { $0.count <= 12 })
        #expect(pieces.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == text)
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        #expect(TextWrap.wrap(String(repeating: "x", count: 25), width: 10).joined().filter { $0 == "x" }.count == 25)
        #expect(TextWrap.wrap("", width: 10) == [""])
    }

    @Test("a message wider than the window ends with a pointer to the message log")
    func longMessage() {
        var frame = Fixtures.frame
        frame.status.message = StatusMessage(String(repeating: "extrapolating ", count: 12), severity: .warning)
        let text = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode()).rows()
            .joined(separator: "\n")
        #expect(text.contains("… (:messages)"))
    }
}

@Suite("Inspector pane")
struct InspectorPaneTests {
    static var panel: InspectorPanel {
        let rc = 6.0
        let r = (0...60).map { 1.2 * rc * Double($0) / 60 }
        let fc = r.map { SIMD2($0, $0 < rc ? 0.5 * (cos(Double.pi * $0 / rc) + 1) : 0) }
        let dfc = r.map { SIMD2($0, $0 < rc ? -0.5 * Double.pi / rc * sin(Double.pi * $0 / rc) : 0) }
        let dimer = (0...60).map { 3.6 + 3.6 * Double($0) / 60 }
        let e = dimer.map { SIMD2($0, $0 < rc ? -0.01 * pow(rc - $0, 2) : 0) }
        let f = dimer.map { SIMD2($0, $0 < rc ? -0.02 * (rc - $0) : 0) }
        let x = (0...40).map { -4 + 8 * Double($0) / 40 }
        return InspectorPanel(modelName: "smooth/tanh", cutoffRadius: rc, cutoffValue: fc, cutoffDerivative: dfc,
                              dimerEnergy: e, dimerForce: f, activation: x.map { SIMD2($0, tanh($0)) },
                              activationDerivative: x.map { SIMD2($0, 1 - tanh($0) * tanh($0)) },
                              pairHistogram: (0..<24).map { SIMD2(0.3 * Double($0) + 0.15, Double($0 % 7)) })
    }

    @Test("the inspector matches its golden render at 100×30 and 140×45, with f_c and r_c marked",
          arguments: [GridSize(width: 100, height: 30), GridSize(width: 140, height: 45)])
    func golden(size: GridSize) {
        var frame = Fixtures.frame
        frame.inspector = Self.panel
        let grid = LabScreen.render(frame: frame, size: size, mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-inspector-\(size.width)x\(size.height)")
        let text = grid.rows().joined(separator: "\n")
        #expect(text.contains("f_c(r)") && text.contains("r_c") && text.contains("dimer across r_c"))
    }
}

@Suite("ANSI frames for recordings")
struct ANSIFrameTests {
    @Test("a grid's ANSI text homes the cursor, addresses each row, and switches SGR only where the style changes")
    func ansiText() {
        var grid = CellGrid(size: GridSize(width: 4, height: 2))
        grid.write("ab", x: 0, y: 0, style: CellStyle(.red, .bold))
        grid.write("cd", x: 2, y: 1, style: .plain)
        let text = grid.ansiText
        #expect(text.hasPrefix("\u{1B}[H\u{1B}[1;1H\u{1B}[0;1;31mab\u{1B}[0m  \u{1B}[2;1H  cd"))
        #expect(text.hasSuffix("\u{1B}[0m"))
        #expect(text.components(separatedBy: "\u{1B}[0;1;31m").count == 2)
    }
}

@Suite("Atom colourings")
struct AtomColouringTests {
    @Test("o cycles element, atomic energy, |F_i|, extrapolation; the ramp runs blue to red from the minimum to the maximum")
    func ramp() {
        #expect(AtomColouring.element.next == .atomicEnergy && AtomColouring.extrapolation.next == .element)
        let (colors, legend) = AtomColouring.ramped([0, 1, 2, 3, 4], name: "atomic energy ε_i", unit: "eV")
        #expect(colors == [.blue, .cyan, .green, .yellow, .red])
        #expect(legend == "colour: atomic energy ε_i  blue 0 … red 4 eV")
    }

    @Test("the atom view draws each atom in its colouring's colour, and the legend sits on the view's bottom edge")
    func drawnColours() {
        var frame = Fixtures.frame
        frame.atoms.colors = Array(repeating: .red, count: frame.atoms.count)
        frame.atomLegend = "colour: |F_i|  blue 0.01 … red 0.9 eV/Å"
        let grid = LabScreen.render(frame: frame, size: GridSize(width: 100, height: 30), mode: RenderMode())
        var colours = Set<TermColor>()
        for y in 1..<27 { for x in 1..<40 where grid.scalar(x: x, y: y) != " " { colours.insert(grid.style(x: x, y: y).color) } }
        #expect(colours.contains(.red) && !colours.contains(Fixtures.frame.atoms.elements[0].displayColor))
        #expect(grid.rows().contains { $0.contains("colour: |F_i|  blue 0.01 … red 0.9 eV/Å") })
    }
}
