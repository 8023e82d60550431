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
    /// Number of atoms of A and B together.
    public var atomCount: Int = 0

    /// E(A+B) − E(A) − E(B) in eV: zero (to rounding) once A and B are beyond r_c.
    public var excess: Double { energyTogether - energyA - energyB }

    /// The largest |excess| that rounding alone can produce, eV: summing N atomic energies in double
    /// precision errs by at most about N·ε·Σ|ε_i|, bounded here by 8·N·ε·(|E(A)| + |E(B)| + |E(A+B)|).
    public var roundingTolerance: Double {
        8 * Double(max(atomCount, 1)) * Double.ulpOfOne * (abs(energyA) + abs(energyB) + abs(energyTogether))
    }

    /// Whether the measured energies add up, to rounding: the verdict comes from the numbers, not
    /// from the geometry (which only says whether they must).
    public var isAdditive: Bool { abs(excess) <= roundingTolerance }

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
        let check = ExtensivityCheck(energyA: try energy(potential, a), energyB: try energy(potential, b),
                                     energyTogether: try energy(potential, together), closestApproach: closest,
                                     cutoff: potential.cutoff, atomCount: together.count)
        guard check.energyA.isFinite, check.energyB.isFinite, check.energyTogether.isFinite else {
            throw ExerciseError("the potential gave a non-finite energy (E(A) \(check.energyA), E(B) \(check.energyB), E(A+B) \(check.energyTogether))")
        }
        return check
    }

    static func energy(_ potential: any Potential, _ system: AtomicSystem) throws -> Double {
        var evaluator = try ForceEvaluator(potential: potential, system: system)
        return evaluator.evaluate(system, request: .energy).energy
    }

    /// What the check shows, in words and numbers.
    public var report: String {
        let beyond = closestApproach > cutoff
        let verdict: String
        switch (isAdditive, beyond) {
        case (true, true): verdict = "the energies add, as they must for a sum of local atomic energies beyond r_c."
        case (true, false): verdict = "the energies add, although A and B are within r_c: no atom here feels the other side."
        case (false, false): verdict = "the energies do not add: A and B interact across the gap."
        case (false, true): verdict = "the energies do NOT add although A and B are beyond r_c: this potential is not local."
        }
        return String(format: """
            E(A) = %.9f eV, E(B) = %.9f eV, E(A+B) = %.9f eV; closest A–B distance %.2f Å %@ r_c = %.2f Å.
            E(A+B) − E(A) − E(B) = %.3e eV (rounding allows %.1e eV): %@
            """, energyA, energyB, energyTogether, closestApproach, beyond ? ">" : "≤", cutoff, excess,
            roundingTolerance, verdict)
    }
}
