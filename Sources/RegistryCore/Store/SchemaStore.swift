/// Durable storage as the registry core needs it: everything once at start-up, then one transactional batch
/// per accepted write.
///
/// The core keeps its own in-memory index and never reads the store after start-up, so a store only has to be
/// good at two things: loading fast and committing a batch atomically and durably. Both calls are synchronous
/// because the core runs them on its single writer queue, never on the cooperative pool.
public protocol SchemaStore: Sendable {
    /// Every row, as committed.
    func loadAll() throws(RegistryError) -> StoreContents

    /// Commits `operations` in order, all or nothing. When this returns, the write survives a process crash.
    func apply(_ operations: [StoreOperation]) throws(RegistryError)
}

/// One schema row: the stored schema plus the identity hash it is indexed by.
public struct SchemaRow: Sendable, Equatable {
    public var schema: StoredSchema
    /// `SchemaIdentity.hash` of the schema; an index key, confirmed by comparing the full identity.
    public var identityHash: Int64

    public init(schema: StoredSchema, identityHash: Int64) {
        self.schema = schema
        self.identityHash = identityHash
    }
}

/// One (subject, version) row.
public struct VersionRow: Sendable, Equatable {
    public var subject: String
    public var version: Int
    public var schemaID: Int
    public var deleted: Bool

    public init(subject: String, version: Int, schemaID: Int, deleted: Bool) {
        self.subject = subject
        self.version = version
        self.schemaID = schemaID
        self.deleted = deleted
    }
}

/// Everything a store holds.
public struct StoreContents: Sendable, Equatable {
    public var schemas: [SchemaRow]
    public var versions: [VersionRow]
    public var globalCompatibility: CompatibilityLevel?
    public var subjectCompatibility: [String: CompatibilityLevel]
    public var globalMode: RegistryMode?
    public var subjectModes: [String: RegistryMode]
    /// The highest schema id ever assigned, kept even when that schema is gone so ids are never reused.
    public var maxSchemaID: Int

    public init(
        schemas: [SchemaRow] = [], versions: [VersionRow] = [],
        globalCompatibility: CompatibilityLevel? = nil, subjectCompatibility: [String: CompatibilityLevel] = [:],
        globalMode: RegistryMode? = nil, subjectModes: [String: RegistryMode] = [:], maxSchemaID: Int = 0
    ) {
        self.schemas = schemas
        self.versions = versions
        self.globalCompatibility = globalCompatibility
        self.subjectCompatibility = subjectCompatibility
        self.globalMode = globalMode
        self.subjectModes = subjectModes
        self.maxSchemaID = maxSchemaID
    }
}

/// One change to the stored state. The core applies the same list to its memory after the store committed it,
/// which is what keeps the two coherent.
public enum StoreOperation: Sendable, Equatable {
    case insertSchema(SchemaRow)
    case deleteSchema(id: Int)
    /// Inserts the version, or updates it when it exists.
    case putVersion(VersionRow)
    case deleteVersion(subject: String, version: Int)
    /// `subject` nil is the global setting; `level` nil removes the setting.
    case setCompatibility(subject: String?, level: CompatibilityLevel?)
    /// `subject` nil is the global setting; `mode` nil removes the setting.
    case setMode(subject: String?, mode: RegistryMode?)
    case setMaxSchemaID(Int)
}
