import RegistryCore
import Testing

@Suite struct PersistenceTests {
    @Test func everythingSurvivesAReopen() async throws {
        let t = try TestRegistry()
        let r = t.registry
        try await r.setCompatibilityLevel(.full, subject: nil)
        try await r.setCompatibilityLevel(.none, subject: "s")
        try await r.setMode(.readOnly, subject: "frozen", force: false)
        let a = try await r.register(subject: "s", Schemas.user(), normalize: false)
        let b = try await r.register(subject: "s", SchemaSubmission(schema: #""string""#), normalize: false)
        _ = try await r.deleteVersion(subject: "s", .number(2), permanent: false)
        _ = try await r.register(subject: "gone", SchemaSubmission(schema: #""int""#), normalize: false)
        _ = try await r.deleteSubject("gone", permanent: false)
        _ = try await r.deleteSubject("gone", permanent: true)

        let again = try t.reopen()
        #expect(try await again.schema(id: a.id) == a.schema)
        #expect(try await again.version(subject: "s", .number(2), includeDeleted: true).deleted)
        #expect(try await again.versions(subject: "s", includeDeleted: false, deletedOnly: false) == [1])
        #expect(try await again.compatibilityLevel(subject: nil, defaultToGlobal: false) == .full)
        #expect(try await again.compatibilityLevel(subject: "s", defaultToGlobal: false) == .none)
        #expect(try await again.mode(subject: "frozen", defaultToGlobal: false) == .readOnly)
        // Id 3 ("int") was permanently deleted; it is not handed out again.
        let next = try await again.register(subject: "t", SchemaSubmission(schema: #""bytes""#), normalize: false)
        #expect(next.id == 4)
        #expect(b.id == 2)
    }

    @Test func referencesSurviveAReopen() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "address", SchemaSubmission(schema: ReferenceTests.address), normalize: false)
        let customer = try await t.registry.register(subject: "customer", ReferenceTests().customerSubmission(), normalize: false)
        let again = try t.reopen()
        #expect(try await again.schema(id: customer.id).references == customer.schema.references)
        #expect(try await again.referencedBy(subject: "address", .latest) == [customer.id])
        #expect(await errorCode { try await again.deleteSubject("address", permanent: false) } == 42206)
    }
}
