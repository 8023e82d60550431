import Canvas
import Simulation

/// A key press, decoded from the terminal: the lab's keys in terms of what they are, not curses codes.
public enum LabKey: Sendable, Equatable {
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, delete, tab, home, end
    case f1
    /// Ctrl-C when the terminal delivers it as a key (raw mode); SIGINT is handled as well.
    case interrupt
}

/// The simulation commands the lab's single keys give.
public enum KeyCommand: Sendable, Equatable {
    case cycleCutoff, toggleActivation, togglePause, reset, halveTimeStep, doubleTimeStep, slower, faster

    public var command: SimulationCommand {
        switch self {
        case .cycleCutoff: .cycleCutoff
        case .toggleActivation: .toggleActivation
        case .togglePause: .togglePause
        case .reset: .reset
        case .halveTimeStep: .scaleTimeStep(0.5)
        case .doubleTimeStep: .scaleTimeStep(2)
        case .slower: .scalePace(0.5)
        case .faster: .scalePace(2)
        }
    }
}

/// What a key press asks of the app.
public enum KeyOutcome: Sendable, Equatable {
    /// Only the view changed (or nothing): redraw.
    case view
    case simulation(KeyCommand)
    /// A `:` line was entered.
    case submit(String)
    case quit
}

/// The view's own state — camera, overlay panel, the `:` line — and what each key does to it: a
/// plain value, so the keymap is tested without a terminal.
public struct ViewControls: Sendable {
    public var camera: Camera
    /// The panel over the view (help, or a command's output), closed by Esc.
    public var panel: OverlayPanel?
    /// Whether the `:` line is open (keys go to ``editor``).
    public private(set) var isEditing = false
    public var editor = LineEditor()
    /// Completion candidates shown under the `:` line after a tab, or nil.
    public var candidates: [String]?
    /// Whether the conservation plot shows |ΔE| and its running RMS on a log axis (key `l`).
    public var logarithmicDrift = false

    public init(camera: Camera = Camera()) { self.camera = camera }

    /// Whether the help panel is open.
    public var helpVisible: Bool { panel == .help }

    /// Opens a panel with a command's output.
    public mutating func showOutput(title: String, lines: [String]) { panel = .output(title: title, lines: lines) }

    /// Applies one key press.
    public mutating func handle(_ key: LabKey, completer: Completer) -> KeyOutcome {
        if key == .interrupt { return .quit }
        if isEditing { return edit(key, completer: completer) }
        if panel != nil, key == .escape || key == .character("?") || key == .f1 || key == .character("q") {
            panel = nil
            return .view
        }
        switch key {
        case .character("q"): return .quit
        case .character("c"): return .simulation(.cycleCutoff)
        case .character("a"): return .simulation(.toggleActivation)
        case .character(" "): return .simulation(.togglePause)
        case .character("r"): return .simulation(.reset)
        case .character("["): return .simulation(.halveTimeStep)
        case .character("]"): return .simulation(.doubleTimeStep)
        case .character("<"), .character(","): return .simulation(.slower)
        case .character(">"), .character("."): return .simulation(.faster)
        case .character("?"), .f1: panel = .help
        case .escape: panel = nil
        case .character(":"):
            isEditing = true
            candidates = nil
        case .character("l"): logarithmicDrift.toggle()
        case .left, .character("h"): camera.rotate(dx: -1, dy: 0)
        case .right: camera.rotate(dx: 1, dy: 0)
        case .up, .character("k"): camera.rotate(dx: 0, dy: -1)
        case .down, .character("j"): camera.rotate(dx: 0, dy: 1)
        case .character("+"), .character("="): camera.zoomIn()
        case .character("-"), .character("_"): camera.zoomOut()
        default: break
        }
        return .view
    }

    private mutating func edit(_ key: LabKey, completer: Completer) -> KeyOutcome {
        candidates = nil
        switch key {
        case .escape:
            editor.clear()
            isEditing = false
        case .enter:
            isEditing = false
            return .submit(editor.submit())
        case let .character(c): editor.insert(c)
        case .backspace:
            if editor.text.isEmpty { isEditing = false } else { editor.deleteBackward() }
        case .delete: editor.deleteForward()
        case .left: editor.moveLeft()
        case .right: editor.moveRight()
        case .home: editor.moveToStart()
        case .end: editor.moveToEnd()
        case .up: editor.historyUp()
        case .down: editor.historyDown()
        case .tab:
            let more = editor.complete(with: completer)
            candidates = more.isEmpty ? nil : more
        case .f1, .interrupt: break
        }
        return .view
    }
}
