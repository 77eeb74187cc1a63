/// The registry's in-memory index: everything the store holds, arranged for the lookups the API makes.
///
/// A plain value mutated only by `apply(_:)`, with the same operations the store just committed, so memory and
/// disk cannot drift apart. Texts are not parsed here; parsing is lazy (see `ParsedSchemaCache`).
struct RegistryState: Sendable {
    struct Version: Sendable, Equatable {
        var version: Int
        var schemaID: Int
        var deleted: Bool
    }

    var schemas: [Int: SchemaRow] = [:]
    var idsByHash: [Int64: [Int]] = [:]
    /// Versions of each subject, ascending by version number.
    var subjects: [String: [Version]] = [:]
    /// Where each schema id is used.
    var usages: [Int: [SubjectVersionRef]] = [:]
    /// Ids of schemas whose references name a (subject, version).
    var referrers: [SubjectVersionRef: Set<Int>] = [:]
    var globalLevel: CompatibilityLevel?
    var subjectLevels: [String: CompatibilityLevel] = [:]
    var globalMode: RegistryMode?
    var subjectModes: [String: RegistryMode] = [:]
    var maxSchemaID = 0

    init() {}

    init(_ contents: StoreContents) {
        schemas.reserveCapacity(contents.schemas.count)
        for row in contents.schemas { insertSchema(row) }
        for row in contents.versions { putVersion(row) }
        globalLevel = contents.globalCompatibility
        subjectLevels = contents.subjectCompatibility
        globalMode = contents.globalMode
        subjectModes = contents.subjectModes
        maxSchemaID = max(contents.maxSchemaID, schemas.keys.max() ?? 0)
    }

    mutating func apply(_ operations: [StoreOperation]) {
        for operation in operations {
            switch operation {
            case .insertSchema(let row): insertSchema(row)
            case .deleteSchema(let id): deleteSchema(id)
            case .putVersion(let row): putVersion(row)
            case .deleteVersion(let subject, let version): deleteVersion(subject: subject, version: version)
            case .setCompatibility(let subject, let level):
                if let subject { subjectLevels[subject] = level } else { globalLevel = level }
            case .setMode(let subject, let mode):
                if let subject { subjectModes[subject] = mode } else { globalMode = mode }
            case .setMaxSchemaID(let id): maxSchemaID = max(maxSchemaID, id)
            }
        }
    }

    private mutating func insertSchema(_ row: SchemaRow) {
        let id = row.schema.id
        schemas[id] = row
        idsByHash[row.identityHash, default: []].append(id)
        for reference in row.schema.references {
            referrers[SubjectVersionRef(subject: reference.subject, version: reference.version), default: []].insert(id)
        }
        maxSchemaID = max(maxSchemaID, id)
    }

    private mutating func deleteSchema(_ id: Int) {
        guard let row = schemas.removeValue(forKey: id) else { return }
        idsByHash[row.identityHash]?.removeAll { $0 == id }
        if idsByHash[row.identityHash]?.isEmpty == true { idsByHash[row.identityHash] = nil }
        for reference in row.schema.references {
            let key = SubjectVersionRef(subject: reference.subject, version: reference.version)
            referrers[key]?.remove(id)
            if referrers[key]?.isEmpty == true { referrers[key] = nil }
        }
        usages[id] = nil
    }

    private mutating func putVersion(_ row: VersionRow) {
        let entry = Version(version: row.version, schemaID: row.schemaID, deleted: row.deleted)
        var versions = subjects.removeValue(forKey: row.subject) ?? []
        if let index = versions.firstIndex(where: { $0.version == row.version }) {
            let previous = versions[index]
            versions[index] = entry
            if previous.schemaID != row.schemaID {
                removeUsage(id: previous.schemaID, subject: row.subject, version: row.version)
                addUsage(id: row.schemaID, subject: row.subject, version: row.version)
            }
        } else {
            let index = versions.firstIndex(where: { $0.version > row.version }) ?? versions.endIndex
            versions.insert(entry, at: index)
            addUsage(id: row.schemaID, subject: row.subject, version: row.version)
        }
        subjects[row.subject] = versions
    }

    private mutating func deleteVersion(subject: String, version: Int) {
        guard var versions = subjects.removeValue(forKey: subject) else { return }
        if let index = versions.firstIndex(where: { $0.version == version }) {
            removeUsage(id: versions[index].schemaID, subject: subject, version: version)
            versions.remove(at: index)
        }
        if !versions.isEmpty { subjects[subject] = versions }
    }

    private mutating func addUsage(id: Int, subject: String, version: Int) {
        usages[id, default: []].append(SubjectVersionRef(subject: subject, version: version))
    }

    private mutating func removeUsage(id: Int, subject: String, version: Int) {
        usages[id]?.removeAll { $0.subject == subject && $0.version == version }
        if usages[id]?.isEmpty == true { usages[id] = nil }
    }

    // MARK: Queries

    func storedSchema(_ id: Int) -> StoredSchema? { schemas[id]?.schema }

    /// Ids registered with exactly this identity, lowest first.
    func ids(for identity: SchemaIdentity) -> [Int] {
        guard let candidates = idsByHash[identity.hash] else { return [] }
        return candidates.filter { id in schemas[id].map { SchemaIdentity($0.schema) == identity } ?? false }.sorted()
    }

    func liveVersions(_ subject: String) -> [Version] {
        (subjects[subject] ?? []).filter { !$0.deleted }
    }

    /// Is this schema id used by at least one live version?
    func isLive(_ id: Int) -> Bool {
        guard let refs = usages[id] else { return false }
        return refs.contains { ref in
            subjects[ref.subject]?.contains { $0.version == ref.version && !$0.deleted } ?? false
        }
    }

    /// Live schemas whose references name this version.
    func liveReferrers(subject: String, version: Int) -> [Int] {
        (referrers[SubjectVersionRef(subject: subject, version: version)] ?? []).filter(isLive).sorted()
    }

    func subjectVersion(_ subject: String, _ entry: Version) -> SubjectVersion? {
        guard let schema = schemas[entry.schemaID]?.schema else { return nil }
        return SubjectVersion(subject: subject, version: entry.version, schema: schema, deleted: entry.deleted)
    }

    /// The mode that governs writes to `subject` (`nil` = global): a global READONLY_OVERRIDE wins over all.
    func effectiveMode(_ subject: String?) -> RegistryMode {
        if globalMode == .readOnlyOverride { return .readOnlyOverride }
        if let subject, let mode = subjectModes[subject] { return mode }
        return globalMode ?? .readWrite
    }

    func effectiveLevel(_ subject: String) -> CompatibilityLevel {
        subjectLevels[subject] ?? globalLevel ?? .backward
    }

    /// Does any subject in the scope (`nil` = all) have a live version?
    func hasLiveSchemas(_ subject: String?) -> Bool {
        if let subject { return !liveVersions(subject).isEmpty }
        return subjects.values.contains { $0.contains { !$0.deleted } }
    }
}
