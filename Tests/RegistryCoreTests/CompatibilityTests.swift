import RegistryCore
import Testing

@Suite struct CompatibilityTests {
    /// v1: {id}. v2 adds `a` with a default. v3 drops `id` (the BACKWARD/FORWARD outcome depends on direction).
    static let v1 = Schemas.user([Schemas.field("id", #""long""#)])
    static let v2 = Schemas.user([Schemas.field("id", #""long""#), Schemas.field("a", #""int""#, default: "0")])
    static let withoutDefault = Schemas.user([Schemas.field("id", #""long""#), Schemas.field("b", #""int""#)])

    @Test func defaultLevelIsBackward() async throws {
        let t = try TestRegistry()
        #expect(try await t.registry.compatibilityLevel(subject: nil, defaultToGlobal: false) == .backward)
    }

    @Test func noneAcceptsAnything() async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.none, subject: "s")
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)
        let v = try await t.registry.register(subject: "s", SchemaSubmission(schema: #""string""#), normalize: false)
        #expect(v.version == 2)
    }

    @Test func forwardChecksTheOtherDirection() async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.forward, subject: "s")
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)
        // Adding a field without default is forward compatible (old readers ignore it).
        _ = try await t.registry.register(subject: "s", Self.withoutDefault, normalize: false)
        // Removing `b` (no default in the old reader) is not.
        let verdict = try await t.registry.checkCompatibility(subject: "s", version: nil, Self.v1, normalize: false)
        #expect(!verdict.isCompatible)
        #expect(verdict.issues.map(\.kind) == ["READER_FIELD_MISSING_DEFAULT_VALUE"])
        #expect(verdict.messages.first?.contains("in the old schema has no default value and is missing in the new schema") == true)
        #expect(verdict.messages.last == "{compatibility: 'FORWARD'}")
    }

    @Test func transitiveChecksEveryLiveVersionNonTransitiveOnlyTheLatest() async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.none, subject: "s")
        _ = try await t.registry.register(subject: "s", Self.withoutDefault, normalize: false) // v1 has `b`
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)             // v2 only `id`
        // A reader with `b` and no default reads v1's data but not v2's.
        try await t.registry.setCompatibilityLevel(.forward, subject: "s")
        let candidate = Schemas.user([Schemas.field("id", #""long""#), Schemas.field("c", #""int""#, default: "0")])
        #expect(try await t.registry.checkCompatibility(subject: "s", version: nil, candidate, normalize: false).isCompatible)
        // FORWARD_TRANSITIVE: v1 (reader with `b`, no default) cannot read candidate data.
        try await t.registry.setCompatibilityLevel(.forwardTransitive, subject: "s")
        let verdict = try await t.registry.checkCompatibility(subject: "s", version: nil, candidate, normalize: false)
        #expect(!verdict.isCompatible)
        #expect(verdict.messages.contains("{oldSchemaVersion: 1}"))
        // Against an explicit version only that one counts, even when transitive.
        #expect(try await t.registry.checkCompatibility(subject: "s", version: .number(2), candidate, normalize: false).isCompatible)
        #expect(!(try await t.registry.checkCompatibility(subject: "s", version: .number(1), candidate, normalize: false).isCompatible))
        // Soft-deleted versions take no part.
        _ = try await t.registry.deleteVersion(subject: "s", .number(1), permanent: false)
        #expect(try await t.registry.checkCompatibility(subject: "s", version: nil, candidate, normalize: false).isCompatible)
    }

    @Test func fullChecksBothDirections() async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.full, subject: "s")
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)
        #expect(try await t.registry.checkCompatibility(subject: "s", version: nil, Self.v2, normalize: false).isCompatible)
        #expect(!(try await t.registry.checkCompatibility(subject: "s", version: nil, Self.withoutDefault, normalize: false).isCompatible))
    }

    @Test func unknownSubjectAndVersionRules() async throws {
        let t = try TestRegistry()
        #expect(try await t.registry.checkCompatibility(subject: "nothing", version: .latest, Self.v1, normalize: false).isCompatible)
        #expect(try await t.registry.checkCompatibility(subject: "nothing", version: nil, Self.v1, normalize: false).isCompatible)
        #expect(await errorCode { try await t.registry.checkCompatibility(subject: "nothing", version: .number(1), Self.v1, normalize: false) } == 40402)
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)
        #expect(await errorCode { try await t.registry.checkCompatibility(subject: "s", version: .number(5), Self.v1, normalize: false) } == 40402)
        #expect(await errorCode { try await t.registry.checkCompatibility(subject: "s", version: nil, SchemaSubmission(schema: "{not json"), normalize: false) } == 42201)
    }

    @Test func subjectWithOnlyDeletedVersionsAcceptsAnything() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)
        _ = try await t.registry.deleteSubject("s", permanent: false)
        let v = try await t.registry.register(subject: "s", SchemaSubmission(schema: #""string""#), normalize: false)
        #expect(v.version == 2)
    }

    @Test func subjectLevelOverridesGlobal() async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.none, subject: nil)
        _ = try await t.registry.register(subject: "s", Self.v1, normalize: false)
        _ = try await t.registry.register(subject: "s", Self.withoutDefault, normalize: false)
        try await t.registry.setCompatibilityLevel(.backward, subject: "s")
        #expect(await errorCode { try await t.registry.register(subject: "s", Schemas.user([Schemas.field("id", #""long""#), Schemas.field("b", #""int""#), Schemas.field("z", #""int""#)]), normalize: false) } == 409)
    }
}
