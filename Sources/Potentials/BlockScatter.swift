import Geometry

/// Where a potential's loop over centre atoms sends its scatter-adds: energy and force shares landing
/// on other atoms (neighbours, ghosts, owners), the step that makes naive parallel loops race.
protocol Scatter {
    /// energies[e] += value.
    mutating func addEnergy(_ value: Double, to e: Int)
    /// forces[e] += value.
    mutating func addForce(_ value: Vector3, to e: Int)
}

/// Adds straight into the sums: the single-threaded path, and the target of ``ScatterLog/replay(into:)``.
struct DirectScatter: Scatter {
    /// Nil only when there is nothing to add to (no atoms).
    let energies: UnsafeMutablePointer<Double>?
    /// Nil when forces were not requested.
    let forces: UnsafeMutablePointer<Vector3>?

    @inline(__always) mutating func addEnergy(_ value: Double, to e: Int) { energies![e] += value }
    @inline(__always) mutating func addForce(_ value: Vector3, to e: Int) { forces![e] += value }
}

/// One block's scatter-adds, recorded in the order they were made, to be replayed later.
///
/// Replaying the blocks' logs in block order performs every addition to every sum in exactly the
/// order a single-threaded loop over the atoms makes it, so the sums come out bit for bit the same
/// on any number of threads, and the same as the plain serial loop. The replay is serial: right for
/// the NNP, whose per-atom work (descriptors, network) dwarfs it. The cheap teachers instead store
/// their additions by list slot and sum them per target in parallel (Lennard-Jones, ``SlotGather``),
/// or add in fixed parts (Stillinger-Weber, ``PartitionedSums``).
///
/// Recording sits in the innermost loop of every potential (a Lennard-Jones pair costs a few
/// nanoseconds), so the log is raw memory that only grows: an addition is a compare and two stores,
/// with no reference counting or copy-on-write checks. Its memory lives until ``deallocate()``.
struct ScatterLog: Scatter {
    private var energies = EventBuffer<Double>()
    private var forces = EventBuffer<Vector3>()

    @inline(__always) mutating func addEnergy(_ value: Double, to e: Int) { energies.append(value, to: e) }
    @inline(__always) mutating func addForce(_ value: Vector3, to e: Int) { forces.append(value, to: e) }

    /// Forgets the recorded additions but keeps the memory, for the next evaluation.
    mutating func clear() { energies.count = 0; forces.count = 0 }

    /// Performs the recorded additions, in order. Energies and forces are separate sums, so only the
    /// order within each matters.
    func replay(into sums: inout DirectScatter) {
        for k in 0..<energies.count { sums.addEnergy(energies.values.base[k], to: Int(energies.targets.base[k])) }
        for k in 0..<forces.count { sums.addForce(forces.values.base[k], to: Int(forces.targets.base[k])) }
    }

    /// Frees the log's memory; the log must not be used afterwards.
    func deallocate() { energies.deallocate(); forces.deallocate() }
}

/// Growable raw storage of (target, value) additions for ``ScatterLog``.
private struct EventBuffer<Value> {
    private(set) var targets = GrowingBuffer<Int32>(capacity: 256)
    private(set) var values = GrowingBuffer<Value>(capacity: 256)
    var count = 0

    @inline(__always) mutating func append(_ value: Value, to e: Int) {
        if count == targets.capacity { grow() }
        targets.base[count] = Int32(truncatingIfNeeded: e)
        (values.base + count).initialize(to: value)
        count += 1
    }

    /// Doubles the capacity, keeping the recorded events (rare: a log reaches its block's size
    /// in the first evaluation and is reused after that).
    @inline(never) private mutating func grow() {
        targets.grow(to: count + 1, keeping: count)
        values.grow(to: count + 1, keeping: count)
    }

    func deallocate() { targets.deallocate(); values.deallocate() }
}

/// A potential's loop body over a range of centre atoms, generic in where its scatter-adds go.
/// Per-thread scratch memory is indexed by `worker`.
protocol BlockKernel {
    func run<S: Scatter>(atoms: Range<Int>, worker: Int, into scatter: inout S)
}

extension BlockKernel {
    /// Runs the kernel over atoms 0 ..< `count` on up to `threads` threads and leaves the sums in `sums`.
    ///
    /// One worker: a single call over every atom, adding directly. More: fixed blocks
    /// (``AtomBlocks``) each record a ``ScatterLog`` in parallel, replayed in block order. Either way
    /// the additions happen in the same order, so the result does not depend on `threads`.
    ///
    /// A loop so cheap that writing and replaying the logs costs as much as the loop itself passes
    /// ``ThreadCount/one`` below its break-even size (see ``SplitThreshold``).
    func runBlocks(count: Int, threads: ThreadCount, into sums: inout DirectScatter) {
        let blocks = AtomBlocks(count: count)
        guard blocks.workers(threads) > 1 else {
            run(atoms: 0..<count, worker: 0, into: &sums)
            return
        }
        ScatterLog.pool.withItem(make: { [] }, discard: { $0.forEach { $0.deallocate() } }) { logs in
            while logs.count < blocks.blockCount { logs.append(ScatterLog()) }
            logs.withUnsafeMutableBufferPointer { logs in
                blocks.forEach(threads: threads) { b, worker in
                    logs[b].clear()
                    run(atoms: blocks.atoms(of: b), worker: worker, into: &logs[b])
                }
                for b in 0..<blocks.blockCount { logs[b].replay(into: &sums) }
            }
        }
    }
}

extension ScatterLog {
    /// Sets of block logs kept between evaluations (one set per evaluation); a set that finds no room
    /// in the pool frees its memory.
    static let pool = ScratchPool<[ScatterLog]>(keeping: 4)
}

/// The pool moves a set of logs between evaluations; a set is owned by one evaluation at a time.
extension ScatterLog: @unchecked Sendable {}
