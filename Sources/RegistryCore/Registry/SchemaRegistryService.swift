/// The registry's operations, one per Confluent REST endpoint.
///
/// The HTTP server is written against this protocol, and so are clients: the in-process `Registry` and (later)
/// an HTTP client for a remote registry both conform, so a service can switch between them without change.
public protocol SchemaRegistryService: Sendable {
    // MARK: Schemas by id
    func schema(id: Int) async throws(RegistryError) -> StoredSchema
    func subjects(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [String]
    func versions(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [SubjectVersionRef]
    func schemaTypes() async -> [SchemaType]
    /// `GET /schemas`: every version matching the filters, ordered by subject then version.
    func schemas(subjectPrefix: String?, includeDeleted: Bool, latestOnly: Bool) async throws(RegistryError) -> [SubjectVersion]

    // MARK: Subjects and versions
    func subjects(prefix: String?, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [String]
    func versions(subject: String, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [Int]
    func version(subject: String, _ version: VersionSelector, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion
    /// Ids of live schemas that reference this version.
    func referencedBy(subject: String, _ version: VersionSelector) async throws(RegistryError) -> [Int]

    /// Registers (or finds, when already registered) a schema under a subject. Idempotent.
    func register(subject: String, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> SubjectVersion
    /// Is this schema registered under this subject? (`POST /subjects/{s}`)
    func lookup(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion

    /// Returns the versions deleted.
    func deleteSubject(_ subject: String, permanent: Bool) async throws(RegistryError) -> [Int]
    /// Returns the version deleted.
    func deleteVersion(subject: String, _ version: VersionSelector, permanent: Bool) async throws(RegistryError) -> Int

    // MARK: Compatibility
    /// Against one version (`version` given) or, with `nil`, against the versions the subject's level names.
    func checkCompatibility(subject: String, version: VersionSelector?, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> CompatibilityVerdict

    // MARK: Config and mode (subject `nil` = global)
    func compatibilityLevel(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> CompatibilityLevel
    func setCompatibilityLevel(_ level: CompatibilityLevel, subject: String?) async throws(RegistryError)
    /// Returns the level that was set before; global resets to the default.
    func deleteCompatibilityLevel(subject: String?) async throws(RegistryError) -> CompatibilityLevel

    func mode(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> RegistryMode
    func setMode(_ mode: RegistryMode, subject: String?, force: Bool) async throws(RegistryError)
    func deleteMode(subject: String?) async throws(RegistryError) -> RegistryMode
}
