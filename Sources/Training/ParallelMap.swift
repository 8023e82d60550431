import Geometry

/// Evaluates `body(0..<count)` on all cores and returns the results in index order.
///
/// Each iteration writes only its own slot, and callers combine the results in index order, so a
/// parallel computation gives the same bits as a serial one, on any number of cores. Training keeps
/// every core whatever `--threads` says (it is the one parallel-for, ``AtomBlocks``, with blocks of one).
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = SlotBuffer<T>(count: count)
    AtomBlocks(count: count, size: 1).forEach(threads: .allCores) { i, _ in slots.store(body(i), at: i) }
    return slots.results()
}

/// Write-once slots for ``parallelMap(_:_:)``: distinct iterations touch distinct slots only.
private final class SlotBuffer<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }
    deinit { base.deinitialize(count: count); base.deallocate() }
    func store(_ value: T, at i: Int) { base[i] = value }
    func results() -> [T] { (0..<count).map { base[$0]! } }
}
