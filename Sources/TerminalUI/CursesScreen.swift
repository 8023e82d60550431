import Canvas
import CNCurses

/// Copies a ``CellGrid`` to the terminal: one `mvwaddnwstr` per run of equal style, then
/// `wnoutrefresh` + `doupdate`, so curses sends only the cells that changed.
struct CursesScreen {
    let usesColor: Bool
    private var buffer: [wchar_t] = []

    init(usesColor: Bool) { self.usesColor = usesColor }

    mutating func show(_ grid: CellGrid, cursor: (x: Int, y: Int)?) {
        let window = nnp_stdscr()
        if buffer.count < grid.width + 1 { buffer = Array(repeating: 0, count: grid.width + 1) }
        let color = usesColor
        buffer.withUnsafeMutableBufferPointer { wide in
            grid.forEachRun { row, x, style, points in
                for (i, point) in points.enumerated() { wide[i] = wchar_t(bitPattern: point) }
                wide[points.count] = 0
                let pair = color ? Palette.pair(style.color) : 0
                wattr_set(window, Palette.attributes(style, color: color), pair, nil)
                mvwaddnwstr(window, Int32(row), Int32(x), wide.baseAddress, Int32(points.count))
            }
        }
        wattr_set(window, nnp_a_normal(), 0, nil)
        if let cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }
}
