import CNCurses
import LabShell

/// What `wget_wch` delivered.
enum TerminalInput: Equatable {
    case key(LabKey)
    /// A mouse event (`KEY_MOUSE`, read with `getmouse`).
    case pointer(PointerEvent)
    case resize
    case none
}

/// Reads what the terminal sends next on the current curses screen, waiting at most `milliseconds`
/// (0: only what has already arrived): one key or resize, or every mouse event curses has queued,
/// oldest first; empty when nothing came.
func readInputs(waitingAtMost milliseconds: Int) -> [TerminalInput] {
    wtimeout(nnp_stdscr(), Int32(milliseconds))
    var value: wint_t = 0
    let status = wget_wch(nnp_stdscr(), &value)
    guard status != ERR else { return [] }
    if status == KEY_CODE_YES, value == KEY_MOUSE { return queuedPointerEvents() }
    return [decodeInput(status: status, value: UInt32(value))]
}

/// The mouse events behind one `KEY_MOUSE`, oldest first. Curses gathers reports that arrive together
/// (a press and its release, several wheel notches) into one run and hands them out newest first, one
/// per `getmouse`, keeping the older ones queued (at most 8); reading only the newest would lose, say,
/// a press whose release came with it.
private func queuedPointerEvents() -> [TerminalInput] {
    var newestFirst: [PointerEvent] = []
    var event = MEVENT()
    for _ in 0..<16 {
        guard getmouse(&event) == OK else { break }
        if let pointer = decodePointer(event) { newestFirst.append(pointer) }
    }
    return newestFirst.isEmpty ? [TerminalInput.none] : newestFirst.reversed().map { .pointer($0) }
}

/// Turns mouse reporting on for the current curses screen (keypad mode must be on, so that curses
/// parses the terminal's mouse sequences): curses picks the protocol from the terminfo entry, SGR 1006
/// where `kmous` is `\E[<` (xterm-256color), X10 where it is `\E[M` (tmux-256color, screen-256color),
/// and sends the escape that turns it on. `mousemask(0, nil)` turns it off again.
func enableMouseReporting() {
    mousemask(pointerEventMask, nil)
    mouseinterval(0)
}

/// Decodes one `wget_wch` result: `status` is OK or KEY_CODE_YES, `value` the character or key code.
func decodeInput(status: Int32, value: UInt32) -> TerminalInput {
    if status == KEY_CODE_YES {
        switch Int32(value) {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_F0 + 1: return .key(.f1)
        default: return .none
        }
    }
    guard status == OK else { return .none }
    switch value {
    case 3: return .key(.interrupt)
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    default:
        guard let scalar = Unicode.Scalar(value), value >= 0x20 else { return .none }
        return .key(.character(Character(scalar)))
    }
}

/// The mouse events the lab asks curses for: the left button's press and click, and the wheel, which
/// xterm's protocols send as presses of buttons 4 (up) and 5 (down). With `mouseinterval(0)` curses
/// reports a press at once instead of waiting for its release; a press whose release has already
/// arrived (a quick click, or tmux passing both on together) it merges into a click.
let pointerEventMask: mmask_t = nnp_button1_pressed() | nnp_button1_clicked() | nnp_button4_pressed() | nnp_button5_pressed()

/// Decodes one `getmouse` event into the lab's terms: a press or click of the left button is a
/// press; nil for what the lab does not use (releases, other buttons). Curses has already parsed the
/// terminal's protocol (X10 or SGR 1006) into `event`.
func decodePointer(_ event: MEVENT) -> PointerEvent? {
    guard event.x >= 0, event.y >= 0 else { return nil }
    let action: PointerEvent.Action
    if event.bstate & (nnp_button1_pressed() | nnp_button1_clicked()) != 0 {
        action = .press
    } else if event.bstate & nnp_button4_pressed() != 0 {
        action = .wheelUp
    } else if event.bstate & nnp_button5_pressed() != 0 {
        action = .wheelDown
    } else {
        return nil
    }
    return PointerEvent(action, column: Int(event.x), row: Int(event.y))
}
