import Canvas
import Simulation
import Scenes

/// A key press, decoded from the terminal: the lab's keys in terms of what they are, not curses codes.
public enum LabKey: Sendable, Equatable {
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, delete, tab, home, end, pageUp, pageDown
    case f1
    /// Ctrl-C when the terminal delivers it as a key (raw mode); SIGINT is handled as well.
    case interrupt
}

/// The simulation commands the lab's single keys give.
public enum KeyCommand: Sendable, Equatable {
    case cycleCutoff, toggleActivation, togglePause, reset, halveTimeStep, doubleTimeStep, slower, faster
    /// `m`: compare mode with every model of the scene.
    case startCompare
    /// `m` or Esc in compare mode: back to one model, the compared model at this index.
    case endCompare(keeping: Int)

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
        case .startCompare: .startCompare([])
        case let .endCompare(index): .endCompare(keeping: index)
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
    /// `n` or `p` entered this step of the lesson (an index into its steps): run its commands.
    case lessonStep(Int)
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
    /// What the atom colours mean (`o` cycles).
    public var colouring = AtomColouring.element
    /// Whether the inspector (`i`) replaces the energy plots.
    public var inspectorOpen = false
    /// How many models compare mode runs (0: not comparing); the lab sets it from each snapshot.
    public var comparedCount = 0
    /// Which compared model the atom view follows (Tab cycles), an index into the compared models.
    public var followed = 0
    /// The lesson being followed (`--lesson`, `:lesson`), nil when none: `n`/`p` step, PgUp/PgDn
    /// scroll its narration when no other panel is open.
    public var lesson: LessonProgress?
    /// The atom `x` picked (its report replaces the plots), nil for none; ``atomCount`` bounds it
    /// (the lab sets it from each snapshot).
    public var pickedAtom: Int? {
        didSet { if pickedAtom != oldValue { atomReportScroll = 0 } }
    }
    public var atomCount = 0
    /// How many lines the picked atom's report has (the lab sets it from each frame): bounds its scrolling.
    public var atomReportLength = 0
    /// Lines the picked atom's report is scrolled down from its top.
    public internal(set) var atomReportScroll = 0

    public init(camera: Camera = Camera()) { self.camera = camera }

    /// How far the open panel is scrolled from where it opened (see ``LabFrame/panelScroll``).
    public internal(set) var panelScroll = 0

    /// Whether the help panel is open.
    public var helpVisible: Bool { panel == .help }

    /// Opens a panel with a command's output.
    public mutating func showOutput(title: String, lines: [String]) {
        panel = .output(title: title, lines: lines)
        panelScroll = 0
    }

    /// Follows what the simulation shows: how many models it compares. When compare mode begins,
    /// the atom view follows the compared run of `current`, the model that was running.
    public mutating func follow(comparedModels: [ModelChoice]?, current: ModelChoice) {
        let count = comparedModels?.count ?? 0
        if count > 0, comparedCount == 0 { followed = comparedModels?.firstIndex(of: current) ?? 0 }
        comparedCount = count
        if count > 0 { followed %= count }
    }

    /// Applies one key press.
    public mutating func handle(_ key: LabKey, completer: Completer) -> KeyOutcome {
        if key == .interrupt { return .quit }
        if isEditing { return edit(key, completer: completer) }
        if panel != nil, key == .escape || key == .character("?") || key == .f1 || key == .character("q") {
            panel = nil
            return .view
        }
        if key == .pageUp || key == .pageDown, let target = scrollTarget {
            scroll(target, up: key == .pageUp, lines: target == .lesson ? Self.scrollPage / 2 : Self.scrollPage)
            return .view
        }
        if var progress = lesson {
            switch key {
            case .character("n"), .character("p"):
                let forward = key == .character("n")
                if progress.move(by: forward ? 1 : -1) {
                    lesson = progress
                    return .lessonStep(progress.step)
                }
                if forward { lesson = nil }  // n on the last step ends the lesson
                return .view
            default: break
            }
        }
        if comparedCount > 0 {
            switch key {
            case .character("m"), .escape: return .simulation(.endCompare(keeping: followed % comparedCount))
            case .tab:
                followed = (followed + 1) % comparedCount
                return .view
            default: break
            }
        }
        switch key {
        case .character("q"): return .quit
        case .character("m"): return .simulation(.startCompare)
        case .character("c"): return .simulation(.cycleCutoff)
        case .character("a"): return .simulation(.toggleActivation)
        case .character(" "): return .simulation(.togglePause)
        case .character("r"): return .simulation(.reset)
        case .character("["): return .simulation(.halveTimeStep)
        case .character("]"): return .simulation(.doubleTimeStep)
        case .character("<"), .character(","): return .simulation(.slower)
        case .character(">"), .character("."): return .simulation(.faster)
        case .character("?"), .f1:
            panel = .help
            panelScroll = 0
        case .escape:
            panel = nil
            pickedAtom = nil
        case .character("x"):
            // Cycles atom 0, 1, ..., the last, then none.
            let next = (pickedAtom ?? -1) + 1
            pickedAtom = next < atomCount ? next : nil
        case .character(":"):
            isEditing = true
            candidates = nil
        case .character("l"): logarithmicDrift.toggle()
        case .character("i"): inspectorOpen.toggle()
        case .character("o"): colouring = colouring.next
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
        case .f1, .interrupt, .pageUp, .pageDown: break
        }
        return .view
    }
}
