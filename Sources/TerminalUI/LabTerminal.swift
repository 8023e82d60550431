import Canvas

/// What the lab's loop needs from a screen: its size, keys with a time limit, and a way to show a
/// frame. Curses provides one (``CursesTerminal``); the benchmark drives the same loop against an
/// in-memory screen.
protocol LabTerminal {
    /// Screen size in cells.
    var size: GridSize { get }
    /// The next key or resize, waiting at most `milliseconds` (0: only what is already typed).
    mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput?
    /// Shows `grid` (the whole screen).
    mutating func show(_ grid: CellGrid)
}
