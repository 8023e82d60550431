import Canvas
import CNCurses

/// The curses screen as a ``LabTerminal``: keys and mouse events from `wget_wch` with `wtimeout`,
/// frames through ``CursesScreen``.
struct CursesTerminal: LabTerminal {
    let session: TerminalSession
    private var screen: CursesScreen
    /// Inputs read but not yet handed out (curses can deliver several mouse events at once).
    private var pending: [TerminalInput] = []

    init(session: TerminalSession) {
        self.session = session
        screen = CursesScreen(usesColor: session.usesColor)
    }

    var size: GridSize { GridSize(width: session.width, height: session.height) }

    mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
        if pending.isEmpty { pending = readInputs(waitingAtMost: milliseconds) }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    mutating func show(_ grid: CellGrid) { screen.show(grid, cursor: nil) }
}
