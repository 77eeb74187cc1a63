import AsyncHTTPClient
import JSONValue
import NIOCore
import NIOHTTP1
import RegistryCore

/// A remote Confluent-compatible schema registry behind the same protocol as the in-process `Registry`, so a
/// service moves between them without change. Speaks the REST API of Confluent 7.x and 8.x (and peers that
/// copy it); errors come back as the `RegistryError` the server raised, and `.unreachable` when no URL answered.
///
/// Wrap it in `CachingRegistryClient` for serializers: this type sends one request per call.
public final class HTTPRegistryClient: SchemaRegistryService {
    private let transport: RegistryTransport
    private let ownedClient: HTTPClient?

    /// Creates its own HTTP connection pool; call `shutdown()` when done with it.
    public init(configuration: RegistryClientConfiguration) {
        var http = HTTPClient.Configuration()
        http.timeout = HTTPClient.Configuration.Timeout(
            connect: .nanoseconds(configuration.connectTimeout.nanoseconds),
            read: .nanoseconds(configuration.requestTimeout.nanoseconds)
        )
        http.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
        self.ownedClient = client
        self.transport = RegistryTransport(client: client, configuration: configuration)
    }

    /// Shares `httpClient` (whose owner shuts it down); its timeouts apply besides `requestTimeout`.
    public init(configuration: RegistryClientConfiguration, httpClient: HTTPClient) {
        self.ownedClient = nil
        self.transport = RegistryTransport(client: httpClient, configuration: configuration)
    }

    /// Closes the connection pool this client created. Does nothing for a shared `HTTPClient`.
    public func shutdown() async throws {
        try await ownedClient?.shutdown()
    }

    // MARK: Plumbing

    func call<T>(_ request: RegistryRequest, _ decode: (ResponseDecoding, JSONValue) throws(RegistryError) -> T) async throws(RegistryError) -> T {
        let body = try await transport.send(request)
        let decoding = ResponseDecoding(request: request.summary)
        return try decode(decoding, try decoding.json(body))
    }

    private static func subjectPath(_ subject: String) -> String { "/subjects/" + PathSegment.encode(subject) }

    private static func versionSegment(_ version: VersionSelector) -> String {
        switch version {
        case .latest: return "latest"
        case .number(let n): return String(n)
        }
    }

    // MARK: Schemas by id

    public func schema(id: Int) async throws(RegistryError) -> StoredSchema {
        let request = RegistryRequest(.GET, "/schemas/ids/\(id)", context: ErrorContext(schemaID: id))
        return try await call(request) { (d, json) throws(RegistryError) in try d.storedSchema(json, id: id) }
    }

