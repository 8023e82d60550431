import Geometry
import Potentials

/// Something that watches a molecular dynamics run: ASE's `Dynamics.attach`, as a value.
///
/// ``MolecularDynamics`` calls every attached observer with the run's initial state and then after
/// each step its interval selects. Observers read the state and never change it, so attaching one
/// cannot change a trajectory. Throwing stops the run: an ``Instability`` for a run that blew up
/// (``InstabilityGuard``), any other error (a full disk under a writer) for the caller to report.
public protocol MDObserver: Sendable {
    /// Watches `state` (positions Å, velocities Å/fs, energies eV, time fs).
    mutating func observe(_ state: MDState, in context: ObservationContext) throws
}

/// What an observer may read besides the state: the run's current neighbour list (built for the
/// potential's r_c plus the skin, current for the state's positions), potential and time step.
public struct ObservationContext: Sendable {
    /// The neighbour list the forces of the state were computed with.
    public let neighbors: NeighborList
    /// The potential driving the run (metal units).
    public let potential: any Potential
    /// The integrator's time step Δt in fs.
    public let timeStep: Double
}

/// Names one observer attached to a ``MolecularDynamics`` run, with its type, so that the caller can
/// read it back (`dynamics[id].report`) without a cast.
public struct ObserverID<Observer: MDObserver>: Sendable, Hashable {
    let index: Int
}

/// An observer that may be absent (an extrapolation monitor for a model without a training range):
/// it observes when present, so that one attached slot can be filled or emptied as models change.
extension Optional: MDObserver where Wrapped: MDObserver {
    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        try self?.observe(state, in: context)
    }
}
