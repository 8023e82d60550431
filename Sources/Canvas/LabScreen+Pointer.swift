/// What lies under one cell of the lab's screen, the top-most thing first as the lab draws it.
public enum PointerTarget: Sendable, Equatable {
    /// The help panel or a command's output panel.
    case panel
    /// The lesson's narration panel.
    case lesson
    /// The picked atom's report.
    case atomReport
    /// The atoms' picture: the atom drawn at (or near) the cell, nil over empty space.
    case atomView(atom: Int?)
    /// Anything else: plots, frames, the message, status and hint rows, a screen too small for the lab.
    case elsewhere
}

extension LabScreen {
    /// What `frame`, rendered by ``render(frame:size:mode:)`` on `size` in `mode`, shows at cell
    /// (`column`, `row`) (0-based from the top-left): the same layout, panel boxes and projection.
    public static func target(atColumn column: Int, row: Int, frame: LabFrame, size: GridSize,
                              mode: RenderMode) -> PointerTarget {
        guard let (layout, _) = layout(of: frame, size: size) else { return .elsewhere }
        switch frame.panel {
        case .help? where Overlays.helpBox(in: layout.main).0.contains(x: column, y: row): return .panel
        case let .output(_, lines)? where Overlays.outputBox(lines, in: layout.main).0.contains(x: column, y: row):
            return .panel
        default: break
        }
        if let lesson = frame.lesson, lesson.layout(in: layout.atomView).box.contains(x: column, y: row) { return .lesson }
        if frame.atomReport != nil, layout.plots.contains(x: column, y: row) { return .atomReport }
        let view = layout.atomView.insetBy(dx: 1, dy: 1)
        guard view.contains(x: column, y: row) else { return .elsewhere }
        return .atomView(atom: AtomView.atom(atColumn: column - view.x, row: row - view.y, of: frame.atoms,
                                             camera: frame.camera, glyphs: mode.glyphs,
                                             columns: view.width, rows: view.height))
    }
}
