import Testing
@testable import Geometry

/// The pair search shares blocks of atoms out over threads; the list must not depend on how many.
@Suite("Neighbour list on several threads")
struct NeighborListThreadsTests {
    static let threadCounts = [2, 3, 7]

    /// A periodic triclinic box and the same atoms as an open cluster.
    static func systems() -> [(String, AtomicSystem)] {
        let periodic = randomTriclinicSystem(count: 700, seed: 21)
        var cluster = periodic
        cluster.cell = nil
        return [("periodic", periodic), ("open", cluster)]
    }

    @Test("the list built on 2, 3 and 7 threads equals the one built on one, half and full, periodic and open",
          arguments: [NeighborListKind.half, .full])
    func sameListOnAnyThreadCount(kind: NeighborListKind) throws {
        for (name, system) in Self.systems() {
            #expect(system.count >= NeighborList.parallelSearchAtoms, "too few atoms for the search to split")
            let reference = NeighborList(system: system, cutoff: 1.2, skin: 0.3, kind: kind, threads: .one)
            #expect(reference.neighbors.count > 4 * system.count, "\(name): too few pairs to tell")
            for threads in Self.threadCounts {
                let list = NeighborList(system: system, cutoff: 1.2, skin: 0.3, kind: kind, threads: try ThreadCount(threads))
                #expect(list.firstNeighbor == reference.firstNeighbor, "\(name), \(threads) threads")
                #expect(list.neighbors == reference.neighbors, "\(name), \(threads) threads")
                #expect(list.owners == reference.owners, "\(name), \(threads) threads")
                #expect(list.offsets == reference.offsets, "\(name), \(threads) threads")
            }
        }
    }

    @Test("a list searched on 3 threads holds exactly the extended atoms within reach, ascending")
    func parallelSearchIsComplete() throws {
        let system = randomTriclinicSystem(count: 600, seed: 5)
        let list = NeighborList(system: system, cutoff: 1.0, skin: 0.2, kind: .full, threads: try ThreadCount(3))
        let x = list.extendedPositions(system.positions)
        let reach2 = 1.2 * 1.2
        for i in 0..<system.count {
            // Brute force over every extended atom: the oracle for both set and order.
            let expected = (0..<list.extendedCount).filter { $0 != i && (x[$0] - x[i]).lengthSquared < reach2 }
            #expect(list.neighbors(of: i).map(Int.init) == expected, "atom \(i)")
        }
    }

    @Test("the transpose lists, for each extended atom, an entry per slot naming it, in slot order, and where the own sums go",
          arguments: [NeighborListKind.half, .full])
    func transposeMatchesList(kind: NeighborListKind) throws {
        for (name, system) in Self.systems() {
            let list = NeighborList(system: system, cutoff: 1.2, skin: 0.3, kind: kind)
            let t = list.transposed
            // Oracle: walk the list slot by slot and collect (slot, centre) per target.
            var expected = [[(Int32, Int32)]](repeating: [], count: list.extendedCount)
            for i in 0..<system.count {
                for k in Int(list.firstNeighbor[i])..<Int(list.firstNeighbor[i + 1]) {
                    expected[Int(list.neighbors[k])].append((Int32(k), Int32(i)))
                }
            }
            #expect(t.start.count == list.extendedCount + 1 && t.entries.count == list.neighbors.count, "\(name)")
            for e in 0..<list.extendedCount {
                let entries = Int(t.start[e])..<Int(t.start[e + 1])
                #expect(entries.count == expected[e].count, "\(name), atom \(e): entry count")
                // The slots naming e, in increasing order, occupy e's entries in that order.
                for (offset, (k, _)) in expected[e].enumerated() {
                    #expect(Int(t.entries[Int(k)]) == entries.lowerBound + offset, "\(name), slot \(k)")
                }
                if e < system.count {
                    let below = expected[e].filter { Int($0.1) < e }.count
                    #expect(Int(t.ownAt[e]) == entries.lowerBound + below, "\(name), atom \(e): own sums' place")
                }
            }
        }
    }

    @Test("a rebuilt list gets a fresh transpose; a copy taken before keeps the old one")
    func transposeFollowsRebuilds() throws {
        var system = randomTriclinicSystem(count: 50, seed: 8)
        var list = NeighborList(system: system, cutoff: 3.0, skin: 0.2, kind: .half)
        let before = list
        let old = list.transposed.entries
        system.positions[0] += Vector3(0.8, 0.3, 0)
        let rebuilt = list.update(for: system)
        #expect(rebuilt)
        #expect(list.neighbors != before.neighbors, "the rebuild should change the list")
        #expect(list.transposed.entries == NeighborTranspose(list).entries)
        #expect(before.transposed.entries == old)
    }
}
