import Foundation
import Geometry
import NeuralNetworks
@testable import Training

/// A test-only descriptor with an analytic Jacobian, standing in for symmetry functions:
/// G_ik = Σ_{j≠i} exp(−η_k r_ij²) over all other atoms of a free cluster (no cutoff).
enum SyntheticDescriptors {
    static let etas: [Double] = [0.15, 0.4, 0.9]

    static func sample(_ positions: [Vector3], species: [Int], speciesCount: Int = 2) throws -> DescriptorSample {
        let n = positions.count, k = etas.count
        var values = Array(repeating: Array(repeating: 0.0, count: k), count: n)
        var jacobian: [[(atom: Int, derivatives: [Vector3])]] = Array(repeating: [], count: n)
        for i in 0..<n {
            var selfBlock = Array(repeating: Vector3.zero, count: k)
            for j in 0..<n where j != i {
                let d = positions[i] - positions[j]
                let r2 = (d * d).sum()
                var block = Array(repeating: Vector3.zero, count: k)
                for m in 0..<k {
                    let e = exp(-etas[m] * r2)
                    values[i][m] += e
                    let dGdri = -2 * etas[m] * e * d
                    selfBlock[m] += dGdri
                    block[m] = -dGdri
                }
                jacobian[i].append((j, block))
            }
            jacobian[i].append((i, selfBlock))
        }
        return try DescriptorSample(species: species, descriptorCounts: Array(repeating: k, count: speciesCount),
                                    values: values, jacobian: jacobian)
    }

    /// A small random cluster: atoms on a jittered grid 1.6 Å apart.
    static func cluster(_ n: Int, seed: UInt64) -> [Vector3] {
        var random = SeededGenerator(seed: seed)
        return (0..<n).map { i in
            let grid = Vector3(Double(i % 3), Double((i / 3) % 3), Double(i / 9))
            return 1.6 * grid + 0.25 * random.normalVector()
        }
    }

    /// Labels from a fixed "teacher" sum of pair terms, E = Σ_{i<j} A·exp(−r²/2) − B·exp(−r²/8), with exact forces.
    static func teacherLabels(_ positions: [Vector3]) -> (energy: Double, forces: [Vector3]) {
        var energy = 0.0
        var forces = Array(repeating: Vector3.zero, count: positions.count)
        for i in positions.indices {
            for j in positions.indices where j > i {
                let d = positions[i] - positions[j]
                let r2 = (d * d).sum()
                let a = 0.5 * exp(-r2 / 2), b = 0.3 * exp(-r2 / 8)
                energy += a - b
                let dEdr2 = -a / 2 + b / 8
                forces[i] -= 2 * dEdr2 * d
                forces[j] += 2 * dEdr2 * d
            }
        }
        return (energy, forces)
    }

    static func examples(count: Int, atoms: Int = 8, seed: UInt64) throws -> [TrainingExample] {
        try (0..<count).map { c in
            let p = cluster(atoms, seed: seed &+ UInt64(c))
            let labels = teacherLabels(p)
            return try TrainingExample(descriptors: sample(p, species: (0..<atoms).map { $0 % 2 }),
                                       energy: labels.energy, forces: labels.forces)
        }
    }
}
