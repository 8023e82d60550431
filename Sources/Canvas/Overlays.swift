/// The parts drawn over or under the lab's panels: key hints, the command line, help and output.
enum Overlays {
    /// "q quit  space pause  c cutoff ..." with keys in reverse video, whole entries only.
    static func drawKeyHints(into grid: inout CellGrid, row: Int) {
        var x = 1
        for binding in KeyHelp.bindings {
            let needed = binding.keys.count + 1 + binding.hint.count
            guard x + needed <= grid.width else { break }
            x = grid.write(binding.keys, x: x, y: row, style: CellStyle(.cyan, .reverse))
            x = grid.write(" " + binding.hint, x: x, y: row, style: CellStyle(.default, .dim)) + 2
        }
    }

    /// ":" and the text being typed, scrolled so the cursor stays visible; the cursor cell reversed.
    static func drawCommandLine(_ line: CommandLineState, into grid: inout CellGrid, row: Int) {
        let prompt = ":"
        let room = max(grid.width - prompt.count, 1)
        let scalars = Array(line.text.unicodeScalars)
        let cursor = min(line.cursor, scalars.count)
        let first = max(0, cursor - room + 1)
        let shown = String(String.UnicodeScalarView(scalars[first..<min(scalars.count, first + room)]))
        grid.fill(GridRect(x: 0, y: row, width: grid.width, height: 1))
        let x = grid.write(prompt, x: 0, y: row, style: CellStyle(.cyan, .bold))
        grid.write(shown, x: x, y: row)
        grid.restyle(x: x + cursor - first, y: row) { $0.with(.reverse) }
    }

    static func drawHelp(into grid: inout CellGrid, in area: GridRect) {
        let lines = KeyHelp.helpLines + [""] + KeyHelp.speedNote + ["", "Commands: press : then type help."]
        let width = (lines.map(\.count).max() ?? 0) + 4
        let box = area.centered(width: width, height: lines.count + 2)
        drawPanel(title: "help — keys", lines: lines, box: box, into: &grid)
    }

    /// The output panel across the bottom of `area`, as tall as its lines need (at most 2/3 of it),
    /// showing the last lines that fit.
    static func drawOutput(title: String, lines: [String], into grid: inout CellGrid, in area: GridRect) {
        let height = min(lines.count + 2, max(3, area.height * 2 / 3))
        let box = GridRect(x: area.x, y: area.maxY - height, width: area.width, height: height)
        drawPanel(title: title + " (Esc closes)", lines: Array(lines.suffix(height - 2)), box: box, into: &grid)
    }

    private static func drawPanel(title: String, lines: [String], box: GridRect, into grid: inout CellGrid) {
        grid.fill(box)
        grid.drawBox(box, title: title, style: CellStyle(.cyan), titleStyle: CellStyle(.cyan, .bold))
        let inside = box.insetBy(dx: 2, dy: 1)
        for (i, line) in lines.prefix(inside.height).enumerated() {
            grid.write(line, x: inside.x, y: inside.y + i, clip: inside)
        }
    }
}
