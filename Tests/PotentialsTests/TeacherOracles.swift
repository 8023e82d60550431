import Foundation
import Testing
import Geometry
import Potentials
import StructureFiles

/// Independent oracles for the teacher potentials: LAMMPS reference files, central finite
/// differences, strain derivatives.
enum TeacherOracles {
    /// Tests/Fixtures seen from this file: the LAMMPS reference configurations (see its README.md).
    static let referenceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A LAMMPS reference configuration with its energy and forces.
    static func lammps(_ name: String) throws -> LabelledStructure {
        let frames = try ExtendedXYZ.read(referenceDirectory.appendingPathComponent("lammps/\(name)"))
        return try #require(frames.first)
    }

    /// One evaluation with a freshly built neighbour list (skin 1 Å, so listed pairs beyond r_c are skipped).
    static func evaluate(_ potential: any Potential, _ system: AtomicSystem,
                         request: EvaluationRequest = .energyAndForces) -> PotentialResult {
        let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 1.0, kind: potential.neighborListKind)
        return potential.evaluate(system, neighbors: list, request: request)
    }

    static func energy(_ potential: any Potential, _ system: AtomicSystem) -> Double {
        evaluate(potential, system, request: .energy).energy
    }

    /// −∂E/∂x_{atom,axis} by the central difference [E(x − h) − E(x + h)] / 2h; error O(h²).
    static func finiteDifferenceForce(_ potential: any Potential, _ system: AtomicSystem, atom: Int, axis: Int,
                                      h: Double = 1e-5) -> Double {
        var plus = system, minus = system
        plus.positions[atom][axis] += h
        minus.positions[atom][axis] -= h
        return (energy(potential, minus) - energy(potential, plus)) / (2 * h)
    }

    /// −∂E/∂ε_ab for the affine strain r ↦ (I + ε) r of cell and atoms, by central differences:
    /// equals the virial component W_ab = Σ x_a f_b for any potential.
    static func strainDerivative(_ potential: any Potential, _ system: AtomicSystem, _ a: Int, _ b: Int,
                                 h: Double = 1e-6) throws -> Double {
        func strain(_ t: Double) -> (Vector3, Vector3, Vector3) {
            var rows = [Vector3.zero, .zero, .zero]
            rows[a][b] = t
            return (rows[0], rows[1], rows[2])
        }
        let plus = try #require(system.strained(strain(h))), minus = try #require(system.strained(strain(-h)))
        return (energy(potential, minus) - energy(potential, plus)) / (2 * h)
    }

    /// The shortest |r_ij − r_c| over all pairs of `atom` within r_c + 1 Å, over all images: how far
    /// the atom is from making a pair cross the cutoff.
    static func distanceToCutoffCrossing(_ system: AtomicSystem, atom: Int, cutoff: Double) -> Double {
        let list = NeighborList(system: system, cutoff: cutoff, skin: 1.0, kind: .full)
        let x = list.extendedPositions(system.positions)
        return list.neighbors(of: atom).map { abs((x[Int($0)] - x[atom]).length - cutoff) }.min() ?? .infinity
    }

    /// Largest |a − b| over every component.
    static func largestDifference(_ a: [Vector3], _ b: [Vector3]) -> Double {
        zip(a, b).map { (l, r) in let d = l - r; return max(abs(d.x), abs(d.y), abs(d.z)) }.max() ?? 0
    }
}