    public func subjects(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [String] {
        var query: [(name: String, value: String)] = []
        query.flag("deleted", includeDeleted)
        let request = RegistryRequest(.GET, "/schemas/ids/\(id)/subjects", query: query, context: ErrorContext(schemaID: id))
        return try await call(request) { (d, json) throws(RegistryError) in try d.strings(json) }
    }

    public func versions(forSchemaID id: Int, includeDeleted: Bool) async throws(RegistryError) -> [SubjectVersionRef] {
        var query: [(name: String, value: String)] = []
        query.flag("deleted", includeDeleted)
        let request = RegistryRequest(.GET, "/schemas/ids/\(id)/versions", query: query, context: ErrorContext(schemaID: id))
        return try await call(request) { (d, json) throws(RegistryError) in try d.subjectVersionRefs(json) }
    }

    /// The protocol gives no way to fail here; an unreachable registry answers with no types.
    public func schemaTypes() async -> [SchemaType] {
        let request = RegistryRequest(.GET, "/schemas/types")
        return (try? await call(request) { (d, json) throws(RegistryError) in try d.schemaTypes(json) }) ?? []
    }

    public func schemas(subjectPrefix: String?, includeDeleted: Bool, latestOnly: Bool) async throws(RegistryError) -> [SubjectVersion] {
        var query: [(name: String, value: String)] = []
        if let subjectPrefix { query.append(("subjectPrefix", subjectPrefix)) }
        query.flag("deleted", includeDeleted)
        query.flag("latestOnly", latestOnly)
        return try await call(RegistryRequest(.GET, "/schemas", query: query)) { (d, json) throws(RegistryError) in
            try d.subjectVersions(json)
        }
    }

    // MARK: Subjects and versions

    public func subjects(prefix: String?, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [String] {
        var query: [(name: String, value: String)] = []
        if let prefix { query.append(("subjectPrefix", prefix)) }
        query.flag("deleted", includeDeleted)
        query.flag("deletedOnly", deletedOnly)
        return try await call(RegistryRequest(.GET, "/subjects", query: query)) { (d, json) throws(RegistryError) in try d.strings(json) }
    }

    public func versions(subject: String, includeDeleted: Bool, deletedOnly: Bool) async throws(RegistryError) -> [Int] {
        var query: [(name: String, value: String)] = []
        query.flag("deleted", includeDeleted)
        query.flag("deletedOnly", deletedOnly)
        let request = RegistryRequest(.GET, Self.subjectPath(subject) + "/versions", query: query, context: ErrorContext(subject: subject))
        return try await call(request) { (d, json) throws(RegistryError) in try d.ints(json) }
    }

    public func version(subject: String, _ version: VersionSelector, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        var query: [(name: String, value: String)] = []
        query.flag("deleted", includeDeleted)
        let segment = Self.versionSegment(version)
        let request = RegistryRequest(
            .GET, Self.subjectPath(subject) + "/versions/" + segment, query: query,
            context: ErrorContext(subject: subject, version: segment)
        )
        return try await call(request) { (d, json) throws(RegistryError) in try d.subjectVersion(json) }
    }

    public func referencedBy(subject: String, _ version: VersionSelector) async throws(RegistryError) -> [Int] {
        let segment = Self.versionSegment(version)
        let request = RegistryRequest(
            .GET, Self.subjectPath(subject) + "/versions/" + segment + "/referencedby",
            context: ErrorContext(subject: subject, version: segment)
        )
        return try await call(request) { (d, json) throws(RegistryError) in try d.ints(json) }
    }

    /// 8.x answers the full object; 7.x only `{"id"}`, in which case a lookup supplies the version and text.
    public func register(subject: String, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> SubjectVersion {
        var query: [(name: String, value: String)] = []
        query.flag("normalize", normalize)
        let request = RegistryRequest(
            .POST, Self.subjectPath(subject) + "/versions", query: query,
            body: RequestBodies.submission(submission), context: ErrorContext(subject: subject)
        )
        let answer = try await call(request) { (d, json) throws(RegistryError) -> (id: Int, full: SubjectVersion?) in
            let id = try d.integer(json["id"] ?? .null)
            guard json["version"] != nil, json["schema"] != nil else { return (id, nil) }
            var full = try d.subjectVersion(Self.withSubject(json, subject))
            full.schema.id = id
            return (id, full)
        }
        if let full = answer.full { return full }
        let found = try await lookup(subject: subject, submission, normalize: normalize, includeDeleted: false)
        guard found.id == answer.id else {
            throw .remote(errorCode: 50005, message: "register under \(subject) answered id \(answer.id) but lookup found id \(found.id)")
        }
        return found
    }

    public func lookup(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        var query: [(name: String, value: String)] = []
        query.flag("normalize", normalize)
        query.flag("deleted", includeDeleted)
        let request = RegistryRequest(
            .POST, Self.subjectPath(subject), query: query,
            body: RequestBodies.submission(submission), context: ErrorContext(subject: subject)
        )
        return try await call(request) { (d, json) throws(RegistryError) in try d.subjectVersion(Self.withSubject(json, subject)) }
    }

    public func deleteSubject(_ subject: String, permanent: Bool) async throws(RegistryError) -> [Int] {
        var query: [(name: String, value: String)] = []
        query.flag("permanent", permanent)
        let request = RegistryRequest(.DELETE, Self.subjectPath(subject), query: query, context: ErrorContext(subject: subject))
        return try await call(request) { (d, json) throws(RegistryError) in try d.ints(json) }
    }

    public func deleteVersion(subject: String, _ version: VersionSelector, permanent: Bool) async throws(RegistryError) -> Int {
        var query: [(name: String, value: String)] = []
        query.flag("permanent", permanent)
        let segment = Self.versionSegment(version)
        let request = RegistryRequest(
            .DELETE, Self.subjectPath(subject) + "/versions/" + segment, query: query,
            context: ErrorContext(subject: subject, version: segment)
        )
        return try await call(request) { (d, json) throws(RegistryError) in try d.integer(json) }
    }

    // MARK: Compatibility

    public func checkCompatibility(subject: String, version: VersionSelector?, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> CompatibilityVerdict {
        var query: [(name: String, value: String)] = [("verbose", "true")]
        query.flag("normalize", normalize)
        var path = "/compatibility" + Self.subjectPath(subject) + "/versions"
        let segment = version.map(Self.versionSegment)
        if let segment { path += "/" + segment }
        let request = RegistryRequest(
            .POST, path, query: query, body: RequestBodies.submission(submission),
            context: ErrorContext(subject: subject, version: segment)
        )
        return try await call(request) { (d, json) throws(RegistryError) in try d.verdict(json) }
    }

    /// Some servers leave `subject` out of lookup answers; the request named it.
    private static func withSubject(_ value: JSONValue, _ subject: String) -> JSONValue {
        guard case .object(var object) = value, object["subject"] == nil else { return value }
        object.members.append(("subject", .string(subject)))
        return .object(object)
    }
}
