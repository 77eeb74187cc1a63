import RegistryCore
import Testing

@Suite struct ModeAndConfigTests {
    @Test func configGetSetDelete() async throws {
        let t = try TestRegistry()
        // Setting config on a subject with no schemas is allowed.
        try await t.registry.setCompatibilityLevel(.full, subject: "fresh")
        #expect(try await t.registry.compatibilityLevel(subject: "fresh", defaultToGlobal: false) == .full)
        #expect(await errorCode { try await t.registry.compatibilityLevel(subject: "other", defaultToGlobal: false) } == 40408)
        #expect(try await t.registry.compatibilityLevel(subject: "other", defaultToGlobal: true) == .backward)
        #expect(try await t.registry.deleteCompatibilityLevel(subject: "fresh") == .full)
        #expect(await errorCode { try await t.registry.deleteCompatibilityLevel(subject: "fresh") } == 40401)
        try await t.registry.setCompatibilityLevel(.forwardTransitive, subject: nil)
        #expect(try await t.registry.compatibilityLevel(subject: "other", defaultToGlobal: true) == .forwardTransitive)
        #expect(try await t.registry.deleteCompatibilityLevel(subject: nil) == .forwardTransitive)
        #expect(try await t.registry.compatibilityLevel(subject: nil, defaultToGlobal: false) == .backward)
    }

    @Test func modeGetSetDelete() async throws {
        let t = try TestRegistry()
        #expect(try await t.registry.mode(subject: nil, defaultToGlobal: false) == .readWrite)
        #expect(await errorCode { try await t.registry.mode(subject: "s", defaultToGlobal: false) } == 40409)
        #expect(try await t.registry.mode(subject: "s", defaultToGlobal: true) == .readWrite)
        try await t.registry.setMode(.readOnly, subject: "s", force: false)
        #expect(try await t.registry.mode(subject: "s", defaultToGlobal: false) == .readOnly)
        #expect(try await t.registry.deleteMode(subject: "s") == .readOnly)
        #expect(await errorCode { try await t.registry.deleteMode(subject: "s") } == 40401)
        try await t.registry.setMode(.readOnly, subject: nil, force: false)
        #expect(try await t.registry.deleteMode(subject: nil) == .readOnly)
        #expect(try await t.registry.mode(subject: nil, defaultToGlobal: false) == .readWrite)
    }

    @Test func readOnlyBlocksWritesButNotReads() async throws {
        let t = try TestRegistry()
        let v = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        try await t.registry.setMode(.readOnly, subject: "s", force: false)
        #expect(await errorCode { try await t.registry.register(subject: "s", Schemas.user(), normalize: false) } == 42205)
        #expect(await errorCode { try await t.registry.deleteVersion(subject: "s", .number(1), permanent: false) } == 42205)
        #expect(await errorCode { try await t.registry.deleteSubject("s", permanent: false) } == 42205)
        #expect(await errorCode { try await t.registry.setCompatibilityLevel(.none, subject: "s") } == 42205)
        #expect(try await t.registry.lookup(subject: "s", Schemas.user(), normalize: false, includeDeleted: false) == v)
        // Other subjects are unaffected.
        _ = try await t.registry.register(subject: "other", Schemas.user(), normalize: false)
        // READONLY_OVERRIDE set globally wins over a subject's own READWRITE.
        try await t.registry.setMode(.readWrite, subject: "other", force: false)
        try await t.registry.setMode(.readOnlyOverride, subject: nil, force: false)
        #expect(await errorCode { try await t.registry.register(subject: "other", Schemas.user([Schemas.field("x", #""int""#)]), normalize: false) } == 42205)
        #expect(try await t.registry.mode(subject: "other", defaultToGlobal: false) == .readWrite)
    }

    @Test func importModeKeepsExplicitIdsAndSkipsCompatibility() async throws {
        let t = try TestRegistry()
        try await t.registry.setMode(.import, subject: nil, force: false)
        #expect(await errorCode { try await t.registry.register(subject: "s", Schemas.user(), normalize: false) } == 42205)
        var first = Schemas.user()
        first.id = 100
        first.version = 3
        let v = try await t.registry.register(subject: "s", first, normalize: false)
        #expect(v.id == 100)
        #expect(v.version == 3)
        // Incompatible, but IMPORT does not check.
        var second = SchemaSubmission(schema: #""string""#, id: 50)
        second.version = 4
        #expect(try await t.registry.register(subject: "s", second, normalize: false).id == 50)
        // An id held by a different schema cannot be overwritten.
        var clash = SchemaSubmission(schema: #""int""#, id: 100)
        clash.version = 5
        #expect(await errorCode { try await t.registry.register(subject: "s", clash, normalize: false) } == 42205)
        // Back to READWRITE: new ids continue after the highest imported one.
        try await t.registry.setMode(.readWrite, subject: nil, force: false)
        try await t.registry.setCompatibilityLevel(.none, subject: "s")
        let next = try await t.registry.register(subject: "s", SchemaSubmission(schema: #""bytes""#), normalize: false)
        #expect(next.id == 101)
        #expect(next.version == 5)
    }

    @Test func switchingToImportNeedsEmptyScopeUnlessForced() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        #expect(await errorCode { try await t.registry.setMode(.import, subject: nil, force: false) } == 42205)
        #expect(await errorCode { try await t.registry.setMode(.import, subject: "s", force: false) } == 42205)
        try await t.registry.setMode(.import, subject: "empty", force: false)
        try await t.registry.setMode(.import, subject: "s", force: true)
        #expect(try await t.registry.mode(subject: "s", defaultToGlobal: false) == .import)
    }

    @Test func readWriteRefusesExplicitIdsExceptTheOneRegistrationWouldGive() async throws {
        let t = try TestRegistry()
        let v = try await t.registry.register(subject: "s", Schemas.user(), normalize: false)
        var same = Schemas.user()
        same.id = v.id
        #expect(try await t.registry.register(subject: "s", same, normalize: false) == v)
        var other = Schemas.user()
        other.id = 77
        #expect(await errorCode { try await t.registry.register(subject: "t", other, normalize: false) } == 42205)
        var next = SchemaSubmission(schema: #""string""#, id: 2)
        next.version = nil
        #expect(try await t.registry.register(subject: "u", next, normalize: false).id == 2)
    }

    @Test func explicitVersionOutsideImportMustBeTheNextOne() async throws {
        let t = try TestRegistry()
        var submission = Schemas.user()
        submission.version = 2
        #expect(await errorCode { try await t.registry.register(subject: "s", submission, normalize: false) } == 42201)
        submission.version = 1
        #expect(try await t.registry.register(subject: "s", submission, normalize: false).version == 1)
    }

    @Test func invalidSubjectNamesAreRefused() async throws {
        let t = try TestRegistry()
        #expect(await errorCode { try await t.registry.register(subject: "", Schemas.user(), normalize: false) } == 42208)
        #expect(await errorCode { try await t.registry.register(subject: "a\u{0007}b", Schemas.user(), normalize: false) } == 42208)
        #expect(await errorCode { try await t.registry.setCompatibilityLevel(.none, subject: "x\ny") } == 42208)
    }

    @Test func unknownSchemaTypeIsInvalid() async throws {
        let t = try TestRegistry()
        #expect(await errorCode { try await t.registry.register(subject: "s", SchemaSubmission(schema: "{}", schemaType: .protobuf), normalize: false) } == 42201)
        #expect(await t.registry.schemaTypes() == [.avro, .json])
    }
}
