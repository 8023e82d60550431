import Geometry

/// The lab's whole screen, drawn from a ``LabFrame``: the entry point the curses front end calls
/// once per frame before copying the grid to the terminal.
public enum LabScreen {
    /// Renders `frame` on a terminal of `size` in `mode`. Below ``LabLayout/minimumSize`` the grid
    /// says "terminal too small: need W×H, have w×h".
    public static func render(frame: LabFrame, size: GridSize, mode: RenderMode) -> CellGrid {
        var grid = CellGrid(size: size)
        if let (layout, statusLines) = layout(of: frame, size: size) {
            draw(frame, layout: layout, statusLines: statusLines, glyphs: mode.glyphs, into: &grid)
        } else {
            drawTooSmall(size: size, into: &grid)
        }
        if !mode.color { grid.restyleAll(\.colorless) }
        if mode.glyphs == .ascii { grid.transliterateToASCII() }
        return grid
    }

    /// Where ``render(frame:size:mode:)`` puts each part of `frame`, with the status lines it draws;
    /// nil when the terminal is too small for the lab.
    static func layout(of frame: LabFrame, size: GridSize) -> (LabLayout, [[(text: String, style: CellStyle)]])? {
        let statusLines = StatusLine.lines(frame.status, width: size.width - 2)
        guard statusLines.count <= 2,
              let layout = LabLayout(size: size, statusLines: statusLines.count, showsMessage: frame.status.message != nil)
        else { return nil }
        return (layout, statusLines)
    }

    static func draw(_ frame: LabFrame, layout: LabLayout, statusLines: [[(text: String, style: CellStyle)]],
                     glyphs: GlyphSet, into grid: inout CellGrid) {
        let frameStyle = CellStyle(.gray)
        let titleStyle = CellStyle(.default, .bold)
        grid.drawBox(layout.atomView, title: atomTitle(frame), style: frameStyle, titleStyle: titleStyle)
        AtomView.draw(frame.atoms, camera: frame.camera, glyphs: glyphs, into: &grid,
                      rect: layout.atomView.insetBy(dx: 1, dy: 1))
        if let legend = frame.atomLegend {
            // On the atom view's bottom edge (wrapped upwards into the view when longer), never cut.
            let width = layout.atomView.width - 2
            let pieces = TextWrap.wrap(legend, width: width - 2, indent: 0)
            for (i, piece) in pieces.enumerated() {
                let row = layout.atomView.maxY - pieces.count + i
                grid.write(" " + piece + " ", x: layout.atomView.x + 1, y: row, style: CellStyle(.default, .bold),
                           clip: GridRect(x: layout.atomView.x + 1, y: row, width: width, height: 1))
            }
        }
        if let report = frame.atomReport {
            Overlays.drawAtomReport(report, in: layout.plots, scroll: frame.atomReportScroll, into: &grid)
        } else if let compare = frame.compare {
            compare.draw(legendRect: layout.energyPlot, plotRect: layout.driftPlot, glyphs: glyphs, into: &grid)
        } else if let inspector = frame.inspector {
            inspector.draw(in: layout.plots, glyphs: glyphs, into: &grid)
        } else {
            for (plot, rect) in [(frame.energy.energyPlot, layout.energyPlot),
                                 (frame.energy.driftPlot(logarithmic: frame.logarithmicDrift), layout.driftPlot)] {
                grid.drawBox(rect, title: plot.title, style: frameStyle, titleStyle: titleStyle)
                plot.draw(into: &grid, rect: rect.insetBy(dx: 1, dy: 1), glyphs: glyphs)
            }
        }
        if let row = layout.messageRow, let message = frame.status.message {
            let style = message.severity == .warning ? CellStyle(.red, .bold) : CellStyle(.default, .bold)
            // A message wider than its row ends in "… (:messages)"; the log keeps it whole.
            var text = (message.severity == .warning ? "⚠ " : "") + message.text
            if text.count > grid.width - 1 {
                let tail = "… (:messages)"
                text = String(text.prefix(max(grid.width - 1 - tail.count, 0))) + tail
            }
            grid.write(text, x: 1, y: row, style: style)
        }
        for (row, line) in zip(layout.statusRows, statusLines) { StatusLine.draw(line, into: &grid, row: row) }
        if let commandLine = frame.commandLine {
            Overlays.drawCommandLine(commandLine, into: &grid, row: layout.hintRow)
        } else {
            Overlays.drawKeyHints(into: &grid, row: layout.hintRow)
        }
        frame.lesson?.draw(in: layout.atomView, into: &grid)
        switch frame.panel {
        case .help: Overlays.drawHelp(into: &grid, in: layout.main, scroll: frame.panelScroll)
        case let .output(title, lines):
            Overlays.drawOutput(title: title, lines: lines, into: &grid, in: layout.main, scroll: frame.panelScroll)
        case nil: break
        }
    }

    /// "108 Ar" or "64 O, 128 H", and the zoom when it is not 1.
    static func atomTitle(_ frame: LabFrame) -> String {
        var counts: [Element: Int] = [:]
        for e in frame.atoms.elements { counts[e, default: 0] += 1 }
        var title = counts.isEmpty ? "no atoms"
            : counts.keys.sorted(by: >).map { "\(counts[$0]!) \($0.symbol)" }.joined(separator: ", ")
        if frame.camera.zoom != 1 { title += " · zoom " + StatusLine.compact((frame.camera.zoom * 100).rounded() / 100) + "×" }
        return title
    }

    static func drawTooSmall(size: GridSize, into grid: inout CellGrid) {
        let need = LabLayout.minimumSize
        let lines = ["terminal too small: need \(need.width)×\(need.height), have \(size.width)×\(size.height)",
                     "enlarge the window, or press q to quit"]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            grid.write(line, x: max(0, (size.width - line.count) / 2), y: top + i,
                       style: i == 0 ? CellStyle(.yellow, .bold) : .plain)
        }
    }
}
