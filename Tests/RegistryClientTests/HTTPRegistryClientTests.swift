import Foundation
import RegistryClient
import RegistryCore
import Testing

/// The HTTP client against the real server (RegistryHTTP over `Registry` over SQLite on 127.0.0.1): every
/// answer must equal what the registry behind it says when asked in-process.
@Suite struct HTTPRegistryClientTests {
    static let orderV1 = #"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"}]}"#
    static let orderV2 = #"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"note","type":["null","string"],"default":null}]}"#

    @Test func registerLookupAndFetchAgreeWithTheRegistryBehindTheServer() async throws {
        try await LiveRegistry.run { _, registry, client in
            let first = try await client.register(subject: "orders-value", SchemaSubmission(schema: Self.orderV1), normalize: false)
            let second = try await client.register(subject: "orders-value", SchemaSubmission(schema: Self.orderV2), normalize: false)
            #expect(first.version == 1)
            #expect(second.version == 2)
            #expect(first.id != second.id)

            // Re-registering is idempotent, as Confluent's rule says.
            let again = try await client.register(subject: "orders-value", SchemaSubmission(schema: Self.orderV1), normalize: false)
            #expect(again.id == first.id && again.version == 1)

            #expect(try await client.schema(id: first.id) == (try await registry.schema(id: first.id)))
            #expect(try await client.version(subject: "orders-value", .latest, includeDeleted: false)
                == (try await registry.version(subject: "orders-value", .latest, includeDeleted: false)))
            #expect(try await client.version(subject: "orders-value", .number(1), includeDeleted: false).id == first.id)
            #expect(try await client.lookup(subject: "orders-value", SchemaSubmission(schema: Self.orderV2), normalize: false, includeDeleted: false).version == 2)
            #expect(try await client.versions(subject: "orders-value", includeDeleted: false, deletedOnly: false) == [1, 2])
            #expect(try await client.subjects(prefix: nil, includeDeleted: false, deletedOnly: false) == ["orders-value"])
            #expect(try await client.versions(forSchemaID: second.id, includeDeleted: false) == [SubjectVersionRef(subject: "orders-value", version: 2)])
            #expect(try await client.subjects(forSchemaID: first.id, includeDeleted: false) == ["orders-value"])
            #expect(await client.schemaTypes().contains(.avro))
            #expect(try await client.schemas(subjectPrefix: "orders", includeDeleted: false, latestOnly: true).map(\.version) == [2])

            let verdict = try await client.checkCompatibility(subject: "orders-value", version: .latest, SchemaSubmission(schema: Self.orderV1), normalize: false)
            #expect(verdict.isCompatible == (try await registry.checkCompatibility(subject: "orders-value", version: .latest, SchemaSubmission(schema: Self.orderV1), normalize: false).isCompatible))
        }
    }

    @Test func configModeAndDeletesRoundTrip() async throws {
        try await LiveRegistry.run { _, registry, client in
            _ = try await client.register(subject: "cfg-value", SchemaSubmission(schema: Self.orderV1), normalize: false)
            try await client.setCompatibilityLevel(.fullTransitive, subject: "cfg-value")
            #expect(try await client.compatibilityLevel(subject: "cfg-value", defaultToGlobal: false) == .fullTransitive)
            #expect(try await registry.compatibilityLevel(subject: "cfg-value", defaultToGlobal: false) == .fullTransitive)
            #expect(try await client.deleteCompatibilityLevel(subject: "cfg-value") == .fullTransitive)
            await #expect(throws: RegistryError.subjectConfigNotFound("cfg-value")) {
                try await client.compatibilityLevel(subject: "cfg-value", defaultToGlobal: false)
            }
            try await client.setMode(.readOnly, subject: "cfg-value", force: false)
            #expect(try await client.mode(subject: "cfg-value", defaultToGlobal: false) == .readOnly)
            #expect(try await client.deleteMode(subject: "cfg-value") == .readOnly)

            #expect(try await client.deleteVersion(subject: "cfg-value", .number(1), permanent: false) == 1)
            await #expect(throws: RegistryError.subjectNotFound("cfg-value")) {
                try await client.version(subject: "cfg-value", .latest, includeDeleted: false)
            }
            #expect(try await client.version(subject: "cfg-value", .number(1), includeDeleted: true).deleted)
            #expect(try await client.deleteSubject("cfg-value", permanent: true) == [1])
        }
    }

    @Test func subjectsWithSlashesSpacesAndUnicodeSurviveThePath() async throws {
        try await LiveRegistry.run { _, registry, client in
            let subject = "team/a orders ü-value"
            let registered = try await client.register(subject: subject, SchemaSubmission(schema: Self.orderV1), normalize: false)
            #expect(try await registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false) == [subject])
            #expect(try await client.version(subject: subject, .latest, includeDeleted: false).id == registered.id)
        }
    }

    @Test func registryErrorsComeBackTyped() async throws {
        try await LiveRegistry.run { _, _, client in
            await #expect(throws: RegistryError.subjectNotFound("nobody-value")) {
                try await client.version(subject: "nobody-value", .latest, includeDeleted: false)
            }
            await #expect(throws: RegistryError.schemaNotFound(id: 4242)) {
                try await client.schema(id: 4242)
            }
            _ = try await client.register(subject: "e-value", SchemaSubmission(schema: Self.orderV1), normalize: false)
            await #expect(throws: RegistryError.versionNotFound("7")) {
                try await client.version(subject: "e-value", .number(7), includeDeleted: false)
            }
            let invalid = await #expect(throws: RegistryError.self) {
                try await client.register(subject: "e-value", SchemaSubmission(schema: #"{"type":"record","name":"X"}"#), normalize: false)
            }
            #expect(invalid?.errorCode == 42201)
            // Changing a field's type breaks BACKWARD compatibility: 409 with the details.
            let changed = #"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"}]}"#
            let incompatible = await #expect(throws: RegistryError.self) {
                try await client.register(subject: "e-value", SchemaSubmission(schema: changed), normalize: false)
            }
            guard case .incompatibleSchema(let subject, let messages)? = incompatible else {
                Issue.record("expected incompatibleSchema, got \(String(describing: incompatible))")
                return
            }
            #expect(subject == "e-value")
            #expect(messages.joined().contains("id"))
        }
    }

    @Test func registryDownIsUnreachableAfterTheConfiguredAttempts() async throws {
        let dead = try LiveRegistry.deadURL()
        let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(
            baseURLs: [dead], connectTimeout: .milliseconds(500), retry: RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(10))
        ))
        let error = await #expect(throws: RegistryError.self) {
            try await client.schema(id: 1)
        }
        try await client.shutdown()
        guard case .unreachable(let message)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(message.contains("3 attempt(s)"))
        #expect(message.contains(dead))
        #expect(error?.errorCode == 50003)
    }

    @Test func failsOverToTheNextURLWhenTheFirstIsDown() async throws {
        let dead = try LiveRegistry.deadURL()
        try await LiveRegistry.run { url, registry, _ in
            let registered = try await registry.register(subject: "f-value", SchemaSubmission(schema: Self.orderV1), normalize: false)
            let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(
                baseURLs: [dead, url], connectTimeout: .milliseconds(500), retry: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10))
            ))
            let fetched = try await client.schema(id: registered.id)
            try await client.shutdown()
            #expect(fetched.schema == registered.schema.schema)
        }
    }

    @Test func confluent7ShapesAreAccepted() async throws {
        try await LiveRegistry.run { _, registry, _ in
            try await Confluent7Front.run(registry: registry) { url in
                let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url))
                // Register answers {"id"} only: the client completes it with a lookup.
                let registered = try await client.register(subject: "seven-value", SchemaSubmission(schema: Self.orderV2), normalize: false)
                let truth = try await registry.version(subject: "seven-value", .latest, includeDeleted: false)
                // No schemaType in the answer means AVRO.
                let stored = try await client.schema(id: registered.id)
                try await client.shutdown()
                #expect(registered == truth)
                #expect(stored.schemaType == .avro)
                #expect(stored.schema == truth.schema.schema)
            }
        }
    }

    @Test func sendsBasicAndBearerCredentials() async throws {
        try await LiveRegistry.run { _, registry, _ in
            try await Confluent7Front.run(registry: registry) { url in
                let basic = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url, authentication: .basic(user: "Aladdin", password: "open sesame")))
                // RFC 7617's example credentials.
                #expect(try await basic.schema(id: 0).schema == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
                try await basic.shutdown()
                let bearer = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url, authentication: .bearer(token: "t0k3n")))
                #expect(try await bearer.schema(id: 0).schema == "Bearer t0k3n")
                try await bearer.shutdown()
                let none = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url))
                #expect(try await none.schema(id: 0).schema == "(none)")
                try await none.shutdown()
            }
        }
    }

    @Test func commaSeparatedURLsAreSplitAndTrimmed() {
        let configuration = RegistryClientConfiguration(url: " http://a:8081 ,http://b:8081,, ")
        #expect(configuration.baseURLs == ["http://a:8081", "http://b:8081"])
    }
}
