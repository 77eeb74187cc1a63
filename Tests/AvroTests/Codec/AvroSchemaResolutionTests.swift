import Testing
import Avro

@Suite struct AvroSchemaResolutionTests {
    @Test func promotionsDefaultsSkippedFieldsAndEnumDefault() throws {
        let writer = try codec("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": "int"}, {"name": "gone", "type": {"type": "array", "items": "string"}},
          {"name": "b", "type": "float"}, {"name": "s", "type": "string"},
          {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["X", "Y", "Z"]}},
          {"name": "u", "type": ["null", "int"]}, {"name": "plain", "type": "long"}
        ]}
        """)
        let reader = try codec("""
        {"type": "record", "name": "R", "fields": [
          {"name": "plain", "type": ["null", "double"]},
          {"name": "a", "type": "long"}, {"name": "b", "type": "double"}, {"name": "s", "type": "bytes"},
          {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["X", "Y", "OTHER"], "default": "OTHER"}},
          {"name": "u", "type": ["null", "long"]},
          {"name": "added", "type": "string", "default": "none"}
        ]}
        """)
        let resolution = try AvroSchemaResolution(writer: writer, reader: reader)
        let data = try writer.encode(json: #"{"a":7,"gone":["x","y"],"b":1.5,"s":"hi","e":"Z","u":3,"plain":9}"#)
        let value = try resolution.decode(data)
        #expect(value == .record([.union(branch: 1, .double(9)), .long(7), .double(1.5), .bytes(Array("hi".utf8)),
                                  .enumeration("OTHER"), .union(branch: 1, .long(3)), .string("none")]))
        let translated = try resolution.translate(data)
        #expect(try reader.decode(translated) == value)
    }

    @Test func unresolvableSchemasNameTheField() throws {
        let writer = try codec(#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "string"}]}"#)
        let reader = try codec(#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}"#)
        do {
            _ = try AvroSchemaResolution(writer: writer, reader: reader)
            Issue.record("expected an unresolvable error")
        } catch {
            #expect(error.kind == .unresolvable)
            #expect(error.path == "/a")
        }
    }

    @Test func writerUnionBranchUnknownToReaderFailsOnlyWhenUsed() throws {
        let writer = try codec(#"["null", "string", "boolean"]"#)
        let reader = try codec(#"["null", "string"]"#)
        let resolution = try AvroSchemaResolution(writer: writer, reader: reader)
        #expect(try resolution.decode(writer.encode(json: #""x""#)) == .union(branch: 1, .string("x")))
        #expect(throws: AvroDataError.self) { try resolution.decode(writer.encode(json: "true")) }
    }

    @Test func recursiveRecordsResolve() throws {
        let writer = try codec(listSchemaText)
        let reader = try codec("""
        {"type": "record", "name": "Node", "fields": [
          {"name": "value", "type": "long"}, {"name": "next", "type": ["null", "Node"], "default": null},
          {"name": "label", "type": "string", "default": ""}
        ]}
        """)
        let resolution = try AvroSchemaResolution(writer: writer, reader: reader)
        let value = try resolution.decode(writer.encode(json: #"{"value":1,"next":{"value":2,"next":null}}"#))
        #expect(value == .record([.long(1), .union(branch: 1, .record([.long(2), .union(branch: 0, .null), .string("")])), .string("")]))
    }
}
