import Testing
import JSONSchema
import JSONValue

/// Malformed and hostile schemas are rejected or bounded with a typed error, never a hang or a crash.
@Suite("Hostile schemas")
struct HostileSchemaTests {
    @Test func deepNestingIsRejected() {
        var schema = JSONValue.object(JSONObject([("type", .string("string"))]))
        for _ in 0..<2_000 { schema = .object(JSONObject([("items", schema)])) }
        do {
            _ = try JSONSchemaValidator(schema: schema)
            Issue.record("expected tooDeep")
        } catch {
            #expect(error.kind == .tooDeep)
        }
    }

    @Test func hugeEnumCompilesAndLooksUpByHash() throws {
        let values = (0..<100_000).map { JSONValue.string("v\($0)") } + [.int(7), .array([.double(1.0)])]
        let validator = try JSONSchemaValidator(schema: .object(JSONObject([("enum", .array(values))])))
        #expect(validator.isValid(.string("v99999")))
        #expect(!validator.isValid(.string("v100000")))
        #expect(validator.isValid(.double(7.0)))
        #expect(validator.isValid(.array([.int(1)])))
    }

    @Test func referenceCycleWithoutProgressIsACompileError() {
        for text in [##"{"$ref": "#"}"##, ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##] {
            do {
                _ = try JSONSchemaValidator(schemaText: text)
                Issue.record("expected referenceCycle for \(text)")
            } catch {
                #expect(error.kind == .referenceCycle)
            }
        }
    }

    @Test func loopThroughAnyOfIsBoundedAtValidation() throws {
        let validator = try JSONSchemaValidator(schemaText: ##"{"anyOf": [{"type": "string"}, {"$ref": "#"}]}"##)
        #expect(validator.isValid(.string("ok")))
        #expect(!validator.isValid(.int(1)))
        let loopOnly = try JSONSchemaValidator(schemaText: ##"{"not": {"$ref": "#"}}"##)
        // Terminates at the evaluation depth limit; both entry points agree on the outcome.
        #expect(loopOnly.validate(.int(1)).isEmpty == loopOnly.isValid(.int(1)))
    }

    @Test func recursionThroughChildrenIsOrdinary() throws {
        let validator = try JSONSchemaValidator(schemaText: ##"{"type": "object", "properties": {"next": {"$ref": "#"}}}"##)
        var value = JSONValue.object(JSONObject())
        for _ in 0..<100 { value = .object(JSONObject([("next", value)])) }
        #expect(validator.isValid(value))
    }

    @Test func instanceDeeperThanTheEvaluationLimitFailsCleanly() throws {
        let validator = try JSONSchemaValidator(schemaText: ##"{"type": "object", "properties": {"next": {"$ref": "#"}}}"##)
        var value = JSONValue.object(JSONObject())
        for _ in 0..<1_000 { value = .object(JSONObject([("next", value)])) }
        #expect(!validator.isValid(value))
        #expect(validator.validate(value).contains { $0.message.contains("evaluation deeper than") })
    }

    @Test func catastrophicPatternRunsInLinearTime() throws {
        let validator = try JSONSchemaValidator(schemaText: ##"{"pattern": "^(a+)+$"}"##)
        let hostile = String(repeating: "a", count: 50_000) + "!"
        #expect(!validator.isValid(.string(hostile)))
        #expect(validator.isValid(.string(String(repeating: "a", count: 50_000))))
    }

    @Test(arguments: [
        (##"{"type": "strung"}"##, JSONSchemaError.Kind.invalidKeyword, "#/type"),
        (##"{"minLength": -1}"##, .invalidKeyword, "#/minLength"),
        (##"{"properties": {"a": {"pattern": "(unclosed"}}}"##, .invalidPattern, "#/properties/a/pattern"),
        (##"{"properties": {"a": 5}}"##, .invalidSchema, "#/properties/a"),
        (##"{"multipleOf": 0}"##, .invalidKeyword, "#/multipleOf"),
        (##"{"allOf": []}"##, .invalidKeyword, "#/allOf"),
        (##"{"pattern": "a{2000}"}"##, .invalidPattern, "#/pattern"),
        ("{", .invalidJSON, ""),
    ])
    func invalidSchemasNameTheField(text: String, kind: JSONSchemaError.Kind, suffix: String) {
        do {
            _ = try JSONSchemaValidator(schemaText: text)
            Issue.record("expected \(kind) for \(text)")
        } catch {
            #expect(error.kind == kind)
            #expect(error.location.hasSuffix(suffix))
        }
    }
}
