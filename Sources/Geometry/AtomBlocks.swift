import Dispatch
import Foundation
import Synchronization

/// The atoms 0 ..< count cut into consecutive blocks of a fixed ``size``, the unit of parallel work.
///
/// The cut depends on the atom count alone, never on the number of threads: each block's partial
/// results are computed the same way whichever thread runs it, and callers combine them in block
/// order, so an evaluation gives the same bits on 1 thread or 1000.
public struct AtomBlocks: Sendable, Hashable {
    /// Number of atoms covered.
    public let count: Int
    /// Atoms per block (the last block may hold fewer).
    public let size: Int

    /// Atoms per block by default: small enough that a few hundred atoms keep two cores busy and
    /// blocks balance, large enough that handing one out costs nothing next to its work.
    public static let defaultSize = 16

    public init(count: Int, size: Int = AtomBlocks.defaultSize) {
        precondition(count >= 0 && size >= 1, "AtomBlocks needs count >= 0 and size >= 1")
        self.count = count
        self.size = size
    }

    /// Number of blocks, ⌈count / size⌉.
    public var blockCount: Int { (count + size - 1) / size }

    /// The atoms of block b.
    @inlinable public func atoms(of b: Int) -> Range<Int> { (b * size)..<min(count, (b + 1) * size) }

    /// Threads ``forEach(threads:_:)`` uses: no more than there are blocks, and one inside another
    /// `forEach`'s block (see there). Size per-worker scratch by it, and take the serial path when it is
    /// one: a potential evaluated by each of compare mode's or training's parallel runs then adds
    /// straight into its sums instead of recording additions for a replay.
    public func workers(_ threads: ThreadCount) -> Int {
        pthread_getspecific(insideWorkerKey) == nil ? max(1, min(threads.value, blockCount)) : 1
    }

    /// Calls `body(block, worker)` once for every block, on up to `threads` threads at once (the calling
    /// thread among them); `worker` is in 0 ..< min(threads, blockCount) and no two concurrent calls
    /// share one, so it can index per-thread scratch memory. Returns when every block is done.
    ///
    /// Blocks are handed out in order from a shared counter, so which worker runs a block varies;
    /// `body` must make a block's result depend on the block alone.
    ///
    /// Called from inside another `forEach` (a potential evaluated by each of several training or drift
    /// runs already sharing the cores), it runs its blocks on the calling thread: the outer loop keeps
    /// the cores busy, and nesting would only add hand-over costs.
    public func forEach(threads: ThreadCount, _ body: (_ block: Int, _ worker: Int) -> Void) {
        let blocks = blockCount
        let workers = workers(threads)
        if workers <= 1 {
            for b in 0..<blocks { body(b, 0) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBody(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let outer = pthread_getspecific(insideWorkerKey)
                pthread_setspecific(insideWorkerKey, UnsafeRawPointer(bitPattern: 1))  // any non-nil value
                defer { pthread_setspecific(insideWorkerKey, outer) }
                while true {
                    let b = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if b >= blocks { break }
                    shared.body(b, worker)
                }
            }
        }
    }
}

/// The caller's closure, handed to the workers. Safe because ``AtomBlocks/forEach(threads:_:)``
/// requires blocks to touch disjoint memory (or per-worker scratch) and waits for every worker.
private struct UncheckedBody: @unchecked Sendable {
    let body: (Int, Int) -> Void
    init(_ body: @escaping (Int, Int) -> Void) { self.body = body }
}

/// Thread-specific flag set while a thread runs blocks of ``AtomBlocks/forEach(threads:_:)``.
private let insideWorkerKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()
