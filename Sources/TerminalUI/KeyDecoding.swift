import CNCurses
import LabShell

/// What `wget_wch` delivered.
enum TerminalInput: Equatable {
    case key(LabKey)
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
