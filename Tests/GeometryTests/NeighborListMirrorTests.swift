import Testing
@testable import Geometry

/// Each slot of a full list and the slot of the same pair seen from the other end.
@Suite("Neighbour-list mirror slots")
struct NeighborListMirrorTests {
    /// Periodic with a cutoff longer than the cell (several images of one atom, and of itself, in reach),
    /// and the same atoms as an open cluster.
    static func lists() -> [(String, AtomicSystem, NeighborList)] {
        let periodic = randomTriclinicSystem(count: 23, seed: 11)
        var cluster = periodic
        cluster.cell = nil
        return [periodic, cluster].map { system in
            (system.cell == nil ? "open" : "periodic", system,
             NeighborList(system: system, cutoff: 6.5, skin: 0.4, kind: .full))
        }
    }

    @Test("every slot of a full list has a mirror: centre and neighbour swapped, the opposite displacement, and back again")
    func mirrorsAreThePairReversed() {
        for (name, system, list) in Self.lists() {
            let mirror = list.mirrorSlots
            let x = list.extendedPositions(system.positions)
            #expect(mirror.count == list.neighbors.count && list.neighbors.count > 10 * system.count, "\(name)")
            // Oracle: the centre of each slot, by walking the rows.
            var centre = [Int](repeating: 0, count: list.neighbors.count)
            for i in 0..<system.count {
                for k in Int(list.firstNeighbor[i])..<Int(list.firstNeighbor[i + 1]) { centre[k] = i }
            }
            var selfImages = 0
            for k in 0..<mirror.count {
                let m = Int(mirror[k])
                // Only a pair at the list's reach, to rounding, may be listed from one end alone.
                let r = (x[Int(list.neighbors[k])] - x[centre[k]]).length
                #expect(m >= 0 || abs(r - list.cutoff - list.skin) < 1e-9, "\(name): slot \(k) has no mirror, r = \(r)")
                guard m >= 0 else { continue }
                let i = centre[k], e = Int(list.neighbors[k]), j = Int(list.owners[e])
                #expect(centre[m] == j && Int(list.owners[Int(list.neighbors[m])]) == i, "\(name): slot \(k)")
                let d = x[e] - x[i], back = x[Int(list.neighbors[m])] - x[j]
                #expect(((d + back) * (d + back)).sum() < 1e-20, "\(name): slot \(k) displacements \(d) and \(back)")
                #expect(Int(mirror[m]) == k, "\(name): slot \(k)")
                if i == j { selfImages += 1 }
            }
            if name == "periodic" { #expect(selfImages > 0, "no atom sees its own image: the case is not exercised") }
        }
    }

    @Test("a half list holds each pair once, so no slot has a mirror")
    func halfListHasNoMirrors() {
        let system = randomTriclinicSystem(count: 23, seed: 11)
        let list = NeighborList(system: system, cutoff: 5.3, skin: 0.4, kind: .half)
        #expect(!list.neighbors.isEmpty && list.mirrorSlots.allSatisfy { $0 == -1 })
    }
}
