import Geometry
import Synchronization

/// Scratch memory kept between evaluations, so a step of MD reuses the memory (and the page faults)
/// of the last one instead of allocating it afresh. Each evaluation takes an item of its own; at most
/// `capacity` items are kept (concurrent evaluations beyond it make and discard their own).
final class ScratchPool<Item: Sendable>: Sendable {
    private let kept = Mutex<[Item]>([])
    private let capacity: Int

    init(keeping capacity: Int) { self.capacity = capacity }

    /// Runs `body` with a kept item (or one from `make`), kept again afterwards if there is room,
    /// else handed to `discard`.
    func withItem<R>(make: () -> Item, discard: (Item) -> Void = { _ in }, _ body: (inout Item) -> R) -> R {
        var item = kept.withLock { $0.popLast() } ?? make()
        let result = body(&item)
        let stored = kept.withLock { items in
            guard items.count < capacity else { return false }
            items.append(item)
            return true
        }
        if !stored { discard(item) }
        return result
    }
}
