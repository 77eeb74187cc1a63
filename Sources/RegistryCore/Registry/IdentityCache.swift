import Synchronization

/// Submitted text -> identity, so a repeated lookup (what serializers do on every new producer) skips parsing.
///
/// Parsing and canonicalizing dominate a lookup; clients send the same text again and again. Only submissions
/// whose references are pinned to numbers are cached (a `-1` means a different thing after each registration),
/// and the whole cache is dropped on any permanent delete, the one change that can give a pinned
/// (subject, version) a different schema later.
final class IdentityCache: Sendable {
    struct Key: Hashable, Sendable {
        var schemaType: SchemaType
        var text: String
        var references: [SchemaReference]
        var normalize: Bool
    }

    private struct Entries {
        var map: [Key: SchemaIdentity] = [:]
        var bytes = 0
    }

    private let entries = Mutex(Entries())
    private let maxEntries: Int
    private let maxBytes: Int

    init(maxEntries: Int = 20_000, maxBytes: Int = 64 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    static func key(_ submission: SchemaSubmission, normalize: Bool) -> Key? {
        guard !submission.references.contains(where: { $0.version == -1 }) else { return nil }
        return Key(schemaType: submission.schemaType, text: submission.schema, references: submission.references, normalize: normalize)
    }

    func get(_ key: Key) -> SchemaIdentity? {
        entries.withLock { $0.map[key] }
    }

    /// Full means start over: cheaper than tracking recency, and a working set that fits refills at once.
    func put(_ key: Key, _ identity: SchemaIdentity) {
        let size = key.text.utf8.count + identity.text.utf8.count
        entries.withLock { e in
            if e.map.count >= maxEntries || e.bytes + size > maxBytes {
                e.map.removeAll(keepingCapacity: true)
                e.bytes = 0
            }
            if e.map.updateValue(identity, forKey: key) == nil { e.bytes += size }
        }
    }

    func removeAll() {
        entries.withLock { e in
            e.map.removeAll()
            e.bytes = 0
        }
    }
}
