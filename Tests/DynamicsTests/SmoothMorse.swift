#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geometry
import Potentials

/// A test-only Morse pair potential switched off smoothly (C²) between r_s and r_c, so velocity
/// Verlet on it shows the textbook O(Δt²) energy error with no cutoff artefacts.
///
/// U(r) = D[(1 - e^{-a(r - r₀)})² - 1]·S(x), x = (r - r_s)/(r_c - r_s), S = 1 - 10x³ + 15x⁴ - 6x⁵
/// on [0, 1] (1 below, 0 above). Defaults imitate argon (well depth 0.0104 eV at 3.82 Å). Å, eV.
struct SmoothMorse: Potential {
    var depth = 0.0104
    var stiffness = 1.57
    var equilibrium = 3.82
    var switchStart = 5.5
    var cutoff = 7.0
    var neighborListKind: NeighborListKind { .half }
    var summary: String { "smooth Morse (test)" }

    /// Pair energy u(r) in eV and its derivative du/dr in eV/Å.
    func pair(_ r: Double) -> (u: Double, du: Double) {
        let e = exp(-stiffness * (r - equilibrium))
        let morse = depth * ((1 - e) * (1 - e) - 1)
        let dMorse = 2 * depth * stiffness * (1 - e) * e
        guard r > switchStart else { return (morse, dMorse) }
        let width = cutoff - switchStart
        let x = (r - switchStart) / width
        let s = 1 - x * x * x * (10 - 15 * x + 6 * x * x)
        let ds = -30 * x * x * (1 - x) * (1 - x) / width
        return (morse * s, dMorse * s + morse * ds)
    }

    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        let x = neighbors.extendedPositions(system.positions)
        var energies = [Double](repeating: 0, count: system.count)
        var forces = [Vector3](repeating: .zero, count: system.count)
        // Virial rows, W = −Σ_pairs r_ij ⊗ F_ij with r_ij = r_j − r_i (the listed image) and F_ij the force on i.
        var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
        for i in 0..<system.count {
            for e in neighbors.neighbors(of: i) {
                let d = x[Int(e)] - x[i]
                let r = d.length
                guard r < cutoff else { continue }
                let j = Int(neighbors.owners[Int(e)])
                let (u, du) = pair(r)
                energies[i] += 0.5 * u
                energies[j] += 0.5 * u
                let f = (du / r) * d   // force on i is +du/dr · d/r, on j the opposite
                forces[i] += f
                forces[j] -= f
                w0 -= d.x * f; w1 -= d.y * f; w2 -= d.z * f
            }
        }
        let energy = energies.reduce(0, +)
        guard request == .energyAndForces else { return PotentialResult(energy: energy, atomicEnergies: energies) }
        return PotentialResult(energy: energy, atomicEnergies: energies, forces: forces, virial: Virial(rows: w0, w1, w2))
    }
}

/// Face-centred cubic argon-like crystal of `cells`³ conventional cells with lattice constant `a` (Å).
func fccArgon(cells: Int, a: Double) -> AtomicSystem {
    let basis = [Vector3(0, 0, 0), Vector3(0.5, 0.5, 0), Vector3(0.5, 0, 0.5), Vector3(0, 0.5, 0.5)]
    var positions: [Vector3] = []
    for i in 0..<cells { for j in 0..<cells { for k in 0..<cells {
        for b in basis { positions.append(a * (Vector3(Double(i), Double(j), Double(k)) + b)) }
    } } }
    let length = Double(cells) * a
    let argon = Element(symbol: "Ar")!
    return try! AtomicSystem(elements: Array(repeating: argon, count: positions.count), positions: positions,
                             cell: Cell.orthorhombic(Vector3(repeating: length)))
}
