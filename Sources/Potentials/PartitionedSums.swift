import Geometry

/// Sums of a scatter loop over centre atoms that come out the same bits on any number of threads,
/// for loops as cheap as storing their additions (a Stillinger-Weber bond), where ``SlotGather``'s
/// store-and-gather costs as much as it shares out.
///
/// The centres are cut into at most ``parts`` consecutive parts by their count alone. Each part runs
/// the serial loop over its centres, adding into energy and force arrays of its own over every
/// extended atom; then each extended atom's sum is its parts' values added in part order. Neither the
/// cut nor the order depends on the threads, so neither do the bits. They differ in the last digits
/// from the loop run whole (the additions are grouped by part), so a potential chooses this by the
/// system's size alone (``SplitThreshold``). Memory: parts × extended atoms × 32 bytes, kept between
/// evaluations.
enum PartitionedSums {
    /// Parts of the centres: two per core of the 2-core machine. Each part costs a fill and a read of
    /// its arrays: Stillinger-Weber on 4096 atoms ran 1.50-1.59x faster on 2 threads with 4 parts,
    /// 1.36-1.50x with 8.
    static let parts = 4

    /// The parts of centres 0 ..< n.
    static func blocks(centres n: Int) -> AtomBlocks { AtomBlocks(count: n, size: max(1, (n + parts - 1) / parts)) }
}

/// The parts' arrays, one set per evaluation, kept in a pool between evaluations.
final class PartScratch: @unchecked Sendable {
    var energies = GrowingBuffer<Double>()
    var forces = GrowingBuffer<Vector3>()

    deinit { energies.deallocate(); forces.deallocate() }

    static let pool = ScratchPool<PartScratch>(keeping: 2)
}

extension ExtendedSums {
    /// Runs `loop(centres, worker, sums)` over the parts of centres 0 ..< n (``PartitionedSums``) on
    /// up to `threads` threads, each part into its own sums, then adds the parts into these sums, in
    /// part order, in parallel over extended atoms. `worker` indexes per-thread scratch (fewer than
    /// `threads` and than the parts).
    mutating func addPartitioned(centres n: Int, threads: ThreadCount,
                                 _ loop: (_ centres: Range<Int>, _ worker: Int, _ sums: inout DirectScatter) -> Void) {
        let parts = PartitionedSums.blocks(centres: n)
        let extended = energies.count, withForces = !forces.isEmpty
        guard extended > 0 else { return }
        PartScratch.pool.withItem(make: PartScratch.init) { scratch in
            scratch.energies.reserve(parts.blockCount * extended)
            if withForces { scratch.forces.reserve(parts.blockCount * extended) }
            let partEnergies = scratch.energies.base, partForces = scratch.forces.base
            parts.forEach(threads: threads) { p, worker in
                let e = partEnergies + p * extended
                e.initialize(repeating: 0, count: extended)
                var f: UnsafeMutablePointer<Vector3>? = nil
                if withForces {
                    f = partForces + p * extended
                    f!.initialize(repeating: .zero, count: extended)
                }
                var sums = DirectScatter(energies: e, forces: f)
                loop(parts.atoms(of: p), worker, &sums)
            }
            let count = parts.blockCount
            energies.withUnsafeMutableBufferPointer { energies in
            forces.withUnsafeMutableBufferPointer { forces in
                let targets = AtomBlocks(count: extended, size: 2048)
                targets.forEach(threads: threads) { b, _ in
                    for x in targets.atoms(of: b) {
                        var energy = energies[x]
                        for p in 0..<count { energy += partEnergies[p * extended + x] }
                        energies[x] = energy
                        guard withForces else { continue }
                        var force = forces[x]
                        for p in 0..<count { force += partForces[p * extended + x] }
                        forces[x] = force
                    }
                }
            }}
        }
    }
}
