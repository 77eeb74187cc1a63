import RegistryCore
import Synchronization

/// Forwards every call to a real registry service and counts calls by operation name.
final class CountingService: SchemaRegistryService {
    private let base: any SchemaRegistryService
    private let counts = Mutex<[String: Int]>([:])

    init(_ base: any SchemaRegistryService) {
        self.base = base
    }

    func count(_ operation: String) -> Int { counts.withLock { $0[operation] ?? 0 } }
    private func hit(_ operation: String) { counts.withLock { $0[operation, default: 0] += 1 } }

    func schema(id: Int) async throws(RegistryError) -> StoredSchema { hit("schema"); return try await base.schema(id: id) }
    func subjects(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [String] {
        hit("subjectsForID"); return try await base.subjects(forSchemaID: id, includeDeleted: includeDeleted)
    }
    func versions(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [SubjectVersionRef] {
        hit("versionsForID"); return try await base.versions(forSchemaID: id, includeDeleted: includeDeleted)
    }
    func schemaTypes() async -> [SchemaType] { hit("schemaTypes"); return await base.schemaTypes() }
    func schemas(subjectPrefix: String?, includeDeleted: Bool, latestOnly: Bool) async throws(RegistryError) -> [SubjectVersion] {
        hit("schemas"); return try await base.schemas(subjectPrefix: subjectPrefix, includeDeleted: includeDeleted, latestOnly: latestOnly)
    }
    func subjects(prefix: String?, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [String] {
        hit("subjects"); return try await base.subjects(prefix: prefix, includeDeleted: includeDeleted, deletedOnly: deletedOnly)
    }
    func versions(subject: String, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [Int] {
        hit("versions"); return try await base.versions(subject: subject, includeDeleted: includeDeleted, deletedOnly: deletedOnly)
    }
    func version(subject: String, _ version: VersionSelector, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        hit("version"); return try await base.version(subject: subject, version, includeDeleted: includeDeleted)
    }
    func referencedBy(subject: String, _ version: VersionSelector) async throws(RegistryError) -> [Int] {
        hit("referencedBy"); return try await base.referencedBy(subject: subject, version)
    }
    func register(subject: String, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> SubjectVersion {
        hit("register"); return try await base.register(subject: subject, submission, normalize: normalize)
    }
    func lookup(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        hit("lookup"); return try await base.lookup(subject: subject, submission, normalize: normalize, includeDeleted: includeDeleted)
    }
    func deleteSubject(_ subject: String, permanent: Bool) async throws(RegistryError) -> [Int] {
        hit("deleteSubject"); return try await base.deleteSubject(subject, permanent: permanent)
    }
    func deleteVersion(subject: String, _ version: VersionSelector, permanent: Bool) async throws(RegistryError) -> Int {
        hit("deleteVersion"); return try await base.deleteVersion(subject: subject, version, permanent: permanent)
    }
    func checkCompatibility(subject: String, version: VersionSelector?, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> CompatibilityVerdict {
        hit("checkCompatibility"); return try await base.checkCompatibility(subject: subject, version: version, submission, normalize: normalize)
    }
    func compatibilityLevel(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> CompatibilityLevel {
        hit("compatibilityLevel"); return try await base.compatibilityLevel(subject: subject, defaultToGlobal: defaultToGlobal)
    }
    func setCompatibilityLevel(_ level: CompatibilityLevel, subject: String?) async throws(RegistryError) {
        hit("setCompatibilityLevel"); try await base.setCompatibilityLevel(level, subject: subject)
    }
    func deleteCompatibilityLevel(subject: String?) async throws(RegistryError) -> CompatibilityLevel {
        hit("deleteCompatibilityLevel"); return try await base.deleteCompatibilityLevel(subject: subject)
    }
    func mode(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> RegistryMode {
        hit("mode"); return try await base.mode(subject: subject, defaultToGlobal: defaultToGlobal)
    }
    func setMode(_ mode: RegistryMode, subject: String?, force: Bool) async throws(RegistryError) {
        hit("setMode"); try await base.setMode(mode, subject: subject, force: force)
    }
    func deleteMode(subject: String?) async throws(RegistryError) -> RegistryMode {
        hit("deleteMode"); return try await base.deleteMode(subject: subject)
    }
}
