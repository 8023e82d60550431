import Testing
import Geometry
@testable import Dynamics

@Suite("Atoms of cutoff crossings")
struct CrossingAtomsTests {
    /// Three argon atoms in a large box: 0 and 1 at `gap`, 2 far from both.
    static func trio(gap: Double) -> AtomicSystem {
        let argon = Element(symbol: "Ar")!
        return try! AtomicSystem(elements: [argon, argon, argon],
                            positions: [Vector3(10, 10, 10), Vector3(10 + gap, 10, 10), Vector3(30, 30, 30)],
                            masses: [39.948, 39.948, 39.948], cell: Cell.orthorhombic(Vector3(40, 40, 40)))
    }

    @Test("a pair crossing r_c outwards and back marks both its atoms and no other; no crossing marks none",
          arguments: [NeighborListKind.half, .full])
    func marksBothAtoms(kind: NeighborListKind) {
        var counter = CutoffCrossingCounter(cutoff: 6)
        var list = NeighborList(system: Self.trio(gap: 5.9), cutoff: 6, skin: 1, kind: kind)
        counter.observe(Self.trio(gap: 5.9), neighbors: list)
        #expect(counter.latestCrossingAtoms.isEmpty)
        for (gap, crossed) in [(6.1, [0, 1]), (6.2, []), (5.95, [0, 1]), (5.9, [])] {
            let system = Self.trio(gap: gap)
            list.update(for: system)
            #expect(counter.observe(system, neighbors: list) == crossed.count / 2, "gap \(gap)")
            #expect(counter.latestCrossingAtoms == crossed, "gap \(gap)")
        }
        counter.reset()
        #expect(counter.latestCrossingAtoms.isEmpty)
    }

    @Test("in a hot periodic liquid the marked atoms are exactly the ends of the pairs brute force finds crossing")
    func matchesBruteForce() {
        let reference = CrossingReference.shared
        let snapshots = reference.snapshots
        var list = NeighborList(system: snapshots[0], cutoff: 7, skin: 0.5, kind: .half)
        var counter = CutoffCrossingCounter(cutoff: CrossingReference.cutoff)
        var marked = 0
        for (k, snapshot) in snapshots.enumerated() {
            list.update(for: snapshot)
            counter.observe(snapshot, neighbors: list)
            let expected = k == 0 ? [] : Self.crossingAtoms(snapshots[k - 1], snapshot, cutoff: CrossingReference.cutoff)
            #expect(counter.latestCrossingAtoms == expected, "step \(k)")
            marked += expected.count
        }
        #expect(marked > 100, "a test that sees no crossings proves nothing")
    }

    /// Atoms of every pair (any image, |n| ≤ 2) on different sides of r_c in the two snapshots, ascending.
    static func crossingAtoms(_ before: AtomicSystem, _ now: AtomicSystem, cutoff: Double) -> [Int] {
        let cell = now.cell!
        var atoms = Set<Int>()
        for i in 0..<now.count {
            for j in i..<now.count {
                for a in -2...2 { for b in -2...2 { for c in -2...2 where i != j || SIMD3(a, b, c) != .zero {
                    let shift = cell.translation(SIMD3(a, b, c))
                    let inside = (now.positions[j] - now.positions[i] + shift).lengthSquared < cutoff * cutoff
                    let wasInside = (before.positions[j] - before.positions[i] + shift).lengthSquared < cutoff * cutoff
                    if inside != wasInside { atoms.formUnion([i, j]) }
                } } }
            }
        }
        return atoms.sorted()
    }
}
