import RegistryCore
import Testing

@Suite struct ReferenceTests {
    static let address = #"{"type":"record","name":"Address","namespace":"com.example","fields":[{"name":"street","type":"string"}]}"#
    static let customer = #"{"type":"record","name":"Customer","namespace":"com.example","fields":[{"name":"address","type":"com.example.Address"}]}"#

    func customerSubmission(version: Int = -1) -> SchemaSubmission {
        SchemaSubmission(schema: Self.customer, references: [SchemaReference(name: "com.example.Address", subject: "address", version: version)])
    }

    @Test func latestReferenceIsStoredAsANumber() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "address", SchemaSubmission(schema: Self.address), normalize: false)
        let customer = try await t.registry.register(subject: "customer", customerSubmission(), normalize: false)
        #expect(customer.schema.references == [SchemaReference(name: "com.example.Address", subject: "address", version: 1)])
        #expect(try await t.registry.referencedBy(subject: "address", .number(1)) == [customer.id])
        // Looking up with the explicit number finds the same registration.
        let found = try await t.registry.lookup(subject: "customer", customerSubmission(version: 1), normalize: false, includeDeleted: false)
        #expect(found.id == customer.id)
    }

    @Test func missingReferenceIsInvalid() async throws {
        let t = try TestRegistry()
        #expect(await errorCode { try await t.registry.register(subject: "customer", customerSubmission(), normalize: false) } == 42201)
        _ = try await t.registry.register(subject: "address", SchemaSubmission(schema: Self.address), normalize: false)
        #expect(await errorCode { try await t.registry.register(subject: "customer", customerSubmission(version: 7), normalize: false) } == 42201)
        // Without the reference the named type is unknown.
        #expect(await errorCode { try await t.registry.register(subject: "customer", SchemaSubmission(schema: Self.customer), normalize: false) } == 42201)
    }

    @Test func referencedVersionCannotBeDeleted() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "address", SchemaSubmission(schema: Self.address), normalize: false)
        _ = try await t.registry.register(subject: "customer", customerSubmission(), normalize: false)
        #expect(await errorCode { try await t.registry.deleteVersion(subject: "address", .number(1), permanent: false) } == 42206)
        #expect(await errorCode { try await t.registry.deleteSubject("address", permanent: false) } == 42206)
        // Once the referrer is gone (soft), the referenced version can go.
        _ = try await t.registry.deleteSubject("customer", permanent: false)
        #expect(try await t.registry.referencedBy(subject: "address", .number(1)) == [])
        #expect(try await t.registry.deleteSubject("address", permanent: false) == [1])
    }

    @Test func transitiveReferencesAreResolvedForCompatibility() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "address", SchemaSubmission(schema: Self.address), normalize: false)
        _ = try await t.registry.register(subject: "customer", customerSubmission(), normalize: false)
        let order = #"{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"customer","type":"com.example.Customer"}]}"#
        let submission = SchemaSubmission(schema: order, references: [SchemaReference(name: "com.example.Customer", subject: "customer", version: 1)])
        let v1 = try await t.registry.register(subject: "order", submission, normalize: false)
        #expect(v1.version == 1)
        // A second registration compares against v1, which needs Address resolved through Customer.
        let order2 = #"{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"customer","type":"com.example.Customer"},{"name":"note","type":"string","default":""}]}"#
        let v2 = try await t.registry.register(subject: "order", SchemaSubmission(schema: order2, references: submission.references), normalize: false)
        #expect(v2.version == 2)
    }
}
