import JSONValue
import Testing
@testable import Avro

@Suite struct PrimitiveAndComplexTypeTests {
    @Test(arguments: [
        ("null", AvroSchema.null), ("boolean", .boolean), ("int", .int(nil)), ("long", .long(nil)),
        ("float", .float), ("double", .double), ("bytes", .bytes(nil)), ("string", .string(nil)),
    ])
    func primitivesInBothSpellings(name: String, expected: AvroSchema) throws {
        #expect(try AvroSchemaParser.parse("\"\(name)\"").root == expected)
        #expect(try AvroSchemaParser.parse("{\"type\":\"\(name)\"}").root == expected)
    }

    @Test func arraysAndMaps() throws {
        #expect(try AvroSchemaParser.parse(#"{"type":"array","items":"int"}"#).root == .array(.int(nil)))
        #expect(try AvroSchemaParser.parse(#"{"type":"map","values":{"type":"array","items":"string"}}"#).root == .map(.array(.string(nil))))
        expectSchemaRejected(#"{"type":"array"}"#, at: "", mentioning: "items")
        expectSchemaRejected(#"{"type":"map","items":"int"}"#, at: "", mentioning: "values")
        expectSchemaRejected(#"{"type":"array","items":"nope"}"#, at: "/items", mentioning: "unknown type 'nope'")
    }

    @Test func unions() throws {
        #expect(try AvroSchemaParser.parse(#"["null","string"]"#).root == .union([.null, .string(nil)]))
        #expect(try AvroSchemaParser.parse("[]").root == .union([]))
        expectSchemaRejected(#"["int","int"]"#, at: "/1", mentioning: "twice")
        expectSchemaRejected(#"["null",{"type":"int","logicalType":"date"},"int"]"#, at: "/2", mentioning: "twice")
        expectSchemaRejected(#"[{"type":"array","items":"int"},{"type":"array","items":"long"}]"#, at: "/1", mentioning: "twice")
        expectSchemaRejected(#"["null",["int","string"]]"#, at: "/1", mentioning: "another union")
    }

    @Test func unionsMayHoldDistinctNamedTypes() throws {
        let text = #"[{"type":"fixed","name":"A","size":1},{"type":"fixed","name":"B","size":1},"A"]"#
        expectSchemaRejected(text, at: "/2", mentioning: "'A' twice")
        let ok = try AvroSchemaParser.parse(#"[{"type":"fixed","name":"A","size":1},{"type":"fixed","name":"B","size":1}]"#)
        guard case .union(let branches) = ok.root else {
            Issue.record("not a union")
            return
        }
        #expect(branches.count == 2)
    }

    @Test func malformedSchemas() {
        expectSchemaRejected("42", at: "", mentioning: "a schema must be")
        expectSchemaRejected(#"{"items":"int"}"#, at: "", mentioning: "'type'")
        expectSchemaRejected(#"{"type":3}"#, at: "/type", mentioning: "must be a string")
        expectSchemaRejected(#"{"type":"whatever"}"#, at: "/type", mentioning: "unknown type")
        expectSchemaRejected("\"Missing\"", at: "", mentioning: "unknown type 'Missing'")
        expectSchemaRejected("{", at: "", mentioning: "not valid JSON")
    }

    @Test func deepNestingIsRejectedWithoutCrashing() {
        let depth = 5_000
        let text = String(repeating: #"{"type":"array","items":"#, count: depth) + "\"int\"" + String(repeating: "}", count: depth)
        #expect(schemaParseError(text)?.message.contains("nesting") == true)
        let unions = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(schemaParseError(unions) != nil)
    }

    @Test func nestingWithinTheJSONLimitParses() throws {
        let depth = 200
        let text = String(repeating: #"{"type":"array","items":"#, count: depth) + "\"int\"" + String(repeating: "}", count: depth)
        var schema = try AvroSchemaParser.parse(text).root
        var levels = 0
        while case .array(let items) = schema {
            levels += 1
            schema = items
        }
        #expect(levels == depth)
    }
}
