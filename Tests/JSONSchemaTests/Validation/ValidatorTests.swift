import Testing
import JSONSchema
import JSONValue

@Suite("Validator API")
struct ValidatorTests {
    let schema = """
    {"$id": "https://example.com/order", "type": "object", "required": ["id", "amount"], "additionalProperties": false,
     "properties": {"id": {"type": "string", "pattern": "^o-[0-9]+$"}, "amount": {"type": "number", "minimum": 0},
                    "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}}},
     "$defs": {"line": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string", "minLength": 2}}}}}
    """

    @Test func validInstancePasses() throws {
        let validator = try JSONSchemaValidator(schemaText: schema)
        let text = ##"{"id": "o-12", "amount": 3.5, "lines": [{"sku": "ab"}]}"##
        #expect(validator.isValid(jsonText: text))
        #expect(validator.validate(jsonText: text).isEmpty)
    }

    @Test func reportsEveryFailureWithPaths() throws {
        let validator = try JSONSchemaValidator(schemaText: schema)
        let errors = validator.validate(jsonText: ##"{"id": "x", "amount": -1, "extra": 1, "lines": [{"sku": "a"}, {}]}"##)
        let pairs = Set(errors.map { "\($0.instanceLocation) \($0.keywordLocation)" })
        #expect(pairs == [
            "/id https://example.com/order#/properties/id/pattern",
            "/amount https://example.com/order#/properties/amount/minimum",
            " https://example.com/order#/additionalProperties",
            "/lines/0/sku https://example.com/order#/$defs/line/properties/sku/minLength",
            "/lines/1 https://example.com/order#/$defs/line/required",
        ])
        #expect(!validator.isValid(jsonText: ##"{"id": "x", "amount": -1}"##))
    }

    @Test func textThatIsNotJSONIsOneRootError() throws {
        let validator = try JSONSchemaValidator(schemaText: schema)
        let errors = validator.validate(jsonText: "{nope")
        #expect(errors.count == 1)
        #expect(errors.first?.instanceLocation == "")
        #expect(!validator.isValid(jsonText: "{nope"))
    }

    @Test func draftComesFromSchemaKeywordElse2020() throws {
        let seven = try JSONSchemaValidator(schemaText: ##"{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "string"}]}"##)
        #expect(seven.draft == .draft7)
        #expect(!seven.isValid(jsonText: "[1]"))
        let implicit = try JSONSchemaValidator(schemaText: ##"{"prefixItems": [{"type": "string"}]}"##)
        #expect(implicit.draft == .draft2020_12)
        #expect(!implicit.isValid(jsonText: "[1]"))
        // 2020-12 forbids the array form of items; the error names the keyword.
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: ##"{"items": [{"type": "string"}]}"##) }
    }

    @Test func decimalMultipleOfIsExact() throws {
        let validator = try JSONSchemaValidator(schemaText: ##"{"multipleOf": 0.01}"##)
        #expect(validator.isValid(jsonText: "0.07"))
        #expect(validator.isValid(jsonText: "19.99"))
        #expect(!validator.isValid(jsonText: "0.075"))
        let tiny = try JSONSchemaValidator(schemaText: ##"{"multipleOf": 0.0001}"##)
        #expect(tiny.isValid(jsonText: "0.0075"))
        #expect(tiny.isValid(jsonText: "1e308"))
    }

    @Test func confluentStyleReferenceResolvesByName() throws {
        let customer = try JSONParser.parse(##"{"type": "object", "required": ["name"], "properties": {"name": {"$ref": "#/$defs/n"}}, "$defs": {"n": {"type": "string"}}}"##)
        let options = JSONSchemaOptions(externalSchemas: ["customer.json": customer])
        let validator = try JSONSchemaValidator(schemaText: ##"{"properties": {"customer": {"$ref": "customer.json"}}}"##, options: options)
        #expect(validator.isValid(jsonText: ##"{"customer": {"name": "Ada"}}"##))
        #expect(!validator.isValid(jsonText: ##"{"customer": {"name": 1}}"##))
        #expect(!validator.isValid(jsonText: ##"{"customer": {}}"##))
    }

    @Test func unresolvedReferenceIsACompileError() {
        do {
            _ = try JSONSchemaValidator(schemaText: ##"{"properties": {"a": {"$ref": "missing.json"}}}"##)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unresolvedReference)
            #expect(error.location.hasSuffix("#/properties/a/$ref"))
        }
    }

    @Test func stringLengthCountsCodePoints() throws {
        let validator = try JSONSchemaValidator(schemaText: ##"{"maxLength": 2, "minLength": 2}"##)
        #expect(validator.isValid(.string("💩💩")))
        #expect(!validator.isValid(.string("💩💩💩")))
        #expect(!validator.isValid(.string("a")))
    }

    @Test func formatIsAnnotationUnlessAsserted() throws {
        let text = ##"{"format": "date-time"}"##
        #expect(try JSONSchemaValidator(schemaText: text).isValid(.string("not a date")))
        let asserting = try JSONSchemaValidator(schemaText: text, options: JSONSchemaOptions(assertFormat: true))
        #expect(!asserting.isValid(.string("not a date")))
        #expect(asserting.isValid(.string("2025-02-28T12:00:00.5+01:00")))
        #expect(!asserting.isValid(.string("2025-02-29T12:00:00Z")))
    }

    @Test(arguments: [
        (JSONSchemaFormat.ipv4, "192.168.0.1", true), (.ipv4, "256.1.1.1", false), (.ipv4, "01.1.1.1", false),
        (.ipv6, "::1", true), (.ipv6, "1:2:3:4:5:6:7:8", true), (.ipv6, "1::2::3", false), (.ipv6, "::ffff:10.0.0.1", true),
        (.email, "ada@example.com", true), (.email, "ada@", false), (.email, "a..b@example.com", false),
        (.hostname, "example.com", true), (.hostname, "-bad.com", false),
        (.uuid, "123e4567-e89b-12d3-a456-426614174000", true), (.uuid, "123e4567e89b12d3a456426614174000", false),
        (.uri, "https://example.com/a?b#c", true), (.uri, "//no-scheme", false),
        (.date, "2024-02-29", true), (.date, "2023-02-29", false), (.time, "23:59:60Z", true), (.time, "12:00:60Z", false),
    ])
    func formats(format: JSONSchemaFormat, text: String, valid: Bool) {
        #expect(format.accepts(text) == valid)
    }
}
