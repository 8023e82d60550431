/// A grid as ANSI terminal output: what an asciicast recording replays.
extension CellGrid {
    /// The whole screen as escape sequences: home the cursor, then each row with SGR attributes and
    /// 8-colour foregrounds (ESC[0m between style changes), ending with attributes reset.
    public var ansiText: String {
        var out = "\u{1B}[H"
        var current: CellStyle?
        for y in 0..<height {
            out += "\u{1B}[\(y + 1);1H"
            for x in 0..<width {
                let style = self.style(x: x, y: y)
                if style != current {
                    out += Self.sgr(style)
                    current = style
                }
                out.unicodeScalars.append(scalar(x: x, y: y))
            }
        }
        return out + "\u{1B}[0m"
    }

    /// ESC[0;…m selecting `style`: bold 1, dim 2, reverse 7, foreground 30–37.
    static func sgr(_ style: CellStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if style.color.ansiIndex >= 0 { codes.append(String(30 + style.color.ansiIndex)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
