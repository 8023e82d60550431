import Descriptors
import Foundation
import Geometry
import Potentials
import Scenes
import StructureFiles
import Synchronization

/// The thread count `nnplab bench --threads N` asked for (all cores by default): the parallel figures
/// compare it with one thread. Every other benchmark runs on one thread.
let benchmarkThreads = Mutex<ThreadCount>(.allCores)

extension Benchmark {
    /// The parallel figures compare --threads (default all cores) with one thread; every other
    /// benchmark runs on one thread (their figures are CPU time of the calling thread).
    static func setThreadsForParallelFigures() {
        benchmarkThreads.withLock { $0 = ThreadCount.current }
        ThreadCount.current = .one
    }

    /// Parallel efficiency of the water NNP: the wall time on N threads × N over the time on one.
    static let nnpWaterThreads = Benchmark(
        name: "nnp-water-threads", summary: "Scenes/water, 1080 atoms, energy + forces incl. neighbour list: N × time(N threads) / time(1 thread)",
        unit: "cost ratio", target: 1 / 0.85, targetSource: "speedup ≥ 0.85 N (≥ 1.7 on 2 cores)",
        measure: { quick in
            let (potential, system) = try sceneWater()
            return threadScaling("nnp-water", quick: quick, potential, system, unit: "ms", scale: 1e3)
        })

    /// Parallel efficiency of Lennard-Jones argon (4000 atoms, list prebuilt): energy and forces.
    static let lennardJonesThreads = Benchmark(
        name: "lj-argon-threads", summary: "LJ argon, 4000 atoms (fcc 10x10x10), energy + forces incl. neighbour list: N × time(N) / time(1)",
        unit: "cost ratio", target: 1 / 0.7, targetSource: "speedup ≥ 0.7 N (serial: ghost images, binning, and below 150 000 pairs the pair loop)",
        measure: { quick in
            let system = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.7, repeats: 10).rattled(sigma: 0.05, seed: 1)
            return threadScaling("lj-argon", quick: quick, try LennardJones(truncation: .smooth), system, unit: "ms", scale: 1e3)
        })

    /// Parallel efficiency of Stillinger-Weber silicon (4096 atoms): energy and forces.
    static let stillingerWeberThreads = Benchmark(
        name: "sw-silicon-threads", summary: "SW silicon, 4096 atoms (8x8x8 diamond), energy + forces incl. neighbour list: N × time(N) / time(1)",
        unit: "cost ratio", target: 1 / 0.7, targetSource: "speedup ≥ 0.7 N (serial: ghost images, binning)",
        measure: { quick in
            let system = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 8).rattled(sigma: 0.05, seed: 1)
            return threadScaling("sw-silicon", quick: quick, StillingerWeber(), system, unit: "ms", scale: 1e3)
        })

    /// Times `potential` on one thread and on ``benchmarkThreads``, prints both and the speedup, and
    /// returns N × time(N) / time(1) (1 is perfect scaling).
    ///
    /// The two are timed in alternating rounds, and the figure is the median of the rounds' ratios: a
    /// shared machine's speed drifts by tens of percent over seconds, and timing all of one count
    /// before the other measured that drift (speedups of 1.4 and 2.5 in consecutive runs). A round
    /// times three evaluations in a row and keeps the middle one, so each count runs with its data in
    /// the caches its threads left, as in MD (alternating single evaluations made the one-thread run
    /// fetch what the two threads had left in the other core's cache).
    static func threadScaling<P: Potential & ThreadedPotential>(_ name: String, quick: Bool, _ potential: P, _ system: AtomicSystem,
                                                               unit: String, scale: Double) -> Double {
        let n = benchmarkThreads.withLock { $0 }
        let single = timedEvaluation(threads: .one, potential, system)
        let parallel = timedEvaluation(threads: n, potential, system)
        func round(_ evaluation: () -> Double) -> Double { median((0..<3).map { _ in evaluation() }) }
        let pairs = (0..<(quick ? 2 : 7)).map { _ in (one: round(single), many: round(parallel)) }
        let one = median(pairs.map(\.one)), many = median(pairs.map(\.many))
        let speedup = median(pairs.map { $0.one / $0.many })
        print(String(format: "    %@: 1 thread %.2f %@, %d threads %.2f %@ (medians), speedup %.2f (median of %d alternating rounds)",
                     name, one * scale, unit, n.value, many * scale, unit, speedup, pairs.count))
        return Double(n.value) / speedup
    }

    /// A closure timing one energy + forces evaluation with a fresh full/half neighbour list on
    /// `threads` threads, in wall seconds (CPU time would hide what the other threads do).
    static func timedEvaluation<P: Potential & ThreadedPotential>(threads: ThreadCount, _ potential: P,
                                                                 _ system: AtomicSystem) -> () -> Double {
        var p = potential
        p.threads = threads
        return {
            let start = DispatchTime.now().uptimeNanoseconds
            let list = NeighborList(system: system, cutoff: p.cutoff, skin: 0, kind: p.neighborListKind, threads: threads)
            _ = p.evaluate(system, neighbors: list, request: .energyAndForces)
            return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        }
    }

    /// The n2p2 water potential and its 1080-atom configuration from the repository's Scenes/water.
    static func sceneWater() throws -> (BehlerParrinelloPotential, AtomicSystem) {
        let folder = SceneLibrary.directory.appendingPathComponent("water", isDirectory: true)
        let potential = try N2P2PotentialLoader.load(folder: folder)
        guard let system = try N2P2Data.read(folder.appendingPathComponent("input.data")).first?.system else {
            throw CommandFailure("\(folder.path)/input.data: no structure")
        }
        return (potential, system)
    }
}

/// A potential whose thread count can be set (the ones that evaluate in parallel).
protocol ThreadedPotential { var threads: ThreadCount? { get set } }
extension LennardJones: ThreadedPotential {}
extension StillingerWeber: ThreadedPotential {}
extension BehlerParrinelloPotential: ThreadedPotential {}
