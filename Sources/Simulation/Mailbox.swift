import Synchronization

/// A value shared between threads behind a mutex, held only for a copy: the latest-value mailbox the
/// simulation publishes snapshots into and the inbox the UI posts commands to. Neither side ever waits
/// longer than one copy.
public final class Mailbox<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    public init(_ initial: sending Value) { storage = Mutex(initial) }

    /// A copy of the current value.
    public func load() -> Value { storage.withLock { $0 } }

    /// Replaces the value.
    public func store(_ value: Value) { storage.withLock { $0 = value } }

    /// Changes the value in place under the lock; `body` must be quick.
    public func modify<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        storage.withLock { body(&$0) }
    }
}

extension Mailbox {
    /// Appends to an inbox.
    public func post<Element>(_ element: Element) where Value == [Element] {
        modify { $0.append(element) }
    }

    /// Takes every queued element, oldest first, leaving the inbox empty.
    public func drain<Element>() -> [Element] where Value == [Element] {
        modify { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
