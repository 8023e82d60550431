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
        #expect(check.report.contains("additive"))
    }

    @Test("within r_c the two systems interact and the energies do not add (the check can fail)")
    func notAdditiveWithinCutoff() throws {
        let lj = try LennardJones(cutoff: 6.5, truncation: .smooth)
        let (a, b) = try clusters()
        let check = try ExtensivityCheck.run(lj, a: a, b: b, separation: 4.0)
        #expect(check.excess < -1e-4)
        #expect(check.report.contains("interact"))
    }
}
