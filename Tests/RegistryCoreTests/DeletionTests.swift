import RegistryCore
import Testing

@Suite struct DeletionTests {
    /// Registers v1 (id) and a compatible v2 under `subject`.
    private func twoVersions(_ t: TestRegistry, _ subject: String = "s") async throws {
        _ = try await t.registry.register(subject: subject, Schemas.user(), normalize: false)
        _ = try await t.registry.register(subject: subject, Schemas.user([Schemas.field("id", #""long""#), Schemas.field("n", #""int""#, default: "0")]), normalize: false)
    }

    @Test func softDeletedVersionHidesButKeepsIdAndNumber() async throws {
        let t = try TestRegistry()
        try await twoVersions(t)
        #expect(try await t.registry.deleteVersion(subject: "s", .number(2), permanent: false) == 2)
        #expect(try await t.registry.versions(subject: "s", includeDeleted: false, deletedOnly: false) == [1])
        #expect(try await t.registry.versions(subject: "s", includeDeleted: true, deletedOnly: false) == [1, 2])
        #expect(try await t.registry.versions(subject: "s", includeDeleted: false, deletedOnly: true) == [2])
        #expect(try await t.registry.version(subject: "s", .latest, includeDeleted: false).version == 1)
        let deleted = try await t.registry.version(subject: "s", .number(2), includeDeleted: true)
        #expect(deleted.deleted)
        #expect(try await t.registry.schema(id: deleted.id).id == 2)
        #expect(await errorCode { try await t.registry.version(subject: "s", .number(2), includeDeleted: false) } == 40402)
        // The number is never reused.
        let next = try await t.registry.register(subject: "s", Schemas.user([Schemas.field("id", #""long""#), Schemas.field("m", #""int""#, default: "1")]), normalize: false)
        #expect(next.version == 3)
    }

    @Test func repeatedSoftDeleteAndPermanentWithoutSoftAreRefused() async throws {
        let t = try TestRegistry()
        try await twoVersions(t)
        #expect(await errorCode { try await t.registry.deleteVersion(subject: "s", .number(2), permanent: true) } == 40407)
        _ = try await t.registry.deleteVersion(subject: "s", .number(2), permanent: false)
        #expect(await errorCode { try await t.registry.deleteVersion(subject: "s", .number(2), permanent: false) } == 40406)
        #expect(await errorCode { try await t.registry.deleteVersion(subject: "s", .number(9), permanent: false) } == 40402)
        #expect(await errorCode { try await t.registry.deleteVersion(subject: "nope", .number(1), permanent: false) } == 40401)
        #expect(await errorCode { try await t.registry.deleteSubject("s", permanent: true) } == 40405)
        #expect(try await t.registry.deleteVersion(subject: "s", .number(2), permanent: true) == 2)
        #expect(try await t.registry.versions(subject: "s", includeDeleted: true, deletedOnly: false) == [1])
        // Schema 2 was used only there: gone by id.
        #expect(await errorCode { try await t.registry.schema(id: 2) } == 40403)
    }

    @Test func subjectSoftThenPermanentDelete() async throws {
        let t = try TestRegistry()
        try await twoVersions(t)
        try await t.registry.setCompatibilityLevel(.none, subject: "s")
        #expect(try await t.registry.deleteSubject("s", permanent: false) == [1, 2])
        #expect(await errorCode { try await t.registry.deleteSubject("s", permanent: false) } == 40404)
        #expect(try await t.registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false) == [])
        #expect(try await t.registry.subjects(prefix: nil, includeDeleted: true, deletedOnly: false) == ["s"])
        #expect(try await t.registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: true) == ["s"])
        #expect(await errorCode { try await t.registry.versions(subject: "s", includeDeleted: false, deletedOnly: false) } == 40401)
        // Still resolvable by id after a soft delete.
        #expect(try await t.registry.schema(id: 1).id == 1)
        #expect(try await t.registry.deleteSubject("s", permanent: true) == [1, 2])
        #expect(try await t.registry.subjects(prefix: nil, includeDeleted: true, deletedOnly: false) == [])
        #expect(await errorCode { try await t.registry.schema(id: 1) } == 40403)
        // Permanent delete removed the subject's config too.
        #expect(await errorCode { try await t.registry.compatibilityLevel(subject: "s", defaultToGlobal: false) } == 40408)
        // Versions restart, ids do not.
        let again = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        #expect(again.version == 1)
        #expect(again.id == 3)
    }

    @Test func deleteUnknownSubject() async throws {
        let t = try TestRegistry()
        #expect(await errorCode { try await t.registry.deleteSubject("missing", permanent: false) } == 40401)
    }

    @Test func reRegisteringASoftDeletedSchemaCreatesANewVersionWithTheSameId() async throws {
        let t = try TestRegistry()
        let first = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        _ = try await t.registry.deleteSubject("s", permanent: false)
        let again = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        #expect(again.id == first.id)
        #expect(again.version == 2)
    }
}
