import Testing
@testable import Geometry

@Suite("periodic replication")
struct ReplicationTests {
    func sample() throws -> AtomicSystem {
        var s = try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5.74, repeats: 2).rattled(sigma: 0.1, seed: 3)
        s.assignMaxwellBoltzmannVelocitiesForTest()
        return s
    }

    @Test("copy (i, j, k) of atom m sits at r_m + i a + j b + k c with m's element, velocity and mass")
    func layout() throws {
        let s = try sample()
        let big = try s.replicated(SIMD3(2, 1, 3))
        #expect(big.count == 6 * s.count)
        #expect(big.cell?.a == 2 * s.cell!.a && big.cell?.b == s.cell!.b && big.cell?.c == 3 * s.cell!.c)
        #expect(abs(big.cell!.volume - 6 * s.cell!.volume) < 1e-9)
        #expect(Array(big.positions.prefix(s.count)) == s.positions)
        // Copy index 1 + 2·1 (i = 1, j = 0, k = 1): offset a + c.
        let copy = 3, shift = s.cell!.a + s.cell!.c
        for m in 0..<s.count {
            #expect(big.positions[copy * s.count + m] == s.positions[m] + shift)
            #expect(big.velocities[copy * s.count + m] == s.velocities[m])
            #expect(big.elements[copy * s.count + m] == s.elements[m])
            #expect(big.masses[copy * s.count + m] == s.masses[m])
        }
        #expect(abs(big.kineticEnergy / 6 - s.kineticEnergy) < 1e-12 * s.kineticEnergy)
    }

    @Test("a cluster or a zero repeat is an error naming the problem")
    func errors() throws {
        var cluster = try sample()
        cluster.cell = nil
        #expect(throws: AtomicSystem.ReplicationError.noCell) { try cluster.replicated(SIMD3(2, 2, 2)) }
        #expect(throws: AtomicSystem.ReplicationError.badRepeats(SIMD3(1, 0, 1))) { try sample().replicated(SIMD3(1, 0, 1)) }
    }
}

extension AtomicSystem {
    /// Distinct velocities for every atom (a pattern, not physics), so copies can be told apart.
    mutating func assignMaxwellBoltzmannVelocitiesForTest() {
        for i in 0..<count { velocities[i] = Vector3(Double(i) * 1e-3, -Double(i % 5) * 2e-3, 1e-3) }
    }
}
