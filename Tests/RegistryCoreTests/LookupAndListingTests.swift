import RegistryCore
import Testing

@Suite struct LookupAndListingTests {
    @Test func lookupFindsRegisteredSchemaOrExplainsWhyNot() async throws {
        let t = try TestRegistry()
        let v = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        #expect(try await t.registry.lookup(subject: "s", Schemas.user(), normalize: false, includeDeleted: false) == v)
        #expect(await errorCode { try await t.registry.lookup(subject: "s", SchemaSubmission(schema: #""int""#), normalize: false, includeDeleted: false) } == 40403)
        #expect(await errorCode { try await t.registry.lookup(subject: "nope", Schemas.user(), normalize: false, includeDeleted: false) } == 40401)
        #expect(await errorCode { try await t.registry.lookup(subject: "s", SchemaSubmission(schema: "[1"), normalize: false, includeDeleted: false) } == 42201)
        _ = try await t.registry.deleteSubject("s", permanent: false)
        #expect(await errorCode { try await t.registry.lookup(subject: "s", Schemas.user(), normalize: false, includeDeleted: false) } == 40401)
        let deleted = try await t.registry.lookup(subject: "s", Schemas.user(), normalize: false, includeDeleted: true)
        #expect(deleted.deleted)
    }

    @Test func normalizeStoresAndFindsTheNormalizedText() async throws {
        let t = try TestRegistry()
        let spelled = SchemaSubmission(schema: #"{"fields":[{"type":"long","name":"id"}],"name":"User","type":"record"}"#)
        let v = try await t.registry.register(subject: "s", spelled, normalize: true)
        let reordered = SchemaSubmission(schema: #"{"type":"record","name":"User","fields":[{"name":"id","type":"long"}]}"#)
        #expect(try await t.registry.lookup(subject: "s", reordered, normalize: true, includeDeleted: false).id == v.id)
        #expect(try await t.registry.register(subject: "s", reordered, normalize: true) == v)
    }

    @Test func listingsAreSortedAndFiltered() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "b-value", Schemas.user(), normalize: false)
        _ = try await t.registry.register(subject: "a-value", SchemaSubmission(schema: #""string""#), normalize: false)
        _ = try await t.registry.register(subject: "a-key", SchemaSubmission(schema: #""int""#), normalize: false)
        #expect(try await t.registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false) == ["a-key", "a-value", "b-value"])
        #expect(try await t.registry.subjects(prefix: "a-", includeDeleted: false, deletedOnly: false) == ["a-key", "a-value"])
        let all = try await t.registry.schemas(subjectPrefix: nil, includeDeleted: false, latestOnly: true)
        #expect(all.map(\.subject) == ["a-key", "a-value", "b-value"])
        #expect(try await t.registry.versions(forSchemaID: 1, includeDeleted: false) == [SubjectVersionRef(subject: "b-value", version: 1)])
        #expect(await errorCode { try await t.registry.versions(forSchemaID: 99, includeDeleted: false) } == 40403)
        #expect(await errorCode { try await t.registry.schema(id: 99) } == 40403)
        #expect(await errorCode { try await t.registry.version(subject: "b-value", .number(2), includeDeleted: false) } == 40402)
        #expect(try await t.registry.version(subject: "b-value", .latest, includeDeleted: false).id == 1)
    }
}

@Suite struct StatisticsTests {
    @Test func countsFollowRegistrationsAndDeletes() async throws {
        let t = try TestRegistry()
        #expect(t.registry.statistics() == RegistryStatistics(schemas: 0, liveSubjects: 0, liveVersions: 0, maxSchemaID: 0))
        _ = try await t.registry.register(subject: "a", Schemas.user(), normalize: false)
        _ = try await t.registry.register(subject: "b", Schemas.user(), normalize: false)
        _ = try await t.registry.register(subject: "c", SchemaSubmission(schema: #""int""#), normalize: false)
        #expect(t.registry.statistics() == RegistryStatistics(schemas: 2, liveSubjects: 3, liveVersions: 3, maxSchemaID: 2))
        _ = try await t.registry.deleteSubject("c", permanent: false)
        #expect(t.registry.statistics() == RegistryStatistics(schemas: 2, liveSubjects: 2, liveVersions: 2, maxSchemaID: 2))
        _ = try await t.registry.deleteSubject("c", permanent: true)
        #expect(t.registry.statistics() == RegistryStatistics(schemas: 1, liveSubjects: 2, liveVersions: 2, maxSchemaID: 2))
    }
}

@Suite struct IdentityCacheTests {
    @Test func repeatedLookupsStayCorrectAcrossPermanentDeletes() async throws {
        let t = try TestRegistry()
        let address = SchemaSubmission(schema: ReferenceTests.address)
        _ = try await t.registry.register(subject: "address", address, normalize: false)
        let pinned = ReferenceTests().customerSubmission(version: 1)
        let first = try await t.registry.register(subject: "customer", pinned, normalize: false)
        #expect(try await t.registry.lookup(subject: "customer", pinned, normalize: false, includeDeleted: false) == first)
        #expect(try await t.registry.lookup(subject: "customer", pinned, normalize: false, includeDeleted: false) == first)
        // Remove everything, then put a different schema at address version 1: the pinned text must re-resolve.
        _ = try await t.registry.deleteSubject("customer", permanent: false)
        _ = try await t.registry.deleteSubject("customer", permanent: true)
        _ = try await t.registry.deleteSubject("address", permanent: false)
        _ = try await t.registry.deleteSubject("address", permanent: true)
        // Its reference is gone: refused as invalid, which shows the cached identity was dropped.
        #expect(await errorCode { try await t.registry.lookup(subject: "customer", pinned, normalize: false, includeDeleted: false) } == 42201)
        let other = #"{"type":"record","name":"Other","namespace":"com.example","fields":[]}"#
        _ = try await t.registry.register(subject: "address", SchemaSubmission(schema: other), normalize: false)
        #expect(await errorCode { try await t.registry.register(subject: "customer", pinned, normalize: false) } == 42201)
    }
}
