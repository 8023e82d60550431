import Foundation
import Geometry
import Potentials

/// The noise exercise (the primer's "ghost of noise"): students fitted to noisy labels, on energies
/// alone or with forces and L2 regularisation, compared with the clean teacher: their force error,
/// and how rough their force is along a straight path of one atom.
///
/// Roughness of a force curve F(s) sampled every h Å: √⟨(F_{k+1} − 2F_k + F_{k−1})²⟩ / h², in eV/Å³ —
/// the RMS curvature of the force, which noise fitted as if it were physics inflates.
public struct NoiseCheck: Sendable, Codable {
    /// One model's figures.
    public struct Row: Sendable, Codable, Equatable {
        /// "teacher", "energy only, clean labels", …
        public var model: String
        /// Force RMSE (meV/Å) against the clean teacher on held-out configurations (0 for the teacher).
        public var forceRMSE: Double
        /// Energy RMSE per atom (meV/atom) against the clean teacher on the same configurations.
        public var energyRMSE: Double
        /// Roughness of F_x on the moving atom along its path, pooled over the held-out configurations
        /// (√ of the mean square), eV/Å³.
        public var roughness: Double
        /// F_x along the path in the first held-out configuration, eV/Å.
        public var path: [Double]
    }

    /// Noise on the labels: σ_E meV/atom, σ_F meV/Å.
    public var energyNoise: Double
    public var forceNoise: Double
    /// Held-out configurations the errors and roughness are measured on.
    public var testConfigurations: Int
    /// The path: atom index, half-length (Å) and spacing h (Å) along x.
    public var movingAtom: Int
    public var pathHalfLength: Double
    public var pathSpacing: Double
    public var rows: [Row]

    /// F_x on `atom` as it moves along x from −halfLength to +halfLength Å in steps of `spacing`.
    public static func forcePath(_ potential: any Potential, _ system: AtomicSystem, atom: Int,
                                 halfLength: Double, spacing: Double) throws -> [Double] {
        let count = Int((2 * halfLength / spacing).rounded()) + 1
        var moved = system
        var evaluator = try ForceEvaluator(potential: potential, system: system)
        return (0..<count).map { k in
            moved.positions[atom] = system.positions[atom] + Vector3(-halfLength + Double(k) * spacing, 0, 0)
            return evaluator.evaluate(moved, request: .energyAndForces).forces[atom].x
        }
    }

    /// √⟨(F_{k+1} − 2F_k + F_{k−1})²⟩ / h² (0 for fewer than three samples).
    public static func roughness(_ f: [Double], spacing h: Double) -> Double {
        guard f.count >= 3 else { return 0 }
        var sum = 0.0
        for k in 1..<(f.count - 1) {
            let second: Double = f[k + 1] - 2 * f[k] + f[k - 1]
            sum += second * second
        }
        return (sum / Double(f.count - 2)).squareRoot() / (h * h)
    }

    /// Energy (meV/atom) and force (meV/Å) RMSE of `model` against `teacher` on `systems`.
    public static func errors(_ model: any Potential, against teacher: any Potential, on systems: [AtomicSystem]) throws
        -> (energy: Double, force: Double) {
        var energy = 0.0, force = 0.0, components = 0
        for s in systems {
            let m = try InvarianceCheck.evaluate(model, s), t = try InvarianceCheck.evaluate(teacher, s)
            let e = (m.energy - t.energy) / Double(s.count)
            energy += e * e
            for (a, b) in zip(m.forces, t.forces) { force += ((a - b) * (a - b)).sum() }
            components += 3 * s.count
        }
        return (1000 * (energy / Double(max(systems.count, 1))).squareRoot(), 1000 * (force / Double(max(components, 1))).squareRoot())
    }
}
