import Canvas
import CNCurses

/// The curses screen as a ``LabTerminal``: keys and mouse events from `wget_wch` with `wtimeout`,
/// frames through ``CursesScreen``.
struct CursesTerminal: LabTerminal {
    let session: TerminalSession
    private var screen: CursesScreen

    init(session: TerminalSession) {
        self.session = session
        screen = CursesScreen(usesColor: session.usesColor)
    }

    var size: GridSize { GridSize(width: session.width, height: session.height) }

    mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
        wtimeout(nnp_stdscr(), Int32(milliseconds))
        var value: wint_t = 0
        let status = wget_wch(nnp_stdscr(), &value)
        guard status != ERR else { return nil }
        if status == KEY_CODE_YES, value == KEY_MOUSE {
            var event = MEVENT()
            guard getmouse(&event) == OK, let pointer = decodePointer(event) else { return TerminalInput.none }
            return .pointer(pointer)
        }
        return decodeInput(status: status, value: UInt32(value))
    }

    mutating func show(_ grid: CellGrid) { screen.show(grid, cursor: nil) }
}
