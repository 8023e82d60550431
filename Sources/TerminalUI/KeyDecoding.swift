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

/// The mouse events the lab asks curses for: the left button's press (with `mouseinterval(0)` curses
/// reports it at once instead of waiting to see whether a click follows) and the wheel, which xterm's
/// protocols send as presses of buttons 4 (up) and 5 (down).
let pointerEventMask: mmask_t = nnp_button1_pressed() | nnp_button4_pressed() | nnp_button5_pressed()

/// Decodes one `getmouse` event into the lab's terms; nil for what the lab does not use (releases,
/// other buttons). Curses has already parsed the terminal's protocol (X10 or SGR 1006) into `event`.
func decodePointer(_ event: MEVENT) -> PointerEvent? {
    guard event.x >= 0, event.y >= 0 else { return nil }
    let action: PointerEvent.Action
    if event.bstate & nnp_button1_pressed() != 0 {
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
