import RegistryCore

/// Any `SchemaRegistryService` with the caches a serializer needs, so the hot path asks the registry once per
/// schema rather than once per message: id -> schema, subject + schema -> registered version, subject + version
/// -> schema, and the latest version of a subject for `latestTTL`. Other calls pass straight through; deletes
/// made through this client drop what they invalidate.
public final class CachingRegistryClient: SchemaRegistryService {
    public let base: any SchemaRegistryService
    public let configuration: CachingConfiguration
    private let now: @Sendable () -> ContinuousClock.Instant

    private let byID: BoundedCache<Int, StoredSchema>
    private let registered: BoundedCache<SubmissionKey, SubjectVersion>
    private let versionsBySubject: BoundedCache<VersionKey, SubjectVersion>
    private let latest: BoundedCache<String, Expiring<SubjectVersion>>

    /// - Parameter now: The clock the TTL is measured with; injectable so expiry can be tested without waiting.
    public init(
        wrapping base: any SchemaRegistryService,
        configuration: CachingConfiguration = CachingConfiguration(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.base = base
        self.configuration = configuration
        self.now = now
        byID = BoundedCache(capacity: configuration.maxEntries)
        registered = BoundedCache(capacity: configuration.maxEntries)
        versionsBySubject = BoundedCache(capacity: configuration.maxEntries)
        latest = BoundedCache(capacity: configuration.maxEntries)
    }

    // MARK: Cached

    public func schema(id: Int) async throws(RegistryError) -> StoredSchema {
        if let hit = byID[id] { return hit }
        let schema = try await base.schema(id: id)
        byID.insert(schema, for: id)
        return schema
    }

    public func version(subject: String, _ version: VersionSelector, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        switch version {
        case .number(let number):
            let key = VersionKey(subject: subject, version: number, includeDeleted: includeDeleted)
            if let hit = versionsBySubject[key] { return hit }
            let found = try await base.version(subject: subject, version, includeDeleted: includeDeleted)
            versionsBySubject.insert(found, for: key)
            byID.insert(found.schema, for: found.id)
            return found
        case .latest:
            guard let ttl = configuration.latestTTL, ttl > .zero, !includeDeleted else {
                return try await base.version(subject: subject, .latest, includeDeleted: includeDeleted)
            }
            let moment = now()
            if let hit = latest[subject], hit.expires > moment { return hit.value }
            let found = try await base.version(subject: subject, .latest, includeDeleted: false)
            latest.insert(Expiring(value: found, expires: moment + ttl), for: subject)
            byID.insert(found.schema, for: found.id)
            return found
        }
    }

    public func register(subject: String, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> SubjectVersion {
        let key = SubmissionKey(subject: subject, submission: submission, normalize: normalize)
        if let hit = registered[key] { return hit }
        let found = try await base.register(subject: subject, submission, normalize: normalize)
        registered.insert(found, for: key)
        byID.insert(found.schema, for: found.id)
        return found
    }

    /// Shares the register cache: a schema registered under a subject is what a lookup would find there.
    public func lookup(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        let key = SubmissionKey(subject: subject, submission: submission, normalize: normalize)
        if !includeDeleted, let hit = registered[key] { return hit }
        let found = try await base.lookup(subject: subject, submission, normalize: normalize, includeDeleted: includeDeleted)
        if !found.deleted { registered.insert(found, for: key) }
        byID.insert(found.schema, for: found.id)
        return found
    }

    /// Forgets everything cached about `subject` (after a change made elsewhere, for instance).
    public func invalidate(subject: String) {
        registered.removeAll { $0.subject == subject }
        versionsBySubject.removeAll { $0.subject == subject }
        latest.removeAll { $0 == subject }
    }

    // MARK: Writes that invalidate

    public func deleteSubject(_ subject: String, permanent: Bool) async throws(RegistryError) -> [Int] {
        defer { invalidate(subject: subject) }
        return try await base.deleteSubject(subject, permanent: permanent)
    }

    public func deleteVersion(subject: String, _ version: VersionSelector, permanent: Bool) async throws(RegistryError) -> Int {
        defer { invalidate(subject: subject) }
        return try await base.deleteVersion(subject: subject, version, permanent: permanent)
    }

    // MARK: Pass-through

    public func subjects(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [String] {
        try await base.subjects(forSchemaID: id, includeDeleted: includeDeleted)
    }

    public func versions(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [SubjectVersionRef] {
        try await base.versions(forSchemaID: id, includeDeleted: includeDeleted)
    }

    public func schemaTypes() async -> [SchemaType] {
        await base.schemaTypes()
    }

    public func schemas(subjectPrefix: String?, includeDeleted: Bool, latestOnly: Bool) async throws(RegistryError) -> [SubjectVersion] {
        try await base.schemas(subjectPrefix: subjectPrefix, includeDeleted: includeDeleted, latestOnly: latestOnly)
    }

    public func subjects(prefix: String?, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [String] {
        try await base.subjects(prefix: prefix, includeDeleted: includeDeleted, deletedOnly: deletedOnly)
    }

    public func versions(subject: String, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [Int] {
        try await base.versions(subject: subject, includeDeleted: includeDeleted, deletedOnly: deletedOnly)
    }

    public func referencedBy(subject: String, _ version: VersionSelector) async throws(RegistryError) -> [Int] {
        try await base.referencedBy(subject: subject, version)
    }

    public func checkCompatibility(subject: String, version: VersionSelector?, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> CompatibilityVerdict {
        try await base.checkCompatibility(subject: subject, version: version, submission, normalize: normalize)
    }

    public func compatibilityLevel(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> CompatibilityLevel {
        try await base.compatibilityLevel(subject: subject, defaultToGlobal: defaultToGlobal)
    }

    public func setCompatibilityLevel(_ level: CompatibilityLevel, subject: String?) async throws(RegistryError) {
        try await base.setCompatibilityLevel(level, subject: subject)
    }

    public func deleteCompatibilityLevel(subject: String?) async throws(RegistryError) -> CompatibilityLevel {
        try await base.deleteCompatibilityLevel(subject: subject)
    }

    public func mode(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> RegistryMode {
        try await base.mode(subject: subject, defaultToGlobal: defaultToGlobal)
    }

    public func setMode(_ mode: RegistryMode, subject: String?, force: Bool) async throws(RegistryError) {
        try await base.setMode(mode, subject: subject, force: force)
    }

    public func deleteMode(subject: String?) async throws(RegistryError) -> RegistryMode {
        try await base.deleteMode(subject: subject)
    }
}

private struct Expiring<Value: Sendable>: Sendable {
    var value: Value
    var expires: ContinuousClock.Instant
}

private struct VersionKey: Hashable, Sendable {
    var subject: String
    var version: Int
    var includeDeleted: Bool
}

/// A submission's identity as the registry sees it (text, type, references, normalization) under a subject.
private struct SubmissionKey: Hashable, Sendable {
    var subject: String
    var schema: String
    var schemaType: SchemaType
    var references: [SchemaReference]
    var normalize: Bool

    init(subject: String, submission: SchemaSubmission, normalize: Bool) {
        self.subject = subject
        self.schema = submission.schema
        self.schemaType = submission.schemaType
        self.references = submission.references
        self.normalize = normalize
    }
}
