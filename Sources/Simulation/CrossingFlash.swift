import Dynamics
import Geometry
import Potentials

/// Remembers when each atom was last one end of a pair whose distance crossed the model's cutoff
/// r_c, so the atom view can flash the atoms behind a step cutoff's energy jumps.
///
/// Observes every step with a ``CutoffCrossingCounter`` at the running potential's r_c; when the
/// model changes to one with another r_c the counter starts afresh (its first observation only
/// records positions).
struct CrossingFlash: MDObserver {
    /// Simulated time (fs) of each atom's latest crossing; -∞ for one that has not crossed.
    private(set) var crossedAt: [Double] = []
    private var counter: CutoffCrossingCounter?

    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        let cutoff = context.potential.cutoff
        guard cutoff > 0, context.neighbors.cutoff >= cutoff else { counter = nil; return }
        if counter?.cutoff != cutoff { counter = CutoffCrossingCounter(cutoff: cutoff) }
        if crossedAt.count != state.system.count { crossedAt = Array(repeating: -.infinity, count: state.system.count) }
        counter?.observe(state.system, neighbors: context.neighbors)
        for atom in counter?.latestCrossingAtoms ?? [] where atom < crossedAt.count { crossedAt[atom] = state.time }
    }
}
