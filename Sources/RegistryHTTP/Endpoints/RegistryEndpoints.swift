import Hummingbird
import RegistryCore

/// The endpoint implementations: each reads its parameters, calls the registry and writes Confluent's shape.
///
/// Endpoints throw `APIError` for request-level problems and let `RegistryError` through unchanged; the
/// responder maps both to status and body in one place.
struct RegistryEndpoints: Sendable {
    let service: any SchemaRegistryService
    let configuration: RegistryHTTPConfiguration
    let metrics: RequestMetrics
    let health: @Sendable () async -> HealthReport

    /// A JSON body for every Confluent route.
    func respond(to input: EndpointInput) async throws -> String {
        switch input.match.route {
        case .root: return "{}"
        case .schemaTypes: return try await schemaTypes()
        case .schemas: return try await schemas(input)
        case .schemaByID: return try await schemaByID(input)
        case .schemaByIDText: return try await schemaByIDText(input)
        case .schemaByIDSubjects: return try await schemaByIDSubjects(input)
        case .schemaByIDVersions: return try await schemaByIDVersions(input)
        case .subjects: return try await subjects(input)
        case .subject: return input.method == .post ? try await lookup(input) : try await deleteSubject(input)
        case .subjectVersions: return input.method == .post ? try await register(input) : try await versions(input)
        case .subjectVersion: return input.method == .get ? try await version(input) : try await deleteVersion(input)
        case .subjectVersionText: return try await versionText(input)
        case .subjectVersionReferencedBy: return try await referencedBy(input)
        case .compatibilityAllVersions: return try await compatibility(input, version: nil)
        case .compatibilityVersion: return try await compatibility(input, version: try Self.version(input.match.parameter))
        case .globalConfig, .subjectConfig: return try await config(input)
        case .globalMode, .subjectMode: return try await mode(input)
        case .metadataID: return metadataID()
        case .metadataVersion: return metadataVersion()
        case .contexts: return ResponseShapes.strings(try Paging(input.query).apply(["."]))
        case .metrics, .health, .unmatched: throw APIError.notFound
        }
    }

    // MARK: Path parameters

    /// Confluent's `VersionId`: 1...2^31-1, `latest` or `-1`; anything else is 42202.
    static func version(_ segment: String) throws(RegistryError) -> VersionSelector {
        guard let version = VersionSelector(pathSegment: segment) else { throw .invalidVersion(segment) }
        return version
    }

    /// A schema id that is not a number names no schema (Jersey answers 404 here too).
    static func schemaID(_ segment: String) throws(RegistryError) -> Int {
        guard let id = Int(segment) else { throw .schemaNotFound(id: nil) }
        return id
    }
}
