import Testing
@testable import Avro

@Suite struct DefaultValueTests {
    private func record(_ type: String, _ defaultJSON: String) -> String {
        #"{"type":"record","name":"R","fields":[{"name":"f","type":"# + type + #","default":"# + defaultJSON + "}]}"
    }

    @Test(arguments: [
        (#""null""#, "null"), (#""boolean""#, "true"), (#""int""#, "-2147483648"), (#""long""#, "9223372036854775807"),
        (#""float""#, "1.5"), (#""double""#, "2"), (#""double""#, #""NaN""#), (#""string""#, #""hi""#),
        (#""bytes""#, #""\u00ff\u0000""#), (#"{"type":"fixed","name":"F","size":2}"#, #""ab""#),
        (#"{"type":"enum","name":"E","symbols":["A","B"]}"#, #""B""#),
        (#"{"type":"array","items":"int"}"#, "[1,2]"), (#"{"type":"map","values":"string"}"#, #"{"k":"v"}"#),
        (#"["null","string"]"#, "null"), (#"["string","null"]"#, #""x""#),
        (#"{"type":"record","name":"In","fields":[{"name":"a","type":"int"},{"name":"b","type":"int","default":0}]}"#, #"{"a":1}"#),
        (#"{"type":"int","logicalType":"date"}"#, "19000"),
    ])
    func validDefaults(type: String, value: String) throws {
        _ = try AvroSchemaParser.parse(record(type, value))
    }

    @Test(arguments: [
        (#""null""#, "0", "expected null"), (#""boolean""#, "1", "expected boolean"),
        (#""int""#, "2147483648", "expected int"), (#""int""#, "1.0", "expected int"), (#""long""#, #""1""#, "expected long"),
        (#""float""#, #""x""#, "expected float"), (#""string""#, "null", "expected string"),
        (#""bytes""#, #""\u0100""#, "expected bytes"), (#"{"type":"fixed","name":"F","size":2}"#, #""abc""#, "expected fixed"),
        (#"{"type":"enum","name":"E","symbols":["A"]}"#, #""Z""#, "symbol of enum"),
        (#"["null","string"]"#, #""x""#, "first branch"), (#"["string","null"]"#, "null", "first branch"),
    ])
    func invalidDefaults(type: String, value: String, fragment: String) {
        expectSchemaRejected(record(type, value), at: "/fields/0/default", mentioning: fragment)
    }

    @Test func nestedDefaultErrorsPointInside() {
        expectSchemaRejected(record(#"{"type":"array","items":"int"}"#, #"[1,"x"]"#), at: "/fields/0/default/1", mentioning: "expected int")
        expectSchemaRejected(record(#"{"type":"map","values":"long"}"#, #"{"k":true}"#), at: "/fields/0/default/k", mentioning: "expected long")
        expectSchemaRejected(record(#"{"type":"record","name":"In","fields":[{"name":"a","type":"int"}]}"#, "{}"),
                       at: "/fields/0/default", mentioning: "lacks field 'a'")
        expectSchemaRejected(record(#"{"type":"record","name":"In","fields":[{"name":"a","type":"int"}]}"#, #"{"a":"no"}"#),
                       at: "/fields/0/default/a", mentioning: "expected int")
    }

    /// A default may use the record being defined, which is only complete after its fields are parsed.
    @Test func recursiveDefaultsAreCheckedAfterTheTypeIsComplete() throws {
        let text = #"{"type":"record","name":"L","fields":[{"name":"v","type":"int"},{"name":"rest","type":["null","L"],"default":null},{"name":"first","type":{"type":"array","items":"L"},"default":[{"v":1,"rest":null}]}]}"#
        _ = try AvroSchemaParser.parse(text)
        let bad = #"{"type":"record","name":"L","fields":[{"name":"v","type":"int"},{"name":"more","type":{"type":"array","items":"L"},"default":[{"v":"x","more":[]}]}]}"#
        expectSchemaRejected(bad, at: "/fields/1/default/0/v", mentioning: "expected int")
    }
}

@Suite struct LargeDefaultTests {
    /// Wide records and enums take the hashed lookup paths; their answers must match the small-object ones.
    @Test func wideRecordAndEnumDefaults() throws {
        let fieldNames = (0..<40).map { "f\($0)" }
        let fields = fieldNames.map { #"{"name":"\#($0)","type":"int"}"# }.joined(separator: ",")
        let inner = #"{"type":"record","name":"Wide","fields":[\#(fields)]}"#
        let full = "{" + fieldNames.map { #""\#($0)":1"# }.joined(separator: ",") + "}"
        _ = try AvroSchemaParser.parse(#"{"type":"record","name":"R","fields":[{"name":"w","type":\#(inner),"default":\#(full)}]}"#)
        let missing = "{" + fieldNames.dropLast().map { #""\#($0)":1"# }.joined(separator: ",") + "}"
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"w","type":\#(inner),"default":\#(missing)}]}"#,
                       at: "/fields/0/default", mentioning: "lacks field 'f39'")
        let symbols = (0..<100).map { #""S\#($0)""# }.joined(separator: ",")
        let enumType = #"{"type":"array","items":{"type":"enum","name":"E","symbols":[\#(symbols)]}}"#
        _ = try AvroSchemaParser.parse(#"{"type":"record","name":"R","fields":[{"name":"e","type":\#(enumType),"default":["S0","S99","S0"]}]}"#)
        expectSchemaRejected(#"{"type":"record","name":"R","fields":[{"name":"e","type":\#(enumType),"default":["S0","S100"]}]}"#,
                       at: "/fields/0/default/1", mentioning: "symbol of enum")
    }
}
