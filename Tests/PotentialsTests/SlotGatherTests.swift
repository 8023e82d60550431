import Descriptors
import Geometry
@testable import Potentials
import Testing

/// The teachers' parallel path (``SlotGather``: values stored by list slot, then summed per target in
/// the serial order) against their serial loop, on systems small enough that every centre block,
/// ghost and open-boundary case is visited: every field must have the same bits.
@Suite("Slot gather")
struct SlotGatherTests {
    static let threadCounts = [2, 3, 7]

    /// Every bit of a result: energy, per-atom energies and (when requested) forces and virial.
    static func bits(_ r: PotentialResult) -> [UInt64] {
        var out = [r.energy.bitPattern] + r.atomicEnergies.map(\.bitPattern)
        guard let d = r.derivatives else { return out }
        for f in d.forces + [d.virial.x, d.virial.y, d.virial.z] { out += [f.x.bitPattern, f.y.bitPattern, f.z.bitPattern] }
        return out
    }

    /// Compares `evaluate` on 2, 3 and 7 threads (the gather) with one (the serial loop), for both
    /// requests, and checks there was something to compare: several blocks and non-zero forces.
    static func expectSameBits(_ name: String, atoms: Int, expectForces: Bool = true,
                               _ evaluate: (EvaluationRequest, ThreadCount) -> PotentialResult) throws {
        #expect(AtomBlocks(count: atoms).blockCount >= 3, "\(name): too few blocks to share out")
        for request in [EvaluationRequest.energy, .energyAndForces] {
            let reference = evaluate(request, .one)
            if expectForces && request == .energyAndForces { #expect(reference.forces.contains { $0.lengthSquared > 1e-8 }, "\(name)") }
            for threads in threadCounts {
                let result = evaluate(request, try ThreadCount(threads))
                #expect(bits(result) == bits(reference), "\(name), \(request), \(threads) threads")
            }
        }
    }

    /// `system` periodic (its cell) and open (no cell).
    static func periodicAndOpen(_ system: AtomicSystem) -> [(String, AtomicSystem)] {
        var open = system
        open.cell = nil
        return [("periodic", system), ("open", open)]
    }

    @Test("Lennard-Jones on 2, 3 and 7 threads gives the serial loop's bits: small periodic cell (images of images) and open cluster",
          arguments: CutoffKind.allCases)
    func lennardJones(truncation: CutoffKind) throws {
        let lj = try LennardJones(truncation: truncation)
        // 108 atoms in a 15.9 Å box: r_c + skin = 9.2 Å reaches beyond half the box, so pairs reach
        // several images of one atom and ghosts collect most of the additions.
        let crystal = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.3, repeats: 3).rattled(sigma: 0.15, seed: 4)
        for (name, system) in Self.periodicAndOpen(crystal) {
            let list = NeighborList(system: system, cutoff: lj.cutoff, skin: 0.7, kind: .half)
            try Self.expectSameBits("LJ \(truncation) \(name)", atoms: system.count) { request, threads in
                lj.evaluate(system, neighbors: list, request: request, on: threads)
            }
        }
    }

    @Test("a gas with no pair in reach evaluates on several threads to the serial loop's zeros (Lennard-Jones)")
    func noPairs() throws {
        // 40 atoms 20 Å apart: beyond both cutoffs, so the lists are empty.
        let positions = (0..<40).map { Vector3(20 * Double($0), 0, 0) }
        let gas = try AtomicSystem(elements: Array(repeating: LennardJones.argon, count: 40), positions: positions, cell: nil)
        let lj = try LennardJones()
        let list = NeighborList(system: gas, cutoff: lj.cutoff, skin: 1.0, kind: .half)
        #expect(list.neighbors.isEmpty)
        try Self.expectSameBits("LJ gas", atoms: 40, expectForces: false) { request, threads in
            lj.evaluate(gas, neighbors: list, request: request, on: threads)
        }
    }
}
