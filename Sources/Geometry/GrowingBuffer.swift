/// Raw memory that only grows, reused between evaluations (scratch of the potentials and descriptors).
/// Not a collection: the owner knows how many values it holds, and frees it with ``deallocate()``.
public struct GrowingBuffer<Value> {
    public private(set) var base: UnsafeMutablePointer<Value>
    public private(set) var capacity: Int

    public init(capacity: Int = 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Makes room for `count` values; the old contents are lost when it grows. Returns whether it grew.
    @discardableResult
    public mutating func reserve(_ count: Int) -> Bool {
        guard count > capacity else { return false }
        base.deallocate()
        capacity = max(count, 2 * capacity)
        base = .allocate(capacity: capacity)
        return true
    }

    /// Makes room for `count` values, keeping the first `kept`.
    public mutating func grow(to count: Int, keeping kept: Int) {
        guard count > capacity else { return }
        let bigger = UnsafeMutablePointer<Value>.allocate(capacity: max(count, 2 * capacity))
        bigger.moveInitialize(from: base, count: kept)
        base.deallocate()
        (base, capacity) = (bigger, max(count, 2 * capacity))
    }

    public func deallocate() { base.deallocate() }
}
