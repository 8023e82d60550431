import Testing
@testable import Geometry

/// Every pair within r_c over all periodic images, by brute force: the oracle for the neighbour list.
func bruteForcePairs(_ system: AtomicSystem, cutoff: Double) -> [String: Int] {
    var counts: [String: Int] = [:]
    let cell = system.cell!
    let w = cell.perpendicularWidths
    let reachImages = SIMD3<Int>(Int((cutoff / w.x).rounded(.up)) + 1, Int((cutoff / w.y).rounded(.up)) + 1,
                                 Int((cutoff / w.z).rounded(.up)) + 1)
    for i in 0..<system.count {
        for j in 0..<system.count {
            for a in -reachImages.x...reachImages.x {
                for b in -reachImages.y...reachImages.y {
                    for c in -reachImages.z...reachImages.z {
                        if i == j && a == 0 && b == 0 && c == 0 { continue }
                        let d = system.positions[j] + cell.translation(SIMD3(a, b, c)) - system.positions[i]
                        let r = d.length
                        if r < cutoff { counts["\(i) \(j) \((r * 1e8).rounded())", default: 0] += 1 }
                    }
                }
            }
        }
    }
    return counts
}

func listedPairs(_ system: AtomicSystem, _ list: NeighborList) -> [String: Int] {
    let x = list.extendedPositions(system.positions)
    var counts: [String: Int] = [:]
    for i in 0..<system.count {
        for e in list.neighbors(of: i) {
            let r = (x[Int(e)] - x[i]).length
            guard r < list.cutoff else { continue }
            let j = Int(list.owners[Int(e)])
            counts["\(i) \(j) \((r * 1e8).rounded())", default: 0] += 1
            if list.kind == .half { counts["\(j) \(i) \((r * 1e8).rounded())", default: 0] += 1 }
        }
    }
    return counts
}

func randomTriclinicSystem(count: Int, seed: UInt64) -> AtomicSystem {
    var rng = SeededGenerator(seed: seed)
    let cell = Cell(a: Vector3(7.0, 0, 0), b: Vector3(1.9, 6.5, 0), c: Vector3(-1.2, 0.8, 6.1))!
    let positions = (0..<count).map { _ in
        // Some atoms outside the cell, to exercise wrapping.
        cell.cartesian(Vector3(rng.uniform() * 1.4 - 0.2, rng.uniform(), rng.uniform() * 1.2 - 0.1))
    }
    return try! AtomicSystem(elements: Array(repeating: Element(symbol: "Ar")!, count: count),
                             positions: positions, cell: cell)
}

@Suite("Neighbour lists")
struct NeighborListTests {
    @Test("half and full lists find every pair brute force finds over all images, cutoff longer than half the cell",
          arguments: [NeighborListKind.half, .full])
    func matchesBruteForce(kind: NeighborListKind) {
        let system = randomTriclinicSystem(count: 23, seed: 7)
        let cutoff = 5.3  // widths are about 6: several images of one neighbour are in reach
        #expect(cutoff > 0.5 * system.cell!.perpendicularWidths.min())
        let list = NeighborList(system: system, cutoff: cutoff, skin: 0.7, kind: kind)
        let expected = bruteForcePairs(system, cutoff: cutoff)
        #expect(listedPairs(system, list) == expected)
        #expect(expected.values.contains { $0 > 1 } || expected.count > 23 * 5)
    }

    @Test("a list stays correct while atoms move less than half the skin, and rebuilds beyond it")
    func verletSkin() {
        var system = randomTriclinicSystem(count: 30, seed: 3)
        var list = NeighborList(system: system, cutoff: 4.0, skin: 1.0, kind: .half)
        var rng = SeededGenerator(seed: 11)
        for i in 0..<system.count { system.positions[i] += 0.12 * rng.normalVector() / 1.8 }
        let moved = system.positions.indices.map { (system.positions[$0] - randomTriclinicSystem(count: 30, seed: 3).positions[$0]).length }
        #expect(moved.max()! < 0.5)
        #expect(list.update(for: system) == false)
        #expect(listedPairs(system, list) == bruteForcePairs(system, cutoff: 4.0))
        system.positions[0] += Vector3(0.6, 0, 0)
        #expect(list.update(for: system) == true)
        #expect(list.buildCount == 2)
        #expect(listedPairs(system, list) == bruteForcePairs(system, cutoff: 4.0))
    }

    @Test("a free cluster has no ghosts and finds all pairs")
    func cluster() {
        var rng = SeededGenerator(seed: 5)
        let positions = (0..<40).map { _ in 10 * Vector3(rng.uniform(), rng.uniform(), rng.uniform()) }
        let system = try! AtomicSystem(elements: Array(repeating: Element(symbol: "Ar")!, count: 40), positions: positions, cell: nil)
        let list = NeighborList(system: system, cutoff: 3.0, skin: 0.5, kind: .full)
        #expect(list.extendedCount == 40)
        var expected = 0
        for i in 0..<40 { for j in 0..<40 where i != j && (positions[i] - positions[j]).length < 3.0 { expected += 1 } }
        #expect(listedPairs(system, list).values.reduce(0, +) == expected)
    }
}
