import Foundation
import Geometry
import Potentials

/// The forces exercise: analytic forces F = −∂E/∂r (back-propagation through the model) against
/// central finite differences F_FD = −(E(r + h) − E(r − h)) / 2h, and what each costs.
///
/// Back-propagation costs a small multiple of one energy; finite differences cost 6N energies. For
/// more than `maxAtoms` atoms only that many (spread evenly) are differenced, and the time is
/// scaled to all 6N energies. Units are the potential's (eV and Å in metal units).
public struct ForceCheck: Sendable, Codable, Equatable {
    public var atomCount: Int
    /// Atoms whose forces were differenced.
    public var checkedAtoms: Int
    /// Finite-difference step h, in the potential's length unit.
    public var step: Double
    /// Largest |F_analytic − F_FD| over the checked components, and its atom.
    public var largestDeviation: Double
    public var worstAtom: Int
    /// Median wall time of one energy, and of energy and forces together, s.
    public var energySeconds: Double
    public var forceSeconds: Double
    /// Wall time of all 6N finite-difference energies, s (scaled when fewer atoms were checked).
    public var finiteDifferenceSeconds: Double
    public var energyUnit: String
    public var lengthUnit: String

    /// Checks `potential` on `system`. Throws for a step h ≤ 0 or `maxAtoms` < 1.
    public static func run(_ potential: any Potential, on system: AtomicSystem, step: Double = 1e-4,
                           maxAtoms: Int = 32) throws -> ForceCheck {
        guard step > 0, step.isFinite else { throw ExerciseError("the finite-difference step must be positive, not \(step)") }
        guard maxAtoms > 0 else { throw ExerciseError("at least one atom must be checked, not \(maxAtoms)") }
        try ForceEvaluator.checkStructure(system, for: potential, skin: 0)
        let n = system.count
        let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0, kind: potential.neighborListKind)
        func energy(_ s: AtomicSystem) -> Double {
            let l = NeighborList(system: s, cutoff: potential.cutoff, skin: 0, kind: potential.neighborListKind)
            return potential.evaluate(s, neighbors: l, request: .energy).energy
        }
        let clock = ContinuousClock()
        func median(_ body: () -> Void) -> Double { (0..<5).map { _ in clock.measure(body).inSeconds }.sorted()[2] }
        let energyTime = median { _ = potential.evaluate(system, neighbors: list, request: .energy) }
        let forceTime = median { _ = potential.evaluate(system, neighbors: list, request: .energyAndForces) }
        let analytic = potential.evaluate(system, neighbors: list, request: .energyAndForces)
        let chosen = n <= maxAtoms ? Array(0..<n) : (0..<maxAtoms).map { $0 * n / maxAtoms }
        var worst = 0.0, worstAtom = 0
        let fdTime = clock.measure {
            for i in chosen {
                for d in 0..<3 {
                    var plus = system, minus = system
                    plus.positions[i][d] += step
                    minus.positions[i][d] -= step
                    let fd = -(energy(plus) - energy(minus)) / (2 * step)
                    let deviation = abs(fd - analytic.forces[i][d])
                    // NaN compares as neither larger nor smaller: keep it, so it cannot read as agreement.
                    if !deviation.isFinite { (worst, worstAtom) = (.nan, i) }
                    if deviation > worst { (worst, worstAtom) = (deviation, i) }
                }
            }
        }.inSeconds
        guard worst.isFinite, analytic.energy.isFinite else {
            throw ExerciseError("the potential gave a non-finite energy or force (atom \(worstAtom + 1)); nothing to compare")
        }
        return ForceCheck(atomCount: n, checkedAtoms: chosen.count, step: step, largestDeviation: worst,
                          worstAtom: worstAtom, energySeconds: energyTime, forceSeconds: forceTime,
                          finiteDifferenceSeconds: fdTime * Double(n) / Double(max(chosen.count, 1)),
                          energyUnit: potential.units.energyName, lengthUnit: potential.units.lengthName)
    }

    /// What the check shows, in words and numbers.
    public var report: String {
        [String(format: "largest |F_analytic - F_FD|: %.3e %@/%@ (atom %d; %d of %d atoms checked, h = %g %@)",
                largestDeviation, energyUnit, lengthUnit, worstAtom, checkedAtoms, atomCount, step, lengthUnit),
         String(format: "energy only:                 %10.3f ms", energySeconds * 1e3),
         String(format: "energy + forces (backprop):  %10.3f ms  (%.2f x energy)", forceSeconds * 1e3,
                forceSeconds / energySeconds),
         String(format: "finite-difference forces:    %10.3f ms  (%.0f x energy; %d energies%@)", finiteDifferenceSeconds * 1e3,
                finiteDifferenceSeconds / energySeconds, 6 * atomCount,
                checkedAtoms < atomCount ? ", scaled from \(6 * checkedAtoms) measured" : "")].joined(separator: "\n")
    }
}
