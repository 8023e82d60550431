import Geometry
@testable import Potentials
import Testing

/// Stillinger-Weber in fixed parts (``PartitionedSums``): the same bits on any number of threads, and
/// the serial loop's numbers to rounding.
@Suite("Partitioned sums")
struct PartitionedSumsTests {
    static let threadCounts = [1, 2, 3, 7]

    @Test("Stillinger-Weber in parts gives the same bits on 1, 2, 3 and 7 threads: crystal, strongly disordered, periodic and open",
          arguments: [0.12, 0.4])
    func sameBitsOnAnyThreadCount(rattle: Double) throws {
        let sw = StillingerWeber()
        let crystal = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 3)
            .rattled(sigma: rattle, seed: 5)
        #expect(PartitionedSums.blocks(centres: crystal.count).blockCount == PartitionedSums.parts)
        for (name, system) in SlotGatherTests.periodicAndOpen(crystal) {
            let list = NeighborList(system: system, cutoff: sw.cutoff, skin: 1.0, kind: .full)
            for request in [EvaluationRequest.energy, .energyAndForces] {
                let reference = sw.evaluate(system, neighbors: list, request: request, on: .one, partitioned: true)
                for threads in Self.threadCounts.dropFirst() {
                    let result = sw.evaluate(system, neighbors: list, request: request, on: try ThreadCount(threads), partitioned: true)
                    #expect(SlotGatherTests.bits(result) == SlotGatherTests.bits(reference), "\(name), \(request), \(threads) threads")
                }
            }
        }
    }

    @Test("the parts add up to the whole loop's energy, per-atom energies, forces and virial, to rounding")
    func agreesWithTheWholeLoop() throws {
        let sw = StillingerWeber()
        let system = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 3)
            .rattled(sigma: 0.2, seed: 9)
        let list = NeighborList(system: system, cutoff: sw.cutoff, skin: 1.0, kind: .full)
        let whole = sw.evaluate(system, neighbors: list, request: .energyAndForces, on: .one, partitioned: false)
        let parts = sw.evaluate(system, neighbors: list, request: .energyAndForces, on: try ThreadCount(2), partitioned: true)
        #expect(abs(parts.energy - whole.energy) <= 1e-12 * abs(whole.energy))
        #expect(zip(parts.atomicEnergies, whole.atomicEnergies).allSatisfy { abs($0 - $1) <= 1e-12 })
        let largest = whole.forces.map(\.length).max() ?? 0
        #expect(largest > 0.1)
        #expect(zip(parts.forces, whole.forces).allSatisfy { ($0 - $1).length <= 1e-12 * largest })
        let w = whole.derivatives!.virial, p = parts.derivatives!.virial
        for (a, b) in [(p.x, w.x), (p.y, w.y), (p.z, w.z)] { #expect((a - b).length <= 1e-11 * max(1, w.x.length)) }
    }

    @Test("a gas with no pair in reach gives zeros in parts on several threads")
    func noPairs() throws {
        let positions = (0..<40).map { Vector3(20 * Double($0), 0, 0) }
        let gas = try AtomicSystem(elements: Array(repeating: StillingerWeber.silicon, count: 40), positions: positions, cell: nil)
        let sw = StillingerWeber()
        let list = NeighborList(system: gas, cutoff: sw.cutoff, skin: 1.0, kind: .full)
        for threads in Self.threadCounts {
            let r = sw.evaluate(gas, neighbors: list, request: .energyAndForces, on: try ThreadCount(threads), partitioned: true)
            #expect(r.energy == 0 && r.forces.allSatisfy { $0 == .zero }, "\(threads) threads")
        }
    }

    @Test("the system's size alone decides: from the threshold on, 1 and 2 threads give the same bits through evaluate")
    func publicEvaluateChoosesBySize() throws {
        var sw = StillingerWeber()
        let system = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 8)
            .rattled(sigma: 0.05, seed: 1)
        #expect(system.count >= SplitThreshold.stillingerWeberAtoms)
        let list = NeighborList(system: system, cutoff: sw.cutoff, skin: 0.5, kind: .full)
        sw.threads = .one
        let one = sw.evaluate(system, neighbors: list, request: .energyAndForces)
        sw.threads = try ThreadCount(2)
        let two = sw.evaluate(system, neighbors: list, request: .energyAndForces)
        #expect(SlotGatherTests.bits(one) == SlotGatherTests.bits(two))
        let whole = sw.evaluate(system, neighbors: list, request: .energyAndForces, on: .one, partitioned: false)
        #expect(SlotGatherTests.bits(one) != SlotGatherTests.bits(whole), "the large system did not run in parts")
    }
}
