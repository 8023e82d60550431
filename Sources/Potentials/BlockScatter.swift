import Geometry
import Synchronization

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
/// on any number of threads, and the same as the plain serial loop.
struct ScatterLog: Scatter {
    private var energyTarget: [Int32] = []
    private var energyValue: [Double] = []
    private var forceTarget: [Int32] = []
    private var forceValue: [Vector3] = []

    @inline(__always) mutating func addEnergy(_ value: Double, to e: Int) {
        energyTarget.append(Int32(truncatingIfNeeded: e)); energyValue.append(value)
    }

    @inline(__always) mutating func addForce(_ value: Vector3, to e: Int) {
        forceTarget.append(Int32(truncatingIfNeeded: e)); forceValue.append(value)
    }

    /// Forgets the recorded additions but keeps the memory, for the next evaluation.
    mutating func clear() {
        energyTarget.removeAll(keepingCapacity: true); energyValue.removeAll(keepingCapacity: true)
        forceTarget.removeAll(keepingCapacity: true); forceValue.removeAll(keepingCapacity: true)
    }

    /// Performs the recorded additions, in order. Energies and forces are separate sums, so only the
    /// order within each matters.
    func replay(into sums: inout DirectScatter) {
        for k in energyValue.indices { sums.addEnergy(energyValue[k], to: Int(energyTarget[k])) }
        for k in forceValue.indices { sums.addForce(forceValue[k], to: Int(forceTarget[k])) }
    }
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
    func runBlocks(count: Int, threads: ThreadCount, into sums: inout DirectScatter) {
        let blocks = AtomBlocks(count: count)
        guard blocks.workers(threads) > 1 else {
            run(atoms: 0..<count, worker: 0, into: &sums)
            return
        }
        var logs = ScatterLog.pool.withLock { $0.popLast() } ?? []
        if logs.count < blocks.blockCount { logs += repeatElement(ScatterLog(), count: blocks.blockCount - logs.count) }
        logs.withUnsafeMutableBufferPointer { logs in
            blocks.forEach(threads: threads) { b, worker in
                logs[b].clear()
                run(atoms: blocks.atoms(of: b), worker: worker, into: &logs[b])
            }
            for b in 0..<blocks.blockCount { logs[b].replay(into: &sums) }
        }
        ScatterLog.pool.withLock { pool in if pool.count < ScatterLog.pooledSets { pool.append(logs) } }
    }
}

extension ScatterLog {
    /// Sets of block logs kept between evaluations, so a step of MD reuses the memory of the last
    /// one instead of allocating (and page-faulting) it afresh. Each evaluation takes a set of its own.
    static let pool = Mutex<[[ScatterLog]]>([])
    /// At most this many sets are kept (concurrent evaluations beyond it allocate their own).
    static let pooledSets = 4
}
