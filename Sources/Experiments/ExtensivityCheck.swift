import Foundation
import Geometry
import Potentials

/// The extensivity exercise: a local potential's energy is additive over systems farther apart than
/// its cutoff, E(A+B) = E(A) + E(B), because every atomic energy ε_i sees only atoms within r_c.
public struct ExtensivityCheck: Sendable, Equatable {
    /// Energies in eV of A alone, B alone and A and B together.
    public var energyA: Double, energyB: Double, energyTogether: Double
    /// Closest distance between an atom of A and an atom of B in the combined system, Å.
    public var closestApproach: Double
    /// The potential's cutoff r_c, Å.
    public var cutoff: Double

    /// E(A+B) − E(A) − E(B) in eV: zero (to rounding) once A and B are beyond r_c.
    public var excess: Double { energyTogether - energyA - energyB }

    /// Evaluates `potential` on free clusters `a` and `b` (cells dropped), and on both together
    /// with `b` moved along x until its closest approach to `a` is `separation` Å.
    public static func run(_ potential: any Potential, a: AtomicSystem, b: AtomicSystem, separation: Double) throws -> ExtensivityCheck {
        var a = a, b = b
        a.cell = nil
        b.cell = nil
        // Slide B in x so that the x-gap is `separation`, then measure the true closest approach.
        let shift = (a.positions.map(\.x).max() ?? 0) - (b.positions.map(\.x).min() ?? 0) + separation
        b.positions = b.positions.map { $0 + Vector3(shift, 0, 0) }
        let together = try AtomicSystem(elements: a.elements + b.elements, positions: a.positions + b.positions,
                                        masses: a.masses + b.masses, cell: nil)
        var closest = Double.infinity
        for p in a.positions { for q in b.positions { closest = min(closest, (p - q).length) } }
        return ExtensivityCheck(energyA: try energy(potential, a), energyB: try energy(potential, b),
                                energyTogether: try energy(potential, together), closestApproach: closest,
                                cutoff: potential.cutoff)
    }

    static func energy(_ potential: any Potential, _ system: AtomicSystem) throws -> Double {
        var evaluator = try ForceEvaluator(potential: potential, system: system)
        return evaluator.evaluate(system, request: .energy).energy
    }

    /// What the check shows, in words and numbers.
    public var report: String {
        let beyond = closestApproach > cutoff
        return String(format: """
            E(A) = %.9f eV, E(B) = %.9f eV, E(A+B) = %.9f eV; closest A–B distance %.2f Å %@ r_c = %.2f Å.
            E(A+B) − E(A) − E(B) = %.3e eV: %@
            """, energyA, energyB, energyTogether, closestApproach, beyond ? ">" : "≤", cutoff, excess,
            beyond ? "the energy is additive, as it must be for a sum of local atomic energies."
                   : "A and B interact across the gap, so their energies need not add.")
    }
}
