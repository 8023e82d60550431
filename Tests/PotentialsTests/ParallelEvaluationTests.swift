import Descriptors
import Geometry
import NeuralNetworks
@testable import Potentials
import Testing

/// Results must not depend on the number of threads, to the last bit: the partition into atom blocks
/// and the order of every sum are fixed (AtomBlocks, ScatterLog, SlotGather), whatever runs them.
@Suite("Parallel evaluation")
struct ParallelEvaluationTests {
    static let threadCounts = [1, 2, 3, 7]

    /// Evaluates `potential` with `threads` threads on a fresh list, energy and forces.
    static func evaluate<P: Potential>(_ potential: P, threads: Int, _ system: AtomicSystem,
                                       with setThreads: (inout P, ThreadCount) -> Void) throws -> PotentialResult {
        var p = potential
        setThreads(&p, try ThreadCount(threads))
        let list = NeighborList(system: system, cutoff: p.cutoff, skin: 0.7, kind: p.neighborListKind)
        return p.evaluate(system, neighbors: list, request: .energyAndForces)
    }

    /// Expects every field (energy, per-atom energies, every force component, the virial) to have the
    /// same bits for every thread count, and checks there were several blocks to share out.
    static func expectIdentical<P: Potential>(_ potential: P, _ system: AtomicSystem,
                                              with setThreads: (inout P, ThreadCount) -> Void) throws {
        #expect(AtomBlocks(count: system.count).blockCount >= 7, "too few blocks to exercise 7 threads")
        let reference = try evaluate(potential, threads: 1, system, with: setThreads)
        let w = reference.virial
        for threads in threadCounts.dropFirst() {
            let result = try evaluate(potential, threads: threads, system, with: setThreads)
            #expect(result.energy.bitPattern == reference.energy.bitPattern, "energy, \(threads) threads")
            #expect(result.atomicEnergies.map(\.bitPattern) == reference.atomicEnergies.map(\.bitPattern), "atomic energies, \(threads) threads")
            let bits = { (f: [Vector3]) in f.flatMap { [$0.x.bitPattern, $0.y.bitPattern, $0.z.bitPattern] } }
            #expect(bits(result.forces) == bits(reference.forces), "forces, \(threads) threads")
            let v = result.virial
            #expect(bits([v.x, v.y, v.z]) == bits([w.x, w.y, w.z]), "virial, \(threads) threads")
        }
        // Not trivially equal: the forces are non-zero, so a sum in another order would show.
        #expect(reference.forces.contains { $0.lengthSquared > 1e-12 })
    }

    @Test("Lennard-Jones: energy, forces and virial identical bit for bit on 1, 2, 3 and 7 threads", arguments: CutoffKind.allCases)
    func lennardJonesIdentical(truncation: CutoffKind) throws {
        // Large enough that the pair loop really splits (below SplitThreshold it runs on one thread).
        let system = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.3, repeats: 14).rattled(sigma: 0.15, seed: 4)
        let lj = try LennardJones(truncation: truncation)
        let pairs = NeighborList(system: system, cutoff: lj.cutoff, skin: 0.7, kind: lj.neighborListKind).neighbors.count
        try #require(pairs >= SplitThreshold.lennardJonesPairs, "\(pairs) listed pairs: too few for the pair loop to split")
        try Self.expectIdentical(try LennardJones(truncation: truncation), system) { $0.threads = $1 }
    }

    @Test("Stillinger-Weber: energy, forces and virial identical bit for bit on 1, 2, 3 and 7 threads")
    func stillingerWeberIdentical() throws {
        let system = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 8)
            .rattled(sigma: 0.12, seed: 5)
        try #require(system.count >= SplitThreshold.stillingerWeberAtoms, "too few atoms for the loop to split")
        try Self.expectIdentical(StillingerWeber(), system) { $0.threads = $1 }
    }

    @Test("Behler-Parrinello (two elements, every function type): identical bit for bit on 1, 2, 3 and 7 threads")
    func behlerParrinelloIdentical() throws {
        let potential = try BPFixture.potential(.cosine, activation: .tanh)
        let system = try BPFixture.system(count: 120, box: 10.5)
        try Self.expectIdentical(potential, system) { $0.threads = $1 }
    }

    @Test("the thread count survives unit conversion and model variants")
    func threadsCarried() throws {
        var potential = try BPFixture.potential(.cosine, activation: .tanh)
        potential.threads = try ThreadCount(3)
        #expect(potential.converted(to: .metal).threads?.value == 3)
        #expect(potential.withHiddenActivation(.relu).threads?.value == 3)
    }

    @Test("thread counts below 1 or above 1024 are refused when made", arguments: [0, -1, 1025, Int.max])
    func threadCountRange(value: Int) {
        #expect { try ThreadCount(value) } throws: { ($0 as? ThreadCount.OutOfRange)?.value == value }
    }

    @Test("every atom lands in exactly one block, in order, whatever the thread count")
    func blocksCoverAtoms() throws {
        for count in [0, 1, 15, 16, 17, 100] {
            let blocks = AtomBlocks(count: count)
            for threads in Self.threadCounts {
                let seen = ManagedCounts(count)
                blocks.forEach(threads: try ThreadCount(threads)) { b, worker in
                    #expect(worker < blocks.workers(try! ThreadCount(threads)))
                    for i in blocks.atoms(of: b) { seen.add(i) }
                }
                #expect(seen.values == Array(repeating: 1, count: count), "\(count) atoms, \(threads) threads")
            }
        }
    }

    @Test("a loop inside another loop's block runs on that block's thread (worker 0), and still covers every atom")
    func nestedLoopsRunInline() throws {
        let outer = AtomBlocks(count: 8, size: 1), inner = AtomBlocks(count: 50)
        let workersSeen = ManagedCounts(8 * inner.blockCount)
        let seen = ManagedCounts(8 * 50)
        outer.forEach(threads: try ThreadCount(4)) { b, _ in
            inner.forEach(threads: try! ThreadCount(4)) { c, worker in
                if worker != 0 { workersSeen.add(b * inner.blockCount + c) }
                for i in inner.atoms(of: c) { seen.add(b * 50 + i) }
            }
        }
        #expect(workersSeen.values.allSatisfy { $0 == 0 })
        #expect(seen.values == Array(repeating: 1, count: 8 * 50))
    }
}

/// Per-atom visit counts written from several threads (each index by one block only).
private final class ManagedCounts: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Int>
    init(_ n: Int) { storage = .allocate(capacity: n); storage.initialize(repeating: 0) }
    deinit { storage.deallocate() }
    func add(_ i: Int) { storage[i] += 1 }
    var values: [Int] { Array(storage) }
}
