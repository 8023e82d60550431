import Testing
@testable import Canvas

@Suite("Lab screen layout")
struct LabScreenTests {
    static let sizes = [GridSize(width: 80, height: 24), GridSize(width: 100, height: 30), GridSize(width: 160, height: 48)]

    func render(_ frame: LabFrame, _ width: Int, _ height: Int, mode: RenderMode = RenderMode()) -> CellGrid {
        LabScreen.render(frame: frame, size: GridSize(width: width, height: height), mode: mode)
    }

    func render(_ width: Int, _ height: Int) -> CellGrid { render(Fixtures.frame, width, height) }

    @Test("the lab matches its golden render at 80×24, 100×30 and 160×48", arguments: sizes)
    func goldenSizes(size: GridSize) {
        Golden.expectMatches(render(size.width, size.height).rows(), name: "lab-\(size.width)x\(size.height)")
    }

    @Test("the status line shows scene, cutoff, activation, dt, T, time, steps/s and run state at every size",
          arguments: sizes)
    func statusAlwaysComplete(size: GridSize) {
        let text = render(size.width, size.height).rows().suffix(3).joined(separator: "\n")
        for field in ["argon", "cutoff: smooth", "activation: tanh", "dt 2 fs", "T 94.4 K", "t 0.798 ps",
                      "5120 steps/s", "running"] {
            #expect(text.contains(field), "\(field) at \(size)")
        }
    }

    @Test("below the minimum size the screen says what size is needed")
    func tooSmall() {
        let grid = render(50, 12)
        Golden.expectMatches(grid.rows(), name: "lab-too-small-50x12")
        #expect(grid.rows().joined().contains("terminal too small: need 60×16, have 50×12"))
        #expect(render(59, 30).rows().joined().contains("terminal too small"))
        #expect(!render(60, 16).rows().joined().contains("terminal too small"))
        #expect(render(0, 0).rows().isEmpty)
    }

    @Test("the help overlay lists every key")
    func helpOverlay() {
        var frame = Fixtures.frame
        frame.panel = .help
        let grid = render(frame, 80, 24)
        Golden.expectMatches(grid.rows(), name: "lab-help-80x24")
        // 80×24 is too short for every key: the panel scrolls; at 160×48 every key shows at once.
        #expect(grid.rows().joined().contains("PgUp/PgDn"))
        let text = render(frame, 160, 48).rows().joined(separator: "\n")
        for binding in KeyHelp.bindings { #expect(text.contains(binding.description), "\(binding.keys)") }
        frame.panelScroll = 100
        #expect(render(frame, 80, 24).rows().joined().contains("Commands: press : then type help."))
    }

    @Test("the command line shows its text with the cursor, and command output shows in a panel")
    func commandLineAndOutput() {
        var frame = Fixtures.frame
        frame.commandLine = CommandLineState(text: "set dt 0.5", cursor: 4)
        frame.panel = .output(title: "status", lines: ["scene argon, 32 atoms", "cutoff: smooth, activation: tanh"])
        let grid = render(frame, 100, 30)
        Golden.expectMatches(grid.rows(), name: "lab-command-100x30")
        #expect(grid.rows()[29].hasPrefix(":set dt 0.5"))
        #expect(grid.style(x: 5, y: 29).attributes.contains(.reverse), "cursor on the 'd' after 'set '")
        #expect(!grid.style(x: 4, y: 29).attributes.contains(.reverse))
    }

    @Test("an explosion warning shows above the status line while paused")
    func explosionMessage() {
        var frame = Fixtures.frame
        frame.status.isRunning = false
        frame.status.message = StatusMessage("exploded: max force 1e5 eV/Å, paused — press r", severity: .warning)
        let grid = render(frame, 80, 24)
        Golden.expectMatches(grid.rows(), name: "lab-exploded-80x24")
        let text = grid.rows().joined(separator: "\n")
        #expect(text.contains("exploded: max force 1e5 eV/Å, paused — press r"))
        #expect(text.contains("paused"))
    }

    @Test("ASCII mode without colour draws only ASCII in the default colour")
    func asciiNoColor() {
        let grid = render(Fixtures.frame, 80, 24, mode: RenderMode(glyphs: .ascii, color: false))
        Golden.expectMatches(grid.rows(), name: "lab-ascii-80x24")
        #expect(grid.codePoints.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
        #expect(grid.styles.allSatisfy { $0.color == .default })
        #expect(grid.styles.contains { $0.attributes.contains(.bold) }, "depth cue kept without colour")
    }

    @Test("block mode matches its golden render")
    func blocks() {
        Golden.expectMatches(render(Fixtures.frame, 100, 30, mode: RenderMode(glyphs: .blocks)).rows(), name: "lab-blocks-100x30")
    }

    @Test("argon atoms are drawn cyan, near ones bold and far ones dim")
    func elementColoursAndDepthCue() {
        let grid = render(100, 30)
        let atomArea = LabLayout(size: GridSize(width: 100, height: 30), statusLines: 1, showsMessage: false)!.atomView
        var attributes: Set<UInt8> = []
        for y in atomArea.y..<atomArea.maxY {
            for x in atomArea.x..<atomArea.maxX where grid.style(x: x, y: y).color == .cyan {
                attributes.insert(grid.style(x: x, y: y).attributes.rawValue)
            }
        }
        #expect(attributes == [0, TextAttributes.bold.rawValue, TextAttributes.dim.rawValue])
    }

    @Test("NO_COLOR and a non-UTF-8 locale choose the colourless ASCII mode")
    func modeFromEnvironment() {
        #expect(RenderMode(environment: ["NO_COLOR": "1"], localeIsUTF8: true) == RenderMode(glyphs: .braille, color: false))
        #expect(RenderMode(environment: ["NO_COLOR": ""], localeIsUTF8: true) == RenderMode(glyphs: .braille, color: true))
        #expect(RenderMode(environment: [:], localeIsUTF8: false, noColorFlag: true) == RenderMode(glyphs: .ascii, color: false))
    }

    @Test("an empty scene and history still render a complete screen")
    func emptyFrame() {
        let frame = LabFrame(atoms: .empty, energy: .empty, status: Fixtures.status)
        let text = render(frame, 80, 24).rows().joined(separator: "\n")
        #expect(text.contains("no atoms"))
        #expect(text.contains("waiting for data"))
        #expect(text.contains("cutoff: smooth"))
    }
}

@Suite("Command line and output panel")
struct CommandLinePanelTests {
    @Test("a command longer than the line scrolls so the cursor stays visible")
    func longCommandScrolls() {
        var frame = Fixtures.frame
        let text = String(repeating: "x", count: 150) + "END"
        frame.commandLine = CommandLineState(text: text)
        let grid = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode())
        let row = grid.rows()[23]
        #expect(row.hasPrefix(":"))
        #expect(row.hasSuffix("END "), "text ends just before the cursor cell")
        #expect(grid.style(x: 79, y: 23).attributes.contains(.reverse))
    }

    @Test("an output panel with more lines than fit shows the last ones")
    func outputShowsLastLines() {
        var frame = Fixtures.frame
        frame.panel = .output(title: "log", lines: (1...100).map { "line \($0)" })
        let text = LabScreen.render(frame: frame, size: GridSize(width: 80, height: 24), mode: RenderMode())
            .rows().joined(separator: "\n")
        #expect(text.contains("line 100"))
        #expect(!text.contains("line 1\n") && !text.contains("line 50 "))
        #expect(text.contains("log (Esc closes)"))
    }
}
