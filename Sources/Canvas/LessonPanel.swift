/// The lesson panel: one step's narration, wrapped to the panel and scrolled, with a last row that
/// says where the student is ("step 2 of 5") and which keys move on.
public struct LessonPanel: Sendable, Hashable {
    /// The lesson's one-line title.
    public var title: String
    /// 0-based step index and the number of steps.
    public var step: Int
    public var stepCount: Int
    /// The step's narration as written: single line breaks are reflowed, blank lines separate paragraphs.
    public var narration: String
    /// Lines scrolled down from the top (clamped when drawn).
    public var scroll: Int

    public init(title: String, step: Int, stepCount: Int, narration: String, scroll: Int = 0) {
        self.title = title
        self.step = step
        self.stepCount = stepCount
        self.narration = narration
        self.scroll = scroll
    }

    /// The narration's paragraphs, each one line (the file's own line breaks inside a paragraph
    /// are only where its author wrapped the text), with an empty line between paragraphs.
    var paragraphs: [String] {
        var result: [String] = []
        var current: [String] = []
        for line in narration.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            if trimmed.isEmpty {
                if !current.isEmpty { result += (result.isEmpty ? [] : [""]) + [current.joined(separator: " ")] }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result += (result.isEmpty ? [] : [""]) + [current.joined(separator: " ")] }
        return result
    }

    /// The row under the narration: position and keys.
    var footer: String {
        let last = step == stepCount - 1
        return "step \(step + 1) of \(stepCount) · n \(last ? "ends the lesson" : "next")" + (step > 0 ? " · p back" : "")
    }

    /// The panel's box in `area`, its narration wrapped to the box's width, and its footer's lines.
    func layout(in area: GridRect) -> (box: GridRect, lines: [String], footer: [String]) {
        let inner = max(area.width - 4, 4)
        let lines = paragraphs.flatMap { TextWrap.wrap($0, width: inner, indent: 0) }
        let footer = TextWrap.wrap(self.footer, width: inner, indent: 2)
        let height = min(lines.count + footer.count + 2, max(3 + footer.count, area.height / 2), area.height)
        return (GridRect(x: area.x, y: area.maxY - height, width: area.width, height: height), lines, footer)
    }

    /// Draws the panel across the bottom of `area`, as tall as the text needs but at most half of it
    /// (at least the footer and one line of text), its narration wrapped to its width; when the text does not fit, the frame
    /// says which lines show and that PgUp/PgDn (or the wheel) scroll.
    func draw(in area: GridRect, into grid: inout CellGrid) {
        let (box, lines, footer) = layout(in: area)
        grid.fill(box)
        grid.drawBox(box, title: "lesson: " + title, style: CellStyle(.green), titleStyle: CellStyle(.green, .bold))
        let inside = box.insetBy(dx: 2, dy: 1)
        guard inside.height > footer.count else { return }
        let rows = inside.height - footer.count
        let first = min(max(scroll, 0), max(lines.count - rows, 0))
        for (i, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.write(line, x: inside.x, y: inside.y + i, clip: inside)
        }
        for (i, piece) in footer.enumerated() {
            grid.write(piece, x: inside.x, y: inside.y + rows + i, style: CellStyle(.green, .bold), clip: inside)
        }
        if lines.count > rows {
            let note = " lines \(first + 1)–\(min(first + rows, lines.count)) of \(lines.count), PgUp/PgDn "
            grid.write(note, x: max(box.x + 2, box.maxX - 2 - note.count), y: box.maxY - 1, style: CellStyle(.green), clip: box)
        }
    }
}
