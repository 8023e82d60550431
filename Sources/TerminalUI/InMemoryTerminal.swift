import Canvas
import Foundation
import Geometry
import LabShell

/// A screen that exists only in memory, for measuring the lab's loop without a terminal: keys are
/// scheduled at wall-clock instants, and each shown frame is passed to ``onShow``.
struct InMemoryTerminal: LabTerminal {
    let size: GridSize
    /// Keys to deliver, each once its instant has come, in order.
    var scheduledKeys: [(at: ContinuousClock.Instant, key: LabKey)] = []
    /// Called with every frame and the instant it was shown.
    var onShow: (CellGrid, ContinuousClock.Instant) -> Void = { _, _ in }
    private let clock = ContinuousClock()

    init(size: GridSize) { self.size = size }

    mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
        let deadline = clock.now + .milliseconds(milliseconds)
        if let first = scheduledKeys.first, first.at <= deadline {
            if first.at > clock.now { Thread.sleep(forTimeInterval: (first.at - clock.now).inSeconds) }
            scheduledKeys.removeFirst()
            return .key(first.key)
        }
        if deadline > clock.now { Thread.sleep(forTimeInterval: (deadline - clock.now).inSeconds) }
        return nil
    }

    mutating func show(_ grid: CellGrid) { onShow(grid, clock.now) }
}
