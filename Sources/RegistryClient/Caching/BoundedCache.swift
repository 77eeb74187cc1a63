import Synchronization

/// A thread-safe dictionary that empties itself when full. Emptying rather than evicting one entry keeps the
/// hit path a single lock and lookup; the caches it backs refill from the registry in a handful of calls.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: Key) -> Value? {
        storage.withLock { $0[key] }
    }

    func insert(_ value: Value, for key: Key) {
        storage.withLock { entries in
            if entries.count >= capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }

    func removeAll(where shouldRemove: (Key) -> Bool) {
        storage.withLock { entries in
            entries = entries.filter { !shouldRemove($0.key) }
        }
    }
}
