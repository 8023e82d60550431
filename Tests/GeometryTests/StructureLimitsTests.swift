import Testing
@testable import Geometry

@Suite("Structure limits: neighbour-list size estimates and coincident atoms")
struct StructureLimitsTests {
    func argon(_ lengths: Vector3, positions: [Vector3]) throws -> AtomicSystem {
        try AtomicSystem(elements: Array(repeating: Element(symbol: "Ar")!, count: positions.count), positions: positions,
                         cell: Cell.orthorhombic(lengths))
    }

    @Test("liquid argon (108 atoms, r_c + skin 9.5 Å) is accepted; its estimate is ρ·4/3 π (9.5 Å)³ neighbours per atom")
    func liquidArgonIsAccepted() throws {
        let crystal = try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5.75, repeats: 3)
        let estimate = try NeighborList.checkSize(system: crystal, cutoff: 8.5, skin: 1)
        let density = 108 / crystal.cell!.volume
        #expect(abs(estimate.neighborsPerAtom - density * 4 / 3 * Double.pi * 9.5 * 9.5 * 9.5) < 1e-9)
        // The list itself holds about as many (the estimate is the mean over a uniform density).
        let list = NeighborList(system: crystal, cutoff: 8.5, skin: 1, kind: .full)
        #expect(abs(Double(list.neighbors.count) / 108 - estimate.neighborsPerAtom) < 0.15 * estimate.neighborsPerAtom)
    }

    @Test("a 0.5 Å cell, a nearly flat cell and a cutoff of 1e308 are refused with the estimate in the message")
    func oversizedListsAreRefused() throws {
        let small = try argon(Vector3(0.5, 0.5, 0.5), positions: [.zero])
        #expect(throws: NeighborListSizeError.self) { try NeighborList.checkSize(system: small, cutoff: 8.5, skin: 1) }
        do { try NeighborList.checkSize(system: small, cutoff: 8.5, skin: 1) } catch {
            #expect("\(error)".contains("neighbours per atom") && "\(error)".contains("at most 2000"))
        }
        let flat = try argon(Vector3(10, 10, 1e-6), positions: [.zero])
        do { try NeighborList.checkSize(system: flat, cutoff: 8.5, skin: 1); Issue.record("accepted a flat cell") } catch {
            #expect("\(error)".contains("periodic images") && "\(error)".contains("at most 5000000"))
        }
        let normal = try argon(Vector3(10, 10, 10), positions: [.zero, Vector3(3, 3, 3)])
        #expect(throws: NeighborListSizeError.self) { try NeighborList.checkSize(system: normal, cutoff: 1e308, skin: 1) }
        #expect(throws: NeighborListSizeError.self) { try NeighborList.checkSize(system: normal, cutoff: .nan, skin: 1) }
        var far = normal
        far.positions[1] = Vector3(1e300, 0, 0)
        #expect(throws: NeighborListSizeError.self) { try NeighborList.checkSize(system: far, cutoff: 8.5, skin: 1) }
    }

    @Test("two coincident atoms are found with their indices and distance; a periodic image counts; liquid argon has none")
    func coincidentAtoms() throws {
        let twins = try argon(Vector3(10, 10, 10), positions: [Vector3(1, 1, 1), Vector3(5, 5, 5), Vector3(1, 1, 1.2)])
        let contact = try #require(twins.closeContact())
        #expect(contact.first == 0 && contact.second == 2 && abs(contact.distance - 0.2) < 1e-12)
        #expect(contact.describe(unit: "Å") == "atoms 1 and 3 are 0.2 Å apart (closer than 0.5 Å): coincident or overlapping atoms")
        // Across the boundary: 0.05 and 9.95 are 0.1 Å apart through the periodic image.
        let wrapped = try argon(Vector3(10, 10, 10), positions: [Vector3(0.05, 5, 5), Vector3(9.95, 5, 5)])
        #expect(abs((try #require(wrapped.closeContact())).distance - 0.1) < 1e-9)
        let thin = try argon(Vector3(10, 10, 0.3), positions: [.zero])
        #expect(thin.closeContact()?.first == 0 && thin.closeContact()?.second == 0)
        let crystal = try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5.75, repeats: 3).rattled(sigma: 0.1, seed: 1)
        #expect(crystal.closeContact() == nil)
    }

    @Test("replicating beyond the atom limit or into integer overflow is refused before anything is allocated")
    func replicationLimit() throws {
        let crystal = try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5.75, repeats: 3)
        #expect(throws: AtomicSystem.ReplicationError.tooManyAtoms(SIMD3(65, 65, 65), atoms: 108)) {
            try crystal.replicated(SIMD3(65, 65, 65))
        }
        #expect(throws: AtomicSystem.ReplicationError.self) { try crystal.replicated(SIMD3(Int.max, 2, 2)) }
        #expect(try crystal.replicated(SIMD3(2, 1, 1)).count == 216)
    }
}
