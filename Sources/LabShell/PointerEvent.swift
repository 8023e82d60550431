/// A mouse event, decoded from the terminal: what the mouse did and at which screen cell (0-based
/// column and row from the top-left), in terms independent of curses and of the terminal's protocol.
public struct PointerEvent: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// The left button went down (the lab acts on the press, not the release).
        case press
        /// One notch of the wheel away from the user (up) or towards them (down).
        case wheelUp, wheelDown
    }

    public var action: Action
    public var column: Int
    public var row: Int

    public init(_ action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}
