import RegistryCore
import Testing

/// `schemaType: JSON` through the registry core over a real SQLite file.
@Suite struct JSONSchemaRegistryTests {
    static let customer = #"{"type":"object","properties":{"name":{"type":"string"},"email":{"type":"string"}},"required":["name"]}"#

    static func json(_ text: String, references: [SchemaReference] = []) -> SchemaSubmission {
        SchemaSubmission(schema: text, schemaType: .json, references: references)
    }

    /// The registry error a call ended with; nil when it succeeded or failed otherwise.
    static func registryError<T>(_ body: () async throws -> T) async -> RegistryError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? RegistryError
        }
    }

    @Test func jsonIsAServedType() async throws {
        let t = try TestRegistry()
        #expect(await t.registry.schemaTypes().contains(.json))
    }

    @Test func registerLookupAndSameIDAcrossSubjects() async throws {
        let t = try TestRegistry()
        let first = try await t.registry.register(subject: "customer-value", Self.json(Self.customer), normalize: false)
        #expect(first.version == 1)
        #expect(first.schema.schemaType == .json)
        #expect(first.schema.schema == Self.customer)
        // Whitespace is not part of the stored text, so a pretty-printed copy is the same schema.
        let spaced = "{ \"type\": \"object\",\n \"properties\": {\"name\": {\"type\": \"string\"}, \"email\": {\"type\": \"string\"}},\n \"required\": [\"name\"] }"
        let again = try await t.registry.register(subject: "customer-value", Self.json(spaced), normalize: false)
        #expect(again.id == first.id)
        #expect(again.version == 1)
        let other = try await t.registry.register(subject: "other", Self.json(Self.customer), normalize: false)
        #expect(other.id == first.id)
        let found = try await t.registry.lookup(subject: "customer-value", Self.json(spaced), normalize: false, includeDeleted: false)
        #expect(found.id == first.id)
        // The same text as Avro is another schema type, hence not found under this subject.
        #expect(await errorCode { try await t.registry.lookup(subject: "customer-value", SchemaSubmission(schema: Self.customer), normalize: false, includeDeleted: false) } != nil)
    }

    @Test func normalizeMakesKeyOrderIrrelevant() async throws {
        let t = try TestRegistry()
        let reordered = #"{"required":["name"],"properties":{"email":{"type":"string"},"name":{"type":"string"}},"type":"object"}"#
        let plain = try await t.registry.register(subject: "a", Self.json(Self.customer), normalize: false)
        let plainOther = try await t.registry.register(subject: "b", Self.json(reordered), normalize: false)
        #expect(plain.id != plainOther.id)
        let normalized = try await t.registry.register(subject: "c", Self.json(Self.customer), normalize: true)
        let normalizedOther = try await t.registry.register(subject: "d", Self.json(reordered), normalize: true)
        #expect(normalized.id == normalizedOther.id)
        #expect(normalized.schema.schema == #"{"properties":{"email":{"type":"string"},"name":{"type":"string"}},"required":["name"],"type":"object"}"#)
    }

    @Test func invalidSchemasAre42201NamingThePath() async throws {
        let t = try TestRegistry()
        // 1e400 has no 64-bit float: stored as null it would change the schema, so it is refused with its place.
        let overflow = await Self.registryError { try await t.registry.register(subject: "s", Self.json(#"{"properties":{"n":{"maximum":1e400}}}"#), normalize: false) }
        #expect(overflow?.errorCode == 42201)
        #expect(overflow?.message.contains("/properties/n/maximum") == true, "\(String(describing: overflow))")
        for text in ["{broken", "42", #"{"type":"object","properties":{"age":{"minimum":"ten"}}}"#, #"{"type":"strng"}"#] {
            #expect(await errorCode { try await t.registry.register(subject: "s", Self.json(text), normalize: false) } == 42201, "\(text)")
        }
        let error = await Self.registryError { try await t.registry.register(subject: "s", Self.json(#"{"type":"object","properties":{"age":{"minimum":"ten"}}}"#), normalize: false) }
        #expect(error?.message.contains("/properties/age") == true, "\(String(describing: error))")
    }

    /// One candidate checked at every level against v1 `{type: string}` and v2 `{maxLength: 10}` (registered
    /// under NONE): each level decides differently for a looser and a tighter bound.
    @Test(arguments: CompatibilityLevel.allCases)
    func everyLevelDecidesByDirectionAndHistory(level: CompatibilityLevel) async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.none, subject: "s")
        _ = try await t.registry.register(subject: "s", Self.json(#"{"type":"string"}"#), normalize: false)
        _ = try await t.registry.register(subject: "s", Self.json(#"{"type":"string","maxLength":10}"#), normalize: false)
        try await t.registry.setCompatibilityLevel(level, subject: "s")
        let looser = try await t.registry.checkCompatibility(subject: "s", version: nil, Self.json(#"{"type":"string","maxLength":20}"#), normalize: false)
        let tighter = try await t.registry.checkCompatibility(subject: "s", version: nil, Self.json(#"{"type":"string","maxLength":5}"#), normalize: false)
        let expected: (looser: Bool, tighter: Bool)
        switch level {
        case .none: expected = (true, true)
        case .backward: expected = (true, false)
        case .backwardTransitive: expected = (false, false)
        case .forward: expected = (false, true)
        case .forwardTransitive: expected = (false, true)
        case .full, .fullTransitive: expected = (false, false)
        }
        #expect(looser.isCompatible == expected.looser)
        #expect(tighter.isCompatible == expected.tighter)
        for verdict in [looser, tighter] where !verdict.isCompatible {
            #expect(!verdict.issues.isEmpty)
            #expect(verdict.issues.allSatisfy { $0.kind.hasPrefix("MAX_LENGTH_") })
            #expect(verdict.messages.contains { $0.contains("MAX_LENGTH_") })
            #expect(verdict.messages.contains("{compatibility: '\(level.rawValue)'}"))
        }
    }

    @Test func incompatibleRegistrationIs409WithReasons() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "s", Self.json(#"{"type":"object","properties":{"id":{"type":"integer"}}}"#), normalize: false)
        let error = await Self.registryError {
            try await t.registry.register(subject: "s", Self.json(#"{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}"#), normalize: false)
        }
        #expect(error?.errorCode == 409)
        var messages: [String] = []
        if case .incompatibleSchema(_, let found)? = error { messages = found }
        #expect(messages.contains { $0.contains("REQUIRED_ATTRIBUTE_ADDED") && $0.contains("#/required") }, "\(messages)")
    }

    @Test func referencesResolveByNameAcrossSubjects() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "customer", Self.json(Self.customer), normalize: false)
        let order = #"{"type":"object","properties":{"customer":{"$ref":"customer.json"},"total":{"type":"number"}},"required":["customer"]}"#
        let reference = SchemaReference(name: "customer.json", subject: "customer", version: -1)
        let v1 = try await t.registry.register(subject: "order", Self.json(order, references: [reference]), normalize: false)
        #expect(v1.schema.references == [SchemaReference(name: "customer.json", subject: "customer", version: 1)])
        #expect(try await t.registry.referencedBy(subject: "customer", .number(1)) == [v1.id])
        // Without the reference the `$ref` has nothing to resolve to.
        #expect(await errorCode { try await t.registry.register(subject: "order2", Self.json(order), normalize: false) } == 42201)
        // An Avro schema cannot stand behind a JSON `$ref`.
        _ = try await t.registry.register(subject: "avro", SchemaSubmission(schema: #"{"type":"record","name":"C","fields":[]}"#), normalize: false)
        let avroReference = SchemaReference(name: "customer.json", subject: "avro", version: 1)
        #expect(await errorCode { try await t.registry.register(subject: "order3", Self.json(order, references: [avroReference]), normalize: false) } == 42201)
        // Compatibility follows the reference: the new order narrows what the referenced customer may be.
        let narrowed = #"{"type":"object","properties":{"customer":{"$ref":"customer.json"},"total":{"type":"number"}},"required":["customer","total"]}"#
        let verdict = try await t.registry.checkCompatibility(subject: "order", version: nil, Self.json(narrowed, references: [reference]), normalize: false)
        #expect(!verdict.isCompatible)
        let widened = #"{"type":"object","properties":{"customer":{"$ref":"customer.json"},"total":{"type":["number","null"]}},"required":["customer"]}"#
        let fine = try await t.registry.checkCompatibility(subject: "order", version: nil, Self.json(widened, references: [reference]), normalize: false)
        #expect(fine.isCompatible, "\(fine.messages)")
    }

    /// The old version reads its own version of a referenced subject: pointing the same text at a narrower
    /// customer is a change, even though both versions name the reference `customer.json`.
    @Test func eachVersionReadsItsOwnVersionOfAReference() async throws {
        let t = try TestRegistry()
        try await t.registry.setCompatibilityLevel(.none, subject: "customer")
        _ = try await t.registry.register(subject: "customer", Self.json(Self.customer), normalize: false)
        let stricter = #"{"type":"object","properties":{"name":{"type":"string"},"email":{"type":"string"}},"required":["name","email"]}"#
        _ = try await t.registry.register(subject: "customer", Self.json(stricter), normalize: false)
        let order = #"{"type":"object","properties":{"customer":{"$ref":"customer.json"}},"required":["customer"]}"#
        _ = try await t.registry.register(subject: "order", Self.json(order, references: [SchemaReference(name: "customer.json", subject: "customer", version: 1)]), normalize: false)
        let onStricter = Self.json(order, references: [SchemaReference(name: "customer.json", subject: "customer", version: 2)])
        let verdict = try await t.registry.checkCompatibility(subject: "order", version: nil, onStricter, normalize: false)
        #expect(!verdict.isCompatible)
        #expect(verdict.messages.contains { $0.contains("REQUIRED_ATTRIBUTE_ADDED") && !$0.contains("\u{0}") }, "\(verdict.messages)")
        // The same reference version on both sides is still compatible.
        let same = Self.json(order, references: [SchemaReference(name: "customer.json", subject: "customer", version: 1)])
        #expect(try await t.registry.checkCompatibility(subject: "order", version: nil, same, normalize: false).isCompatible)
    }

    // MARK: Hostile schemas: refused or bounded, never a crash or a hang

    @Test func deepNestingIsRefused() async throws {
        let t = try TestRegistry()
        // Deeper than the engine's subschema limit (256) but within the JSON parser's (512).
        let nested = String(repeating: #"{"not":"#, count: 400) + "{}" + String(repeating: "}", count: 400)
        #expect(await errorCode { try await t.registry.register(subject: "s", Self.json(nested), normalize: false) } == 42201)
        // Deeper than the JSON parser accepts at all.
        let deeper = String(repeating: #"{"items":"#, count: 5_000) + "{}" + String(repeating: "}", count: 5_000)
        #expect(await errorCode { try await t.registry.register(subject: "s", Self.json(deeper), normalize: false) } == 42201)
    }

    @Test func hugeEnumsRegisterAndCompareWithBoundedMessages() async throws {
        let t = try TestRegistry()
        let values = (0..<50_000).map { "\"value-\($0)\"" }
        _ = try await t.registry.register(subject: "s", Self.json(#"{"enum":[\#(values.joined(separator: ","))]}"#), normalize: false)
        let fewer = #"{"enum":[\#(values.prefix(10).joined(separator: ","))]}"#
        let verdict = try await t.registry.checkCompatibility(subject: "s", version: nil, Self.json(fewer), normalize: false)
        #expect(!verdict.isCompatible)
        #expect(verdict.issues.contains { $0.kind == "ENUM_ARRAY_NARROWED" })
        #expect(verdict.issues.allSatisfy { $0.message.utf8.count <= 1_200 })
    }

    @Test func catastrophicPatternsAreAcceptedOnlyWhereBoundedOrRefused() async throws {
        let t = try TestRegistry()
        // Nested quantifiers run on the linear-time engine; the schema is fine.
        let nested = try await t.registry.register(subject: "s", Self.json(#"{"type":"string","pattern":"^(a+)+$"}"#), normalize: false)
        #expect(nested.version == 1)
        // Each pattern is short but expands to ~20,000 automaton states; thousands of them must not exhaust
        // memory while compiling: the total is bounded.
        let expanding = (0..<2_000).map { #""p\#($0)":{"type":"string","pattern":"^(?:[a-z]{999}){20}\#($0)$"}"# }
        let expandingSchema = #"{"type":"object","properties":{\#(expanding.joined(separator: ","))}}"#
        let error = await Self.registryError { try await t.registry.register(subject: "p", Self.json(expandingSchema), normalize: false) }
        #expect(error?.errorCode == 42201)
        #expect(error?.message.contains("automaton states") == true, "\(String(describing: error))")
        for pattern in ["(unclosed", String(repeating: "a", count: 5_000)] {
            #expect(await errorCode { try await t.registry.register(subject: "p", Self.json(#"{"type":"string","pattern":"\#(pattern)"}"#), normalize: false) } == 42201)
        }
    }

    @Test func referenceCyclesAreRefusedButRecursionIsFine() async throws {
        let t = try TestRegistry()
        for cycle in [##"{"$ref":"#"}"##, ##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##] {
            #expect(await errorCode { try await t.registry.register(subject: "s", Self.json(cycle), normalize: false) } == 42201, "\(cycle)")
        }
        // A tree refers to itself through a child value: legitimate, and compatibility terminates on it.
        let tree = ##"{"type":"object","properties":{"label":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}}}"##
        _ = try await t.registry.register(subject: "tree", Self.json(tree), normalize: false)
        let tree2 = ##"{"type":"object","properties":{"label":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}},"weight":{"type":"number"}}}"##
        let verdict = try await t.registry.checkCompatibility(subject: "tree", version: nil, Self.json(tree2), normalize: false)
        // An open content model gaining a property is Confluent's PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL.
        #expect(verdict.issues.allSatisfy { $0.kind == "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL" })
    }
}

/// Shared definitions multiplied by combinators: small schemas whose naive comparison or evaluation costs 2^30.
@Suite struct JSONSchemaBlowUpTests {
    static func doubling(_ keyword: String, levels: Int, leaf: String = #"{"type":"string"}"#) -> String {
        var definitions = [#""d0":\#(leaf)"#]
        for level in 1...levels {
            definitions.append(##""d\##(level)":{"\##(keyword)":[{"$ref":"#/$defs/d\##(level - 1)"},{"$ref":"#/$defs/d\##(level - 1)"}]}"##)
        }
        return ##"{"$defs":{\##(definitions.joined(separator: ","))},"$ref":"#/$defs/d\##(levels)"}"##
    }

    @Test func compatibilityOfMultiplyingDefinitionsIsCutShortWithAReason() async throws {
        let t = try TestRegistry()
        _ = try await t.registry.register(subject: "s", JSONSchemaRegistryTests.json(Self.doubling("anyOf", levels: 30)), normalize: false)
        let other = Self.doubling("anyOf", levels: 30, leaf: #"{"type":"string","minLength":0}"#)
        let verdict = try await t.registry.checkCompatibility(subject: "s", version: nil, JSONSchemaRegistryTests.json(other), normalize: false)
        #expect(!verdict.isCompatible)
        #expect(verdict.issues.contains { $0.kind == "SCHEMA_TOO_COMPLEX_TO_COMPARE" })
    }
}

/// Wide schemas: comparison must stay linear in the number of properties, and the reasons bounded.
@Suite struct JSONSchemaWideSchemaTests {
    @Test func tenThousandPropertiesCompareInLinearTimeWithBoundedReasons() async throws {
        let t = try TestRegistry()
        let properties = (0..<10_000).map { #""p\#($0)":{"type":"string"}"# }
        _ = try await t.registry.register(subject: "wide", JSONSchemaRegistryTests.json(#"{"type":"object","properties":{\#(properties.joined(separator: ","))}}"#), normalize: false)
        let added = (10_000..<20_000).map { #""p\#($0)":{"type":"string"}"# }
        let wider = #"{"type":"object","properties":{\#((properties + added).joined(separator: ","))}}"#
        let verdict = try await t.registry.checkCompatibility(subject: "wide", version: nil, JSONSchemaRegistryTests.json(wider), normalize: false)
        #expect(!verdict.isCompatible)
        // 10,000 properties added to an open model: the first 100 reasons and a count of the rest.
        #expect(verdict.issues.count == 101)
        #expect(verdict.issues.last?.kind == "MORE_DIFFERENCES")
        #expect(verdict.issues.last?.message.hasPrefix("9900 more") == true)
    }

    @Test func wideCombinatorsStopBeforeTheirPairTable() async throws {
        let t = try TestRegistry()
        let branches = (0..<2_000).map { #"{"const":\#($0)}"# }
        _ = try await t.registry.register(subject: "sum", JSONSchemaRegistryTests.json(#"{"anyOf":[\#(branches.joined(separator: ","))]}"#), normalize: false)
        let reversed = #"{"anyOf":[\#(branches.reversed().joined(separator: ","))]}"#
        let verdict = try await t.registry.checkCompatibility(subject: "sum", version: nil, JSONSchemaRegistryTests.json(reversed), normalize: false)
        #expect(verdict.issues.contains { $0.kind == "SCHEMA_TOO_COMPLEX_TO_COMPARE" })
    }
}
