import Geometry

/// Watches a run for extrapolation: asks an ``ExtrapolationDetecting`` potential about the state
/// every ``interval`` steps, keeps the first warning, the worst one and how often it happened, and
/// hands back the warnings that are new (an (atom, function) pair not seen leaving its range before)
/// so a caller can print each once.
public struct ExtrapolationMonitor: Sendable {
    public let potential: any ExtrapolationDetecting
    /// Check every this many steps (a check costs one descriptor pass, about half an energy).
    public let interval: Int
    /// Steps checked, and those at which some G was outside its training range.
    public private(set) var checkedSteps = 0
    public private(set) var extrapolatingSteps = 0
    /// The first warning seen (with its step), and the one with the largest excess.
    public private(set) var first: (step: Int, warning: ExtrapolationWarning)?
    public private(set) var worst: (step: Int, warning: ExtrapolationWarning)?
    /// Distinct (atom, function) pairs that have left their range at least once.
    public private(set) var seen: Set<Pair> = []
    /// The warnings the last ``check(_:neighbors:step:)`` found new (worst first), and its step.
    public private(set) var latestFresh: [ExtrapolationWarning] = []
    public private(set) var latestStep: Int?

    public struct Pair: Sendable, Hashable {
        public var atom: Int
        public var function: Int
    }

    /// A monitor for `potential` when it can detect extrapolation (a trained Behler–Parrinello
    /// potential), else nil.
    public init?(_ potential: any Potential, interval: Int = 10) {
        guard let detecting = potential as? any ExtrapolationDetecting else { return nil }
        self.potential = detecting
        self.interval = max(interval, 1)
    }

    /// Checks `system` at `step` if the step is due; returns the warnings of pairs not seen before.
    @discardableResult
    public mutating func check(_ system: AtomicSystem, neighbors: NeighborList, step: Int) -> [ExtrapolationWarning] {
        guard step % interval == 0 else { return [] }
        latestFresh = []
        latestStep = step
        checkedSteps += 1
        let warnings = potential.extrapolationWarnings(system, neighbors: neighbors)
        guard let top = warnings.first else { return [] }
        extrapolatingSteps += 1
        if first == nil { first = (step, top) }
        if worst.map({ top.excess > $0.warning.excess }) ?? true { worst = (step, top) }
        var fresh: [ExtrapolationWarning] = []
        for w in warnings where seen.insert(Pair(atom: w.atom, function: w.functionIndex)).inserted { fresh.append(w) }
        latestFresh = fresh
        return fresh
    }

    /// One line for a run's report: "none in 100 checks" or how often, since when and the worst case.
    public var summary: String {
        guard let worst, let first else {
            return "none: every symmetry function stayed in its training range (\(checkedSteps) checks, every \(interval) steps)"
        }
        return "\(extrapolatingSteps) of \(checkedSteps) checks outside the training range (first at step \(first.step)); "
            + "\(seen.count) atom-function pairs; worst at step \(worst.step): \(worst.warning)"
    }
}
