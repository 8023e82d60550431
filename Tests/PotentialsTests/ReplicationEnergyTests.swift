import Testing
import Descriptors
import Geometry
@testable import Potentials

@Suite("a replicated crystal is the same crystal")
struct ReplicationEnergyTests {
    @Test("LJ energy per atom and every copy's force equal the original's (r_c longer than half the small cell)",
          arguments: CutoffKind.allCases)
    func energyPerAtomUnchanged(truncation: CutoffKind) throws {
        // 32 atoms in an 11.48 Å box: r_c = 8.5 Å reaches several images of each neighbour.
        let small = try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5.74, repeats: 2)
            .rattled(sigma: 0.15, seed: 7)
        let big = try small.replicated(SIMD3(2, 1, 3))
        let lj = try LennardJones(truncation: truncation)
        let a = TeacherOracles.evaluate(lj, small), b = TeacherOracles.evaluate(lj, big)
        let perAtomSmall = a.energy / Double(small.count), perAtomBig = b.energy / Double(big.count)
        #expect(abs(perAtomBig - perAtomSmall) <= 1e-12 * abs(perAtomSmall))
        var worst = 0.0
        for i in 0..<big.count { worst = max(worst, (b.forces[i] - a.forces[i % small.count]).length) }
        #expect(worst < 1e-10)
    }
}
