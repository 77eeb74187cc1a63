import JSONValue
import Testing
@testable import Avro

@Suite struct SchemaTextTests {
    let spelledOneWay = #"""
    {"namespace": "com.shop", "name": "Order", "type": "record", "doc": "An order",
     "fields": [
       {"type": {"type": "long"}, "name": "id", "order": "ascending"},
       {"name": "status", "type": {"symbols": ["NEW", "DONE"], "type": "enum", "name": "Status", "default": "NEW"}},
       {"name": "again", "type": "Status", "x-b": 2, "x-a": {"z": 1, "y": 2}},
       {"name": "money", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
       {"name": "legacy", "type": {"type": "string", "logicalType": "date"}, "default": "x"},
       {"name": "where", "type": {"type": "record", "name": "Global", "namespace": "", "fields": []}}
     ],
     "aliases": ["Purchase"]}
    """#

    let spelledAnotherWay = #"""
    {"type":"record","name":"com.shop.Order","aliases":["com.shop.Purchase"],"doc":"An order","fields":[
      {"name":"id","type":"long"},
      {"name":"status","type":{"type":"enum","name":"com.shop.Status","symbols":["NEW","DONE"],"default":"NEW"}},
      {"name":"again","type":"com.shop.Status","x-a":{"y":2,"z":1},"x-b":2},
      {"name":"money","type":{"type":"bytes","scale":2,"precision":9,"logicalType":"decimal"}},
      {"name":"legacy","default":"x","type":{"logicalType":"date","type":"string"}},
      {"name":"where","type":{"type":"record","namespace":"","name":"Global","fields":[]}}
    ]}
    """#

    @Test func canonicalTextUsesAFixedAttributeOrderAndRelativeNames() throws {
        let schema = try AvroSchemaParser.parse(spelledOneWay)
        let expected = #"{"type":"record","name":"Order","namespace":"com.shop","doc":"An order","fields":["#
            + #"{"name":"id","type":"long"},"#
            + #"{"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","DONE"],"default":"NEW"}},"#
            + #"{"name":"again","type":"Status","x-b":2,"x-a":{"z":1,"y":2}},"#
            + #"{"name":"money","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},"#
            + #"{"name":"legacy","type":{"type":"string","logicalType":"date"},"default":"x"},"#
            + #"{"name":"where","type":{"type":"record","name":"Global","namespace":"","fields":[]}}"#
            + #"],"aliases":["Purchase"]}"#
        #expect(schema.canonicalText == expected)
        #expect(try AvroSchemaParser.parse(schema.canonicalText).canonicalText == expected)
    }

    @Test func normalizedTextIsTheSameForEverySpelling() throws {
        let one = try AvroSchemaParser.parse(spelledOneWay)
        let other = try AvroSchemaParser.parse(spelledAnotherWay)
        #expect(one == other)
        #expect(one.normalizedText == other.normalizedText)
        #expect(one.canonicalText != other.canonicalText)
        let expected = #"{"type":"record","name":"com.shop.Order","doc":"An order","aliases":["com.shop.Purchase"],"fields":["#
            + #"{"name":"id","type":"long"},"#
            + #"{"name":"status","type":{"type":"enum","name":"com.shop.Status","symbols":["NEW","DONE"],"default":"NEW"}},"#
            + #"{"name":"again","type":"com.shop.Status","x-a":{"y":2,"z":1},"x-b":2},"#
            + #"{"name":"money","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},"#
            + #"{"name":"legacy","type":{"type":"string","logicalType":"date"},"default":"x"},"#
            + #"{"name":"where","type":{"type":"record","name":"Global","namespace":"","fields":[]}}"#
            + "]}"
        #expect(one.normalizedText == expected)
        #expect(try AvroSchemaParser.parse(one.normalizedText) == one)
    }

    @Test func primitivesCollapseOnlyWithoutProperties() throws {
        #expect(try AvroSchemaParser.parse(#" { "type" : "int" } "#).canonicalText == #""int""#)
        #expect(try AvroSchemaParser.parse(#"{"type":"int","doc":"dropped, as Avro does for primitives"}"#).canonicalText == #""int""#)
        #expect(try AvroSchemaParser.parse(#"{"type":"int","b":1,"a":2}"#).canonicalText == #"{"type":"int","b":1,"a":2}"#)
        #expect(try AvroSchemaParser.parse(#"{"type":"int","b":1,"a":2}"#).normalizedText == #"{"type":"int","a":2,"b":1}"#)
    }

    @Test func fieldAttributesKeepDocDefaultOrderAliases() throws {
        let text = #"{"type":"record","name":"R","fields":[{"x":true,"aliases":["old"],"order":"descending","default":1,"doc":"d","type":"int","name":"f"}]}"#
        let expected = #"{"type":"record","name":"R","fields":[{"name":"f","type":"int","doc":"d","default":1,"order":"descending","aliases":["old"],"x":true}]}"#
        #expect(try AvroSchemaParser.parse(text).canonicalText == expected)
        #expect(try AvroSchemaParser.parse(text).normalizedText == expected)
    }

    @Test func referencesFromOtherNamespacesStayQualified() throws {
        let text = #"{"type":"record","name":"a.R","fields":[{"name":"f","type":{"type":"fixed","name":"b.F","size":1}},{"name":"g","type":"b.F"}]}"#
        let schema = try AvroSchemaParser.parse(text)
        #expect(schema.canonicalText == #"{"type":"record","name":"R","namespace":"a","fields":[{"name":"f","type":{"type":"fixed","name":"F","namespace":"b","size":1}},{"name":"g","type":"b.F"}]}"#)
        #expect(try AvroSchemaParser.parse(schema.canonicalText) == schema)
    }

    @Test func schemasBuiltInCodeSerializeFromTheModel() throws {
        let parsed = try AvroSchemaParser.parse(spelledOneWay)
        let built = AvroParsedSchema(root: parsed.root, names: parsed.names)
        #expect(built.source == nil)
        #expect(try AvroSchemaParser.parse(built.canonicalText) == parsed)
        #expect(try AvroSchemaParser.parse(built.normalizedText) == parsed)
        #expect(built.parsingCanonicalForm == parsed.parsingCanonicalForm)
    }

    @Test func textFormsKeepTypesFromReferencesAsNames() throws {
        let address = #"{"type":"record","name":"Address","namespace":"com.shop","fields":[{"name":"city","type":"string"}]}"#
        let schema = try AvroSchemaParser.parse(#"{"type":"record","name":"User","namespace":"com.shop","fields":[{"name":"home","type":"Address"}]}"#, references: [address])
        #expect(schema.canonicalText == #"{"type":"record","name":"User","namespace":"com.shop","fields":[{"name":"home","type":"Address"}]}"#)
        #expect(schema.normalizedText == #"{"type":"record","name":"com.shop.User","fields":[{"name":"home","type":"com.shop.Address"}]}"#)
    }
}
