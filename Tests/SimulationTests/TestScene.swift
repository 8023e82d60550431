import Descriptors
import Geometry
import Potentials
import Simulation
import Experiments
import NeuralNetworks
import Scenes
import Dynamics

/// A Lennard-Jones pair potential written plainly for these tests (the lab's actor must not depend on
/// which teacher drives it): step = truncated, kinked = energy-shifted, smooth = shifted force.
struct PlainLennardJones: Potential {
    var epsilon = 0.0104, sigma = 3.4
    var cutoff = 6.5
    var kind: CutoffKind
    var neighborListKind: NeighborListKind { .half }
    var summary: String { "plain LJ, \(kind)" }

    private func pair(_ r: Double) -> (u: Double, dudr: Double) {
        let s6 = pow6(sigma / r)
        return (4 * epsilon * (s6 * s6 - s6), 4 * epsilon * (-12 * s6 * s6 + 6 * s6) / r)
    }
    private func pow6(_ x: Double) -> Double { let x3 = x * x * x; return x3 * x3 }

    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        let x = neighbors.extendedPositions(system.positions)
        let atRc = pair(cutoff)
        var energy = 0.0
        var atomic = Array(repeating: 0.0, count: system.count)
        var forces = Array(repeating: Vector3.zero, count: system.count)
        // Virial rows, W = −Σ_pairs r_ij ⊗ F_ij with r_ij = r_j − r_i (the listed image) and F_ij the force on i.
        var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
        for i in 0..<system.count {
            for e in neighbors.neighbors(of: i) {
                let d = x[Int(e)] - x[i]
                let r = d.length
                guard r < cutoff else { continue }
                var (u, dudr) = pair(r)
                switch kind {
                case .step: break
                case .kinked: u -= atRc.u
                case .smooth: u -= atRc.u + (r - cutoff) * atRc.dudr; dudr -= atRc.dudr
                }
                energy += u
                let j = Int(neighbors.owners[Int(e)])
                atomic[i] += u / 2; atomic[j] += u / 2
                let f = (dudr / r) * d
                forces[i] += f; forces[j] -= f
                w0 -= d.x * f; w1 -= d.y * f; w2 -= d.z * f
            }
        }
        guard request == .energyAndForces else { return PotentialResult(energy: energy, atomicEnergies: atomic) }
        return PotentialResult(energy: energy, atomicEnergies: atomic, forces: forces, virial: Virial(rows: w0, w1, w2))
    }
}

/// 32 argon atoms on an fcc lattice (a = 5.4 Å), slightly rattled, with Maxwell-Boltzmann velocities at 90 K.
func argonCatalog(timeStep: Double = 2, atoms cellsPerSide: Int = 2) -> TeacherCatalog {
    let a = 5.4
    var positions: [Vector3] = []
    var random = SeededGenerator(seed: 3)
    let basis = [Vector3(0, 0, 0), Vector3(0.5, 0.5, 0), Vector3(0.5, 0, 0.5), Vector3(0, 0.5, 0.5)]
    for i in 0..<cellsPerSide { for j in 0..<cellsPerSide { for k in 0..<cellsPerSide { for b in basis {
        positions.append(a * (Vector3(Double(i), Double(j), Double(k)) + b) + 0.05 * random.normalVector())
    } } } }
    let argon = Element(symbol: "Ar")!
    let side = a * Double(cellsPerSide)
    var system = try! AtomicSystem(elements: Array(repeating: argon, count: positions.count), positions: positions,
                                   cell: Cell.orthorhombic(Vector3(side, side, side)))
    system.assignMaxwellBoltzmannVelocities(temperature: 90, seed: 5)
    return TeacherCatalog(sceneName: "test-argon", initialSystem: system,
                          settings: RunSettings(timeStep: timeStep, temperature: 90),
                          modelsDescription: "plain LJ teacher (no network)") { PlainLennardJones(kind: $0) }
}

/// A catalog with a network-like activation axis: the activation picks ε (so the two models differ).
struct TwoActivationCatalog: ModelCatalog {
    let base = argonCatalog()
    var sceneName: String { "two-activations" }
    var initialSystem: AtomicSystem { base.initialSystem }
    var settings: RunSettings { base.settings }
    var defaultChoice: ModelChoice { ModelChoice(cutoff: .smooth, activation: .tanh) }
    var cutoffs: [CutoffKind] { CutoffKind.allCases }
    var activations: [Activation] { ModelChoice.lessonActivations }
    var modelsDescription: String { "LJ stand-ins" }
    func potential(for choice: ModelChoice) throws -> any Potential {
        PlainLennardJones(epsilon: choice.activation == .tanh ? 0.0104 : 0.0110, kind: choice.cutoff)
    }
}
