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

    /// The help panel, centred, its lines wrapped to the window, `scroll` lines down from the top.
    static func drawHelp(into grid: inout CellGrid, in area: GridRect, scroll: Int) {
        let (box, wrapped) = helpBox(in: area)
        drawPanel(title: "help — keys", lines: wrapped, scroll: scroll, box: box, into: &grid)
    }

    /// Where the help panel goes in `area` (centred, as wide as its longest line allows), and its
    /// lines wrapped to that width.
    static func helpBox(in area: GridRect) -> (GridRect, [String]) {
        let lines = KeyHelp.helpLines + [""] + KeyHelp.speedNote + ["", "Commands: press : then type help."]
        let width = min((lines.map(\.count).max() ?? 0) + 4, area.width)
        let wrapped = TextWrap.wrap(lines, width: width - 4)
        return (area.centered(width: width, height: min(wrapped.count + 2, area.height)), wrapped)
    }

    /// The output panel across the bottom of `area`, as tall as its lines need (at most 2/3 of it),
    /// its lines wrapped to its width, `scroll` lines up from the end (0: the last lines).
    static func drawOutput(title: String, lines: [String], into grid: inout CellGrid, in area: GridRect, scroll: Int) {
        let (box, wrapped) = outputBox(lines, in: area)
        drawPanel(title: title + " (Esc closes)", lines: wrapped, scroll: wrapped.count - (box.height - 2) - scroll, box: box,
                  into: &grid)
    }

    /// Where the output panel of `lines` goes in `area`, and the lines wrapped to its width.
    static func outputBox(_ lines: [String], in area: GridRect) -> (GridRect, [String]) {
        let wrapped = TextWrap.wrap(lines, width: area.width - 4)
        let height = min(wrapped.count + 2, max(3, area.height * 2 / 3))
        return (GridRect(x: area.x, y: area.maxY - height, width: area.width, height: height), wrapped)
    }

    /// The picked atom's report filling `box`, its lines wrapped, `scroll` lines down from its top.
    static func drawAtomReport(_ lines: [String], in box: GridRect, scroll: Int, into grid: inout CellGrid) {
        drawPanel(title: "picked atom (x next, Esc none)", lines: TextWrap.wrap(lines, width: box.width - 4), scroll: scroll,
                  box: box, into: &grid)
    }

    /// A framed panel showing `lines` from `scroll` (clamped so the box is full); when they do not all
    /// fit, the frame's bottom says which lines show and that PgUp/PgDn (or the wheel) scroll.
    private static func drawPanel(title: String, lines: [String], scroll: Int, box: GridRect, into grid: inout CellGrid) {
        grid.fill(box)
        grid.drawBox(box, title: title, style: CellStyle(.cyan), titleStyle: CellStyle(.cyan, .bold))
        let inside = box.insetBy(dx: 2, dy: 1)
        guard inside.height > 0 else { return }
        let first = min(max(scroll, 0), max(lines.count - inside.height, 0))
        for (i, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            grid.write(line, x: inside.x, y: inside.y + i, clip: inside)
        }
        if lines.count > inside.height {
            let note = " lines \(first + 1)–\(min(first + inside.height, lines.count)) of \(lines.count), PgUp/PgDn scroll "
            grid.write(note, x: max(box.x + 2, box.maxX - 2 - note.count), y: box.maxY - 1, style: CellStyle(.cyan), clip: box)
        }
    }
}
