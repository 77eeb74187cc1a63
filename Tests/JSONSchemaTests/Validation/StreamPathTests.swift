import Testing
import JSONSchema
import JSONValue

/// `isValid(jsonText:)` proves validity from bytes; it must agree with parse-then-validate on every input.
@Suite("Validation from text")
struct StreamPathTests {
    static let schema = ##"""
    {"type": "object", "additionalProperties": false, "required": ["id", "tags"],
     "properties": {"id": {"type": "string", "pattern": "^[a-z]+$"}, "n": {"type": "integer", "minimum": 0},
                    "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
                    "sub": {"$ref": "#/$defs/sub"}},
     "$defs": {"sub": {"type": "object", "properties": {"x": {"enum": [1, "a"]}}}}}
    """##

    @Test(arguments: [
        ##"{"id": "abc", "tags": []}"##,
        ##"{"id": "abc", "tags": ["a", "b"], "n": 3, "sub": {"x": 1.0}}"##,
        ##"{"id": "a\u0062c", "tags": []}"##,
        ##"{"\u0069d": "abc", "tags": []}"##,
        ##"{"id": "abc", "tags": [], "extra": 1}"##,
        ##"{"id": "ABC", "tags": []}"##,
        ##"{"id": "abc", "tags": ["a", "b", "c"]}"##,
        ##"{"id": "abc", "tags": [], "n": -1}"##,
        ##"{"id": "abc", "tags": [], "n": 1.5}"##,
        ##"{"id": "abc", "tags": [], "n": 2.0}"##,
        ##"{"id": "abc", "tags": [], "n": 12345678901234567890}"##,
        ##"{"id": "abc", "tags": [], "sub": {"x": 2}}"##,
        ##"{"id": "abc", "tags": [], "id": "abc"}"##,
        ##"{"id": "abc", "tags": [],}"##,
        ##"{"id": "abc", "tags": [] } x"##,
        ##"{"id": "abc", "tags": [01]}"##,
        ##"{"id": "abc\u0001", "tags": []}"##,
        ##"{"id": "abc", "tags": ["\ud800"]}"##,
        ##"{"id": "abc", "tags": [], "sub": {"y": [[[{}]]], "x": "a"}}"##,
        ##" {"tags": [], "id": "abc"} "##,
        "",
        "[]",
    ])
    func agreesWithParseThenValidate(text: String) throws {
        let validator = try JSONSchemaValidator(schemaText: Self.schema)
        let reference = (try? JSONParser.parse(text)).map(validator.isValid) ?? false
        #expect(validator.isValid(jsonText: text) == reference)
    }
}
