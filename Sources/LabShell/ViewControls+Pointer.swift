import Canvas

extension ViewControls {
    /// Applies a mouse event at a screen cell showing `target` (see ``LabScreen/target(atColumn:row:frame:size:mode:)``).
    ///
    /// - A press on an atom picks it (its report replaces the plots), as `x` does; a press on the
    ///   atom view's empty space unpicks, as Esc does; a press anywhere else (plots, panels, status)
    ///   or while the `:` line is open changes nothing.
    /// - The wheel scrolls the panel under the pointer by ``wheelLines`` (help, command output, the
    ///   lesson's narration, the picked atom's report); over the atom view it zooms (up: in, as `+`);
    ///   anywhere else it scrolls what PgUp/PgDn would.
    public mutating func handle(_ event: PointerEvent, on target: PointerTarget) {
        switch event.action {
        case .press:
            guard !isEditing, case let .atomView(atom) = target else { return }
            pickedAtom = atom.flatMap { $0 < atomCount ? $0 : nil }
        case .wheelUp, .wheelDown:
            let up = event.action == .wheelUp
            switch target {
            case .panel: scroll(.panel, up: up, lines: Self.wheelLines)
            case .lesson: scroll(.lesson, up: up, lines: Self.wheelLines)
            case .atomReport: scroll(.atomReport, up: up, lines: Self.wheelLines)
            case .atomView: if up { camera.zoomIn() } else { camera.zoomOut() }
            case .elsewhere: if let panel = scrollTarget { scroll(panel, up: up, lines: Self.wheelLines) }
            }
        }
    }
}
