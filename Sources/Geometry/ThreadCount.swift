import Foundation
import Synchronization

/// How many threads an evaluation may use: a whole number from 1 to ``maximum``, checked when it is
/// made, so a potential never sees zero, a negative count or a runaway one.
///
/// Results never depend on it: work is split into fixed blocks of atoms (``AtomBlocks``) and their
/// partial results are combined in block order, whatever the number of threads.
public struct ThreadCount: Sendable, Hashable, CustomStringConvertible {
    /// The number of threads, 1 ... ``maximum``.
    public let value: Int

    /// The largest count accepted: far beyond any machine this runs on, small enough that a typo
    /// (`--threads 100000`) is refused rather than spawning a runaway number of workers.
    public static let maximum = 1024

    /// A count outside 1 ... ``maximum``.
    public struct OutOfRange: Error, Sendable, Equatable, CustomStringConvertible {
        public let value: Int
        public var description: String { "a thread count must be a whole number from 1 to \(ThreadCount.maximum): \(value)" }
    }

    /// Fails with ``OutOfRange`` unless 1 ≤ `value` ≤ ``maximum``.
    public init(_ value: Int) throws(OutOfRange) {
        guard value >= 1 && value <= ThreadCount.maximum else { throw OutOfRange(value: value) }
        self.value = value
    }

    private init(unchecked value: Int) { self.value = value }

    /// One thread: the calling one.
    public static let one = ThreadCount(unchecked: 1)

    /// Every core the process may use (ProcessInfo.activeProcessorCount, capped at ``maximum``).
    public static var allCores: ThreadCount {
        ThreadCount(unchecked: min(max(1, ProcessInfo.processInfo.activeProcessorCount), maximum))
    }

    private static let processWide = Mutex<ThreadCount?>(nil)

    /// The count used by every potential that was not given its own: all cores unless the program
    /// set another (`nnplab --threads N` sets it once, before any evaluation).
    public static var current: ThreadCount {
        get { processWide.withLock { $0 } ?? allCores }
        set { processWide.withLock { $0 = newValue } }
    }

    public var description: String { String(value) }
}
