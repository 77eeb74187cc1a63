import Synchronization

/// Parsed schemas by global id, filled on first use.
///
/// Start-up never parses (100,000 schemas would not load in two seconds); a schema is parsed the first time a
/// compatibility check or a validator needs it, and stays parsed while its id exists.
final class ParsedSchemaCache: Sendable {
    private let entries = Mutex<[Int: any ParsedSchema]>([:])

    func get(_ id: Int) -> (any ParsedSchema)? {
        entries.withLock { $0[id] }
    }

    func put(_ id: Int, _ parsed: any ParsedSchema) {
        entries.withLock { $0[id] = parsed }
    }

    func remove(_ ids: [Int]) {
        guard !ids.isEmpty else { return }
        entries.withLock { cache in
            for id in ids { cache[id] = nil }
        }
    }
}
