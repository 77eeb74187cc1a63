import RegistryCore
import Testing

@Suite struct RegistrationTests {
    @Test func firstRegistrationGetsIdOneVersionOne() async throws {
        let t = try TestRegistry()
        let v = try await t.registry.register(subject: "users-value", Schemas.user(), normalize: false)
        #expect(v.id == 1)
        #expect(v.version == 1)
        #expect(v.subject == "users-value")
        #expect(v.schema.schemaType == .avro)
        #expect(v.schema.schema == #"{"type":"record","name":"User","fields":[{"name":"id","type":"long"}]}"#)
    }

    @Test func identicalSchemaAgainReturnsExistingAndWritesNothing() async throws {
        let t = try TestRegistry()
        let first = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        // Different spelling, same canonical text.
        let spaced = SchemaSubmission(schema: #"{ "type" : "record", "name" : "User", "fields" : [ { "name" : "id", "type" : "long" } ] }"#)
        let again = try await t.registry.register(subject: "s", spaced, normalize: false)
        #expect(again == first)
        #expect(try await t.registry.versions(subject: "s", includeDeleted: true, deletedOnly: false) == [1])
    }

    @Test func sameSchemaUnderAnotherSubjectSharesTheId() async throws {
        let t = try TestRegistry()
        let a = try await t.registry.register(subject: "a", Schemas.user(), normalize: false)
        let b = try await t.registry.register(subject: "b", Schemas.user(), normalize: false)
        #expect(a.id == b.id)
        #expect(b.version == 1)
        #expect(try await t.registry.subjects(forSchemaID: a.id, includeDeleted: false) == ["a", "b"])
    }

    @Test func compatibleEvolutionGetsNewIdAndVersion() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        let v2 = try await t.registry.register(subject: "s", Schemas.user([Schemas.field("id", #""long""#), Schemas.field("name", #""string""#, default: #""""#)]), normalize: false)
        #expect(v2.id == 2)
        #expect(v2.version == 2)
    }

    @Test func incompatibleSchemaIsRefusedWithConfluentMessages() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        do {
            _ = try await t.registry.register(subject: "s", Schemas.user([Schemas.field("id", #""long""#), Schemas.field("name", #""string""#)]), normalize: false)
            Issue.record("expected incompatibility")
        } catch {
            guard case .incompatibleSchema(let subject, let messages) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(subject == "s")
            #expect(messages.first?.hasPrefix("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'") == true)
            #expect(messages.contains("{oldSchemaVersion: 1}"))
            #expect(messages.contains("{compatibility: 'BACKWARD'}"))
            #expect(error.errorCode == 409)
        }
        #expect(try await t.registry.versions(subject: "s", includeDeleted: true, deletedOnly: false) == [1])
    }
}
