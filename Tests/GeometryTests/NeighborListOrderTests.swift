import Testing
@testable import Geometry

@Suite("Neighbour list order")
struct NeighborListOrderTests {
    @Test("each atom's neighbours are its extended atoms within reach, in ascending index order",
          arguments: [(23, 5.3), (400, 2.5)])
    func ascendingAndComplete(count: Int, cutoff: Double) {
        let system = randomTriclinicSystem(count: count, seed: 9)
        let list = NeighborList(system: system, cutoff: cutoff, skin: 0.4, kind: .full)
        let x = list.extendedPositions(system.positions)
        let reach = cutoff + 0.4
        for i in 0..<system.count {
            // Brute force over every extended atom: the oracle for both set and order.
            let expected = (0..<list.extendedCount).filter { $0 != i && (x[$0] - x[i]).lengthSquared < reach * reach }
            #expect(list.neighbors(of: i).map(Int.init) == expected)
        }
    }

    @Test("sorting a neighbour run gives the sorted order on both paths: marks (narrow span) and insertion (wide span)",
          arguments: [64, 100_000])
    func bothSortPaths(span: Int) {
        var rng = SeededGenerator(seed: UInt64(span))
        var values = Set<Int32>()
        while values.count < 50 { values.insert(Int32(rng.uniform() * Double(span))) }
        let prefix: [Int32] = [7, 3]  // another atom's run before `from`, left alone
        var buffer = prefix + Array(values).shuffled(using: &rng)
        var marks = [UInt64](repeating: 0, count: (span + 63) / 64)
        buffer.withUnsafeMutableBufferPointer { b in
            marks.withUnsafeMutableBufferPointer { NeighborList.sortNeighbors(b, from: 2, marks: $0) }
        }
        #expect(Array(buffer.prefix(2)) == prefix)
        #expect(Array(buffer.dropFirst(2)) == values.sorted())
        #expect(marks.allSatisfy { $0 == 0 })
    }
}
