import Potentials

/// Attached to a run, the monitor records every observed state and counts the pairs that crossed its
/// cutoff since the previous one, with the run's own neighbour list.
extension ConservationMonitor: MDObserver {
    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        record(state, neighbors: context.neighbors)
    }
}

/// Attached to a run, the extrapolation monitor checks the state on its own interval and keeps the
/// warnings that are new at that step in ``Potentials/ExtrapolationMonitor/latestFresh``.
extension ExtrapolationMonitor: MDObserver {
    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        check(state.system, neighbors: context.neighbors, step: state.step)
    }
}
