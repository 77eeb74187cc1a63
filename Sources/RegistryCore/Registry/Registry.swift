import Synchronization

/// The schema registry: Confluent's rules over a `SchemaStore`, served from memory.
///
/// Reads take a short lock on the in-memory index and never touch the store. Writes go through one serial
/// writer that decides against the current index, commits to the store, and only then updates memory, so a
/// reader never sees a change that is not durable, and concurrent identical registrations collapse to one.
public final class Registry: SchemaRegistryService {
    let store: any SchemaStore
    let formats: [SchemaType: any SchemaFormat]
    let state: Mutex<RegistryState>
    let parsedCache = ParsedSchemaCache()
    let identityCache = IdentityCache()
    let writer = WriteQueue()

    /// Loads everything from `store`. `formats` are the schema types this registry accepts.
    public init(store: any SchemaStore, formats: [any SchemaFormat] = [AvroFormat(), JSONFormat()]) throws(RegistryError) {
        self.store = store
        var byType: [SchemaType: any SchemaFormat] = [:]
        for format in formats { byType[format.type] = format }
        self.formats = byType
        let contents = try store.loadAll()
        self.state = Mutex(RegistryState(contents))
    }

    /// Runs `body` against the current index under the readers' lock; keep it short.
    func read<T: Sendable>(_ body: (borrowing RegistryState) throws(RegistryError) -> T) throws(RegistryError) -> T {
        try state.withLock { (state: inout RegistryState) throws(RegistryError) -> T in try body(state) }
    }

    /// Commits `operations` to the store, then to memory. Only called on the writer queue.
    func commit(_ operations: [StoreOperation]) throws(RegistryError) {
        guard !operations.isEmpty else { return }
        try store.apply(operations)
        state.withLock { $0.apply(operations) }
        let removed = operations.compactMap { op -> Int? in
            if case .deleteSchema(let id) = op { return id }
            return nil
        }
        parsedCache.remove(removed)
        if operations.contains(where: { if case .deleteVersion = $0 { return true } else { return false } }) {
            identityCache.removeAll()
        }
    }

    // MARK: Schemas by id

    public func schema(id: Int) async throws(RegistryError) -> StoredSchema {
        try schemaSynchronously(id: id)
    }

    public func subjects(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [String] {
        let refs = try await versions(forSchemaID: id, includeDeleted: includeDeleted)
        var seen = Set<String>()
        return refs.map(\.subject).filter { seen.insert($0).inserted }
    }

    public func versions(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [SubjectVersionRef] {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> [SubjectVersionRef] in
            guard s.schemas[id] != nil else { throw .schemaNotFound(id: id) }
            let refs = (s.usages[id] ?? []).filter { ref in
                includeDeleted || (s.subjects[ref.subject]?.contains { $0.version == ref.version && !$0.deleted } ?? false)
            }
            return refs.sorted { ($0.subject, $0.version) < ($1.subject, $1.version) }
        }
    }

    public func schemaTypes() async -> [SchemaType] {
        SchemaType.allCases.filter { formats[$0] != nil }
    }

    public func schemas(subjectPrefix: String?, includeDeleted: Bool, latestOnly: Bool) async throws(RegistryError) -> [SubjectVersion] {
        try read { (s: borrowing RegistryState) -> [SubjectVersion] in
            var result: [SubjectVersion] = []
            for subject in s.subjects.keys.sorted() where subjectPrefix.map({ subject.hasPrefix($0) }) ?? true {
                let versions = (s.subjects[subject] ?? []).filter { includeDeleted || !$0.deleted }
                let chosen = latestOnly ? Array(versions.suffix(1)) : versions
                result.append(contentsOf: chosen.compactMap { s.subjectVersion(subject, $0) })
            }
            return result
        }
    }

    // MARK: Subjects and versions

    public func subjects(prefix: String?, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [String] {
        try read { (s: borrowing RegistryState) -> [String] in
            s.subjects.compactMap { subject, versions -> String? in
                if let prefix, !subject.hasPrefix(prefix) { return nil }
                // A subject counts as deleted when every version is.
                let deleted = versions.allSatisfy(\.deleted)
                if deletedOnly { return deleted ? subject : nil }
                return (includeDeleted || !deleted) ? subject : nil
            }.sorted()
        }
    }

    public func versions(subject: String, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [Int] {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> [Int] in
            let all = s.subjects[subject] ?? []
            let chosen = all.filter { deletedOnly ? $0.deleted : (includeDeleted || !$0.deleted) }
            if chosen.isEmpty && (deletedOnly ? all.isEmpty : true) { throw .subjectNotFound(subject) }
            return chosen.map(\.version)
        }
    }

    public func version(subject: String, _ version: VersionSelector, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> SubjectVersion in
            let entry = try Self.find(in: s, subject: subject, version, includeDeleted: includeDeleted)
            guard let result = s.subjectVersion(subject, entry) else { throw .schemaNotFound(id: entry.schemaID) }
            return result
        }
    }

    public func referencedBy(subject: String, _ version: VersionSelector) async throws(RegistryError) -> [Int] {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> [Int] in
            let entry = try Self.find(in: s, subject: subject, version, includeDeleted: true)
            return s.liveReferrers(subject: subject, version: entry.version)
        }
    }

    /// Resolves a version selector: 40401 when the subject has nothing visible, 40402 when the number is unknown.
    static func find(in s: borrowing RegistryState, subject: String, _ selector: VersionSelector, includeDeleted: Bool) throws(RegistryError) -> RegistryState.Version {
        let visible = (s.subjects[subject] ?? []).filter { includeDeleted || !$0.deleted }
        guard let latest = visible.last else { throw .subjectNotFound(subject) }
        switch selector {
        case .latest:
            return latest
        case .number(let n):
            guard let entry = visible.first(where: { $0.version == n }) else { throw .versionNotFound(String(n)) }
            return entry
        }
    }
}

extension Registry: SynchronousSchemaReads {
    public func schemaSynchronously(id: Int) throws(RegistryError) -> StoredSchema {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> StoredSchema in
            guard let schema = s.storedSchema(id) else { throw .schemaNotFound(id: id) }
            return schema
        }
    }
}
