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
        ##"{"id": "abcdefghijklmnopqrstuvwxyz", "tags": ["abcdefghijklmnop", "abcdefghijklmnopq"]}"##,
        ##"{"id": "abcdefghijklmnopqrstuvwxyz\u0041", "tags": []}"##,
        "{\"id\": \"abcdefghijk\tlmnop\", \"tags\": []}",
        "{\"id\": \"abcdefghijklmnop\u{0}\", \"tags\": []}",
        ##"{"id": "abcdefghijklmnopéqrstu", "tags": []}"##,
        ##"{"id": "abcdefghijklmnop\"qrstu", "tags": []}"##,
        ##"{"n": 1, "tags": [], "sub": {}, "id": "abc"}"##,
        ##"{"id": "abc", "tags": [], "n": 1, "sub": {"x": "a"}, "sub": {"x": "a"}}"##,
        ##"{"id" : "abc", "tags": [], "ta": 1}"##, ##"{"id": "abc", "tagsx": []}"##, ##"{"id": "abc", "tag": []}"##,
        ##"{"id": "abc", "\u0074ags": []}"##,
        ##"{"id": "abc", "tags": [], "n": -}"##, ##"{"id": "abc", "tags": [], "n": 1.}"##, ##"{"id": "abc", "tags": [], "n": 1e}"##,
        ##"{"id": "abc", "tags": [], "n": -01}"##, ##"{"id": "abc", "tags": [], "n": 1.5e3}"##, ##"{"id": "abc", "tags": [], "n": 0}"##,
        ##"{"id": "abc", "tags": [], "n": 1E+2}"##, ##"{"id": "abc", "tags": [], "n": 999999999999999999}"##, ##"{"id": "abc", "tags"##,
        "",
        "[]",
    ])
    func agreesWithParseThenValidate(text: String) throws {
        let validator = try JSONSchemaValidator(schemaText: Self.schema)
        let reference = (try? JSONParser.parse(text)).map(validator.isValid) ?? false
        #expect(validator.isValid(jsonText: text) == reference)
    }

    /// Scalars and `uniqueItems` are checked on bytes; these cases sit on the edges of what the bytes can decide.
    static let scalarSchema = ##"""
    {"type": "object",
     "properties": {
       "lo": {"type": "number", "minimum": 1, "exclusiveMaximum": 10},
       "ex": {"exclusiveMinimum": 1},
       "big": {"maximum": 9007199254740993},
       "dmin": {"minimum": 0.5},
       "i": {"type": "integer"},
       "m": {"multipleOf": 3},
       "len": {"type": "string", "minLength": 2, "maxLength": 3},
       "pat": {"pattern": "^é[a-z]+$"},
       "e": {"enum": ["PAID", "\u00e9", "e\u0301", 2, null]},
       "c": {"const": "x"},
       "lit": {"type": ["boolean", "null"]},
       "u": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
       "any": {"uniqueItems": true},
       "pre": {"pattern": "^ab[0-9]"},
       "fix": {"pattern": "^a.c$"}
     }}
    """##

    @Test(arguments: [
        ##"{"lo": 1}"##, ##"{"lo": 0.99}"##, ##"{"lo": 1.0}"##, ##"{"lo": 9.999999}"##, ##"{"lo": 10}"##, ##"{"lo": 10.0}"##,
        ##"{"lo": -0.5}"##, ##"{"lo": 0.99999999999999999999}"##, ##"{"lo": 1e0}"##, ##"{"lo": 5E-1}"##, ##"{"lo": "5"}"##,
        ##"{"ex": 1}"##, ##"{"ex": 1.0000000000001}"##, ##"{"ex": 1.00000000000000000001}"##, ##"{"ex": -1.5}"##, ##"{"ex": true}"##,
        ##"{"big": 9007199254740993}"##, ##"{"big": 9007199254740994}"##, ##"{"big": 9007199254740993.5}"##,
        ##"{"dmin": 0.5}"##, ##"{"dmin": 0.49}"##, ##"{"dmin": 1}"##, ##"{"dmin": 0}"##,
        ##"{"i": 2}"##, ##"{"i": 2.0}"##, ##"{"i": -2.5}"##, ##"{"i": -0.0}"##, ##"{"i": 2e0}"##, ##"{"i": 123456789012345678901}"##,
        ##"{"m": 9}"##, ##"{"m": -9}"##, ##"{"m": 10}"##, ##"{"m": 9.0}"##, ##"{"m": 4.5}"##,
        ##"{"len": "ab"}"##, ##"{"len": "a"}"##, ##"{"len": "abcd"}"##, ##"{"len": "éé"}"##, ##"{"len": "😀"}"##, ##"{"len": "😀😀😀😀"}"##,
        ##"{"len": "a\u0062"}"##, ##"{"len": 12}"##,
        ##"{"pat": "éab"}"##, ##"{"pat": "eab"}"##, ##"{"pat": "\u00e9ab"}"##, ##"{"pat": "é"}"##, ##"{"pat": null}"##,
        ##"{"e": "PAID"}"##, ##"{"e": "PAIDX"}"##, ##"{"e": "é"}"##, ##"{"e": "é"}"##, ##"{"e": "\u00e9"}"##, ##"{"e": 2}"##,
        ##"{"e": 2.0}"##, ##"{"e": null}"##, ##"{"e": false}"##, ##"{"e": "ė"}"##,
        ##"{"c": "x"}"##, ##"{"c": "y"}"##, ##"{"c": 1}"##, ##"{"c": "\u0078"}"##,
        ##"{"lit": true}"##, ##"{"lit": false}"##, ##"{"lit": null}"##, ##"{"lit": 0}"##, ##"{"lit": tru}"##, ##"{"lit": nulll}"##,
        ##"{"u": []}"##, ##"{"u": ["a", "b"]}"##, ##"{"u": ["a", "a"]}"##, ##"{"u": ["a", "\u0061"]}"##, ##"{"u": ["é", "é"]}"##,
        ##"{"u": ["a", 1]}"##, ##"{"u": ["a", "b", "ab", "ba", "a"]}"##,
        ##"{"u": ["0","1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20","21","22","23","24","25","26","27","28","29","30","31","32","0"]}"##,
        ##"{"u": ["0","1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20","21","22","23","24","25","26","27","28","29","30","31","32","33"]}"##,
        ##"{"pre": "ab1"}"##, ##"{"pre": "ab1xyz"}"##, ##"{"pre": "ab"}"##, ##"{"pre": "xab1"}"##,
        ##"{"fix": "abc"}"##, ##"{"fix": "a\nc"}"##, ##"{"fix": "aéc"}"##, ##"{"fix": "abcd"}"##, ##"{"fix": "ac"}"##,
        ##"{"len": "abcdefghijklmnopq", "c": "x"}"##, ##"{"c": "x", "len": "abcdefgh\"ijklmnopq"}"##,
        ##"{"len": "abcdefghijklmnopq\u0041"}"##, ##"{"len": "abcdefghijklmnopqé"}"##, "{\"len\": \"abcdefghi\u{7f}jklmnopq\"}",
        ##"{"lo": 2, "c": "x", "lo": 3}"##,
        ##"{"any": [1, 1.0]}"##, ##"{"any": [{"a": 1}, {"a": 1}]}"##, ##"{"any": ["x", "y"]}"##, ##"{"any": [0, -0]}"##,
    ])
    func scalarsOnBytesAgreeWithParseThenValidate(text: String) throws {
        let validator = try JSONSchemaValidator(schemaText: Self.scalarSchema)
        let reference = (try? JSONParser.parse(text)).map(validator.isValid) ?? false
        #expect(validator.isValid(jsonText: text) == reference)
    }
}
