import Canvas
import CNCurses

/// Curses colour pairs for the canvas palette: pair n + 1 draws ``TermColor`` with raw value n on the
/// terminal's default background.
enum Palette {
    /// Defines one pair per colour (xterm-256 numbers where the terminal has 256 colours).
    static func install(colors: Int) {
        for color in TermColor.allCases where color != .default {
            let index = colors >= 256 ? color.xterm256Index : color.ansiIndex
            init_pair(pair(color), Int16(index), -1)
        }
    }

    /// The pair number of `color` (0, the terminal's default, for `.default`).
    static func pair(_ color: TermColor) -> Int16 {
        color == .default ? 0 : Int16(color.rawValue)
    }

    /// Curses attributes for `style`.
    static func attributes(_ style: CellStyle, color: Bool) -> attr_t {
        var attributes = nnp_a_normal()
        if style.attributes.contains(.bold) { attributes |= nnp_a_bold() }
        if style.attributes.contains(.dim) { attributes |= nnp_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= nnp_a_reverse() }
        return attributes
    }
}
