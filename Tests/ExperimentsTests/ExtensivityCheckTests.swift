import Testing
import Geometry
import Potentials
@testable import Experiments
import Descriptors

@Suite("Extensivity check")
struct ExtensivityCheckTests {
    /// Two different small argon clusters cut from rattled fcc crystals.
    func clusters() throws -> (AtomicSystem, AtomicSystem) {
        let a = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.4, repeats: 2).rattled(sigma: 0.1, seed: 1)
        let b = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.6, repeats: 1).rattled(sigma: 0.1, seed: 2)
        return (a, b)
    }

    @Test("systems farther apart than r_c add their energies exactly")
    func additiveBeyondCutoff() throws {
        let lj = try LennardJones(cutoff: 6.5, truncation: .smooth)
        let (a, b) = try clusters()
        let check = try ExtensivityCheck.run(lj, a: a, b: b, separation: 7.0)
        #expect(check.closestApproach > 6.5)
        #expect(abs(check.excess) < 1e-12 * abs(check.energyTogether))
        #expect(check.isAdditive)
        #expect(check.report.contains("the energies add, as they must"))
    }

    @Test("within r_c the two systems interact and the energies do not add (the check can fail)")
    func notAdditiveWithinCutoff() throws {
        let lj = try LennardJones(cutoff: 6.5, truncation: .smooth)
        let (a, b) = try clusters()
        let check = try ExtensivityCheck.run(lj, a: a, b: b, separation: 4.0)
        #expect(check.excess < -1e-4)
        #expect(!check.isAdditive)
        #expect(check.report.contains("the energies do not add: A and B interact"))
    }

    /// A potential that is not local: every pair of atoms attracts as −1/r however far apart, while
    /// it claims a cutoff of 2 Å. The verdict must come from the energies, not from that claim.
    struct Unscreened: Potential {
        var cutoff: Double { 2 }
        var neighborListKind: NeighborListKind { .half }
        var summary: String { "unscreened −1/r" }
        func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
            var energy = 0.0
            var atomic = [Double](repeating: 0, count: system.count)
            var forces = [Vector3](repeating: .zero, count: system.count)
            // Virial rows, W = −Σ_pairs r_ij ⊗ F_ij with r_ij = r_j − r_i and F_ij = r_ij/r³ the force on i.
            var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
            for i in 0..<system.count {
                for j in 0..<i {
                    let d = system.positions[j] - system.positions[i], r = d.length
                    energy -= 1 / r
                    atomic[i] -= 0.5 / r; atomic[j] -= 0.5 / r
                    let f = d / (r * r * r)
                    forces[i] += f; forces[j] -= f
                    w0 -= d.x * f; w1 -= d.y * f; w2 -= d.z * f
                }
            }
            guard request == .energyAndForces else { return PotentialResult(energy: energy, atomicEnergies: atomic) }
            return PotentialResult(energy: energy, atomicEnergies: atomic, forces: forces, virial: Virial(rows: w0, w1, w2))
        }
    }

    @Test("a potential that is not local fails the check beyond its claimed r_c: the verdict is measured, not assumed")
    func nonLocalPotentialIsCaught() throws {
        let (a, b) = try clusters()
        let check = try ExtensivityCheck.run(Unscreened(), a: a, b: b, separation: 7.0)
        #expect(check.closestApproach > check.cutoff)
        #expect(!check.isAdditive)
        #expect(check.report.contains("do NOT add although A and B are beyond r_c"))
    }
}
