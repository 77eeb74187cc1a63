import JSONValue
import Testing
@testable import Avro

@Suite struct NamedTypeTests {
    @Test func recordWithEverything() throws {
        let text = #"""
        {"type":"record","name":"Order","namespace":"com.shop","doc":"an order","aliases":["Purchase","old.Order"],
         "x-owner":"team","fields":[
          {"name":"id","type":"long","doc":"key","order":"descending","aliases":["key"],"x-pii":false},
          {"name":"note","type":["null","string"],"default":null}
        ]}
        """#
        let parsed = try AvroSchemaParser.parse(text)
        guard case .record(let record) = parsed.root else {
            Issue.record("not a record")
            return
        }
        #expect(record.name == AvroName(name: "Order", namespace: "com.shop"))
        #expect(record.aliases == [AvroName(fullName: "com.shop.Purchase"), AvroName(fullName: "old.Order")])
        #expect(record.doc == "an order")
        #expect(record.properties == JSONObject([("x-owner", .string("team"))]))
        #expect(record.fields.map(\.name) == ["id", "note"])
        #expect(record.fields[0].order == .descending)
        #expect(record.fields[0].aliases == ["key"])
        #expect(record.fields[0].doc == "key")
        #expect(record.fields[0].properties == JSONObject([("x-pii", .bool(false))]))
        #expect(record.fields[1].defaultValue == .null)
        #expect(parsed.names[AvroName(fullName: "com.shop.Order")] == parsed.root)
    }

    @Test func customPropertiesKeepTheirOrder() throws {
        let parsed = try AvroSchemaParser.parse(#"{"type":"enum","name":"E","symbols":["A"],"z":1,"a":2,"m":3}"#)
        guard case .enumeration(let definition) = parsed.root else {
            Issue.record("not an enum")
            return
        }
        #expect(definition.properties.keys == ["z", "a", "m"])
    }

    @Test func errorTypeIsARecordFlaggedAsError() throws {
        guard case .record(let record) = try AvroSchemaParser.parse(#"{"type":"error","name":"Oops","fields":[]}"#).root else {
            Issue.record("not a record")
            return
        }
        #expect(record.isError)
    }

    @Test func namespacesAreInheritedOverriddenAndNulled() throws {
        let text = #"""
        {"type":"record","name":"Outer","namespace":"a.b","fields":[
          {"name":"inherits","type":{"type":"fixed","name":"F","size":2}},
          {"name":"dotted","type":{"type":"enum","name":"x.y.E","namespace":"ignored","symbols":["S"]}},
          {"name":"explicit","type":{"type":"record","name":"R","namespace":"c","fields":[
            {"name":"inner","type":{"type":"fixed","name":"G","size":1}}]}},
          {"name":"global","type":{"type":"fixed","name":"H","namespace":"","size":1}},
          {"name":"shortRef","type":"F"},
          {"name":"fullRef","type":"c.G"},
          {"name":"globalRef","type":"H"}
        ]}
        """#
        let parsed = try AvroSchemaParser.parse(text)
        for name in ["a.b.Outer", "a.b.F", "x.y.E", "c.R", "c.G", "H"] {
            #expect(parsed.names[AvroName(fullName: name)] != nil, "\(name)")
        }
        guard case .record(let record) = parsed.root else {
            Issue.record("not a record")
            return
        }
        #expect(record.fields[4].type == .reference(AvroName(fullName: "a.b.F")))
        #expect(record.fields[5].type == .reference(AvroName(fullName: "c.G")))
        #expect(record.fields[6].type == .reference(AvroName(fullName: "H")))
    }

    @Test func recursiveTypes() throws {
        let text = #"{"type":"record","name":"Node","fields":[{"name":"value","type":"int"},{"name":"next","type":["null","Node"],"default":null},{"name":"children","type":{"type":"array","items":"Node"},"default":[]}]}"#
        let parsed = try AvroSchemaParser.parse(text)
        guard case .record(let record) = parsed.root else {
            Issue.record("not a record")
            return
        }
        #expect(record.fields[1].type == .union([.null, .reference(AvroName(fullName: "Node"))]))
        #expect(parsed.names.resolve(.reference(AvroName(fullName: "Node"))) == parsed.root)
    }

    @Test func invalidNames() {
        expectSchemaRejected(#"{"type":"record","name":"1abc","fields":[]}"#, at: "/name", mentioning: "invalid name")
        expectSchemaRejected(#"{"type":"record","name":"a..b","fields":[]}"#, at: "/name", mentioning: "invalid name")
        expectSchemaRejected(#"{"type":"record","name":"R","namespace":"a.9","fields":[]}"#, at: "/namespace", mentioning: "invalid namespace")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"bad-name","type":"int"}]}"#, at: "/fields/0/name", mentioning: "invalid field name")
        expectSchemaRejected(#"{"type":"enum","name":"E","symbols":["ok","not ok"]}"#, at: "/symbols/1", mentioning: "invalid enum symbol")
        expectSchemaRejected(#"{"type":"fixed","name":"F","aliases":["-x"],"size":1}"#, at: "/aliases/0", mentioning: "invalid alias")
        expectSchemaRejected(#"{"type":"fixed","name":"ns.int","size":1}"#, at: "/name", mentioning: "primitive")
        expectSchemaRejected(#"{"type":"record","fields":[]}"#, at: "", mentioning: "needs a 'name'")
        expectSchemaRejected(#"{"type":"record","name":5,"fields":[]}"#, at: "/name", mentioning: "must be a string")
    }

    @Test func duplicates() {
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"long"}]}"#,
                       at: "/fields/1/name", mentioning: "duplicate field name 'a'")
        expectSchemaRejected(#"{"type":"enum","name":"E","symbols":["A","B","A"]}"#, at: "/symbols/2", mentioning: "duplicate enum symbol")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"a","type":{"type":"fixed","name":"R","size":1}}]}"#,
                       at: "/fields/0/type/name", mentioning: "already defined")
    }

    @Test func requiredAttributes() {
        expectSchemaRejected(#"{"type":"record","name":"R"}"#, at: "", mentioning: "'fields'")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":{}}"#, at: "/fields", mentioning: "must be an array")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"a"}]}"#, at: "/fields/0", mentioning: "needs a 'type'")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":["a"]}"#, at: "/fields/0", mentioning: "must be an object")
        expectSchemaRejected(#"{"type":"enum","name":"E"}"#, at: "", mentioning: "'symbols'")
        expectSchemaRejected(#"{"type":"enum","name":"E","symbols":[1]}"#, at: "/symbols/0", mentioning: "expected a string")
        expectSchemaRejected(#"{"type":"fixed","name":"F"}"#, at: "", mentioning: "'size'")
        expectSchemaRejected(#"{"type":"fixed","name":"F","size":-1}"#, at: "/size", mentioning: "non-negative")
        expectSchemaRejected(#"{"type":"fixed","name":"F","size":1.5}"#, at: "/size", mentioning: "non-negative")
        expectSchemaRejected(#"{"type":"record","name":"R","doc":7,"fields":[]}"#, at: "/doc", mentioning: "'doc' must be a string")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"a","type":"int","order":"up"}]}"#, at: "/fields/0/order", mentioning: "'order'")
    }

    @Test func enumDefaultMustBeASymbol() throws {
        guard case .enumeration(let definition) = try AvroSchemaParser.parse(#"{"type":"enum","name":"E","symbols":["A","B"],"default":"B"}"#).root else {
            Issue.record("not an enum")
            return
        }
        #expect(definition.defaultSymbol == "B")
        expectSchemaRejected(#"{"type":"enum","name":"E","symbols":["A"],"default":"C"}"#, at: "/default", mentioning: "one of its symbols")
    }

    @Test func objectFormReferenceResolves() throws {
        let parsed = try AvroSchemaParser.parse(#"{"type":"record","name":"R","namespace":"n","fields":[{"name":"a","type":{"type":"fixed","name":"F","size":4}},{"name":"b","type":{"type":"F"}}]}"#)
        guard case .record(let record) = parsed.root else {
            Issue.record("not a record")
            return
        }
        #expect(record.fields[1].type == .reference(AvroName(fullName: "n.F")))
    }

    @Test func errorPathsEscapeJSONPointerCharacters() {
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"m","type":{"type":"map","values":"long"},"default":{"a/b~c":"x"}}]}"#,
                       at: "/fields/0/default/a~1b~0c", mentioning: "invalid default")
    }
}

@Suite struct DuplicateKeyTests {
    @Test func repeatedKeysAreRejectedWherever() {
        expectSchemaRejected(#"{"type":"record","name":"A","name":"B","fields":[]}"#, at: "/name", mentioning: "more than once")
        expectSchemaRejected(#"{"type":"int","x":1,"x":2}"#, at: "/x", mentioning: "more than once")
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"m","type":{"type":"map","values":"int"},"default":{"k":1,"k":2}}]}"#,
                       at: "/fields/0/default/k", mentioning: "more than once")
    }
}

@Suite struct NamespaceAttributeTests {
    @Test func dottedNameIgnoresTheNamespaceAttribute() throws {
        let parsed = try AvroSchemaParser.parse(#"{"type":"fixed","name":"a.F","namespace":"not valid!","size":1}"#)
        #expect(parsed.root.fullName == AvroName(fullName: "a.F"))
    }

    @Test func nullNamespaceMeansAbsent() throws {
        let parsed = try AvroSchemaParser.parse(#"{"type":"record","name":"R","namespace":"n","fields":[{"name":"f","type":{"type":"fixed","name":"F","namespace":null,"size":1}}]}"#)
        #expect(parsed.names[AvroName(fullName: "n.F")] != nil)
        #expect(try AvroSchemaParser.parse(parsed.canonicalText) == parsed)
    }
}
