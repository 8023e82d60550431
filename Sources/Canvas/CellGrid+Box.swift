extension CellGrid {
    /// Draws a single-line box on the edge of `rect` (rounded corners), with `title` set into the top
    /// edge as "╭─ title ─...╮". The inside is left as it is; see ``fill(_:with:style:)``.
    public mutating func drawBox(_ rect: GridRect, title: String? = nil, style: CellStyle = .plain,
                                 titleStyle: CellStyle? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            set("─", x: x, y: rect.y, style: style)
            set("─", x: x, y: bottom, style: style)
        }
        for y in (rect.y + 1)..<bottom {
            set("│", x: rect.x, y: y, style: style)
            set("│", x: right, y: y, style: style)
        }
        set("╭", x: rect.x, y: rect.y, style: style)
        set("╮", x: right, y: rect.y, style: style)
        set("╰", x: rect.x, y: bottom, style: style)
        set("╯", x: right, y: bottom, style: style)
        if let title, !title.isEmpty, rect.width > 4 {
            let clip = GridRect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            write(" \(title) ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style, clip: clip)
        }
    }

    /// Draws a horizontal rule across `width` columns from (x, y).
    public mutating func drawHorizontalRule(x: Int, y: Int, width: Int, style: CellStyle = .plain) {
        for column in x..<(x + max(width, 0)) { set("─", x: column, y: y, style: style) }
    }
}
