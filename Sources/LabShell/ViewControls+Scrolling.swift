import Canvas
import Scenes

/// A panel the lab scrolls with PgUp/PgDn and the mouse wheel.
public enum ScrollablePanel: Sendable, Equatable {
    /// The help or a command's output (`:check`, `:messages`, ...).
    case panel
    /// The lesson's narration.
    case lesson
    /// The picked atom's report.
    case atomReport
}

extension ViewControls {
    /// Lines one PgUp/PgDn moves (half of it in a lesson's narration, whose panel is smaller).
    static let scrollPage = 8
    /// Lines one notch of the mouse wheel moves, in any panel.
    static let wheelLines = 3

    /// What PgUp/PgDn scroll: the help or output panel when one is open, else the lesson's narration,
    /// else the picked atom's report (which compare mode does not show); nil when none is shown.
    public var scrollTarget: ScrollablePanel? {
        if panel != nil { return .panel }
        if lesson != nil { return .lesson }
        if pickedAtom != nil, comparedCount == 0 { return .atomReport }
        return nil
    }

    /// Scrolls `target` by `lines` towards its top (`up`) or its bottom.
    mutating func scroll(_ target: ScrollablePanel, up: Bool, lines: Int) {
        switch target {
        case .panel: scrollPanel(up: up, lines: lines)
        case .lesson:
            guard var progress = lesson else { return }
            let bound = progress.lesson.steps[progress.step].narration.count / 20
            progress.scroll = min(max(0, progress.scroll + (up ? -lines : lines)), bound)
            lesson = progress
        case .atomReport:
            guard pickedAtom != nil else { return }
            atomReportScroll = min(max(0, atomReportScroll + (up ? -lines : lines)), max(atomReportLength - 1, 0))
        }
    }

    /// Up or down in the open panel: help scrolls from its top, output from its end. Bounded by the
    /// panel's length once wrapped to 40 columns (the rendering clamps to the real length).
    private mutating func scrollPanel(up: Bool, lines step: Int) {
        let lines: [String]
        switch panel {
        case .help?: lines = KeyHelp.helpLines + KeyHelp.speedNote + ["", "", ""]
        case let .output(_, output)?: lines = output
        case nil: return
        }
        let bound = lines.reduce(0) { $0 + 1 + $1.count / 40 }
        let towardsStart = (panel == .help) != up
        panelScroll = min(max(panelScroll + (towardsStart ? step : -step), 0), bound)
    }
}
