import Potentials
import Dynamics
import Foundation
import Geometry

extension SimulationEngine {
    /// After a step the extrapolation monitor checked (every ``ExtrapolationMonitor/interval`` steps),
    /// posts the worst new warning in words when ``ExtrapolationNews`` lets it through: which atom, which
    /// symmetry function, how far outside its training range. `status` has the whole summary.
    mutating func watchExtrapolation() {
        guard let monitor = extrapolation, monitor.latestStep == state.step,
              let worst = monitor.latestFresh.first, extrapolationNews.shouldPost(worst, atStep: state.step) else { return }
        post("step \(state.step): extrapolating, \(Self.headline(worst))", isError: true)
    }

    /// A warning short enough for the message line: "atom 12 (Ar) G[9] radial Ar = 0.00173, below
    /// its training range [0.0018, 0.0904] by 0.02 of its width".
    static func headline(_ w: ExtrapolationWarning) -> String {
        let kind = w.function.parameterSummary.split(separator: ",").first.map(String.init) ?? ""
        func g(_ x: Double) -> String { String(format: "%.4g", x) }
        return "atom \(w.atom) (\(w.element.symbol)) G[\(w.functionIndex)] \(kind) = \(g(w.value)), "
            + "\(w.isAbove ? "above" : "below") its training range [\(g(w.minimum)), \(g(w.maximum))] by "
            + "\(String(format: "%.2g", w.excess)) of its width"
    }
}

/// Which extrapolation warnings reach the message line, so that they inform without flooding it:
/// only those at least ``noticeableExcess`` of the range's width outside it (grazing the edge of the
/// training range is routine in MD; `status` counts every one); of those the first, then one clearly
/// worse than the last shown (1.5× its excess), or a reminder after ``reminderSteps``; never within
/// ``quietSteps`` of a command's answer, which the user is reading. Steps are MD steps.
struct ExtrapolationNews: Sendable {
    static let noticeableExcess = 0.02
    static let quietSteps = 200
    static let reminderSteps = 2000
    private var lastShown: (step: Int, excess: Double)?
    private var quietUntil = Int.min

    /// A command was answered at `step`: keep its answer on screen for a while.
    mutating func commandAnswered(atStep step: Int) { quietUntil = step + Self.quietSteps }

    /// Whether `warning`, seen at `step`, should be shown (and if so, remembers it as shown).
    mutating func shouldPost(_ warning: ExtrapolationWarning, atStep step: Int) -> Bool {
        guard step >= quietUntil, warning.excess >= Self.noticeableExcess else { return false }
        if let lastShown, warning.excess <= 1.5 * lastShown.excess, step - lastShown.step < Self.reminderSteps {
            return false
        }
        lastShown = (step, warning.excess)
        return true
    }
}
