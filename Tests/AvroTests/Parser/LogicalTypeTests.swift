import Testing
@testable import Avro

@Suite struct LogicalTypeTests {
    @Test(arguments: [
        (#"{"type":"int","logicalType":"date"}"#, AvroSchema.int(.date)),
        (#"{"type":"int","logicalType":"time-millis"}"#, .int(.timeMillis)),
        (#"{"type":"long","logicalType":"time-micros"}"#, .long(.timeMicros)),
        (#"{"type":"long","logicalType":"timestamp-millis"}"#, .long(.timestampMillis)),
        (#"{"type":"long","logicalType":"timestamp-micros"}"#, .long(.timestampMicros)),
        (#"{"type":"long","logicalType":"timestamp-nanos"}"#, .long(.timestampNanos)),
        (#"{"type":"long","logicalType":"local-timestamp-millis"}"#, .long(.localTimestampMillis)),
        (#"{"type":"long","logicalType":"local-timestamp-micros"}"#, .long(.localTimestampMicros)),
        (#"{"type":"long","logicalType":"local-timestamp-nanos"}"#, .long(.localTimestampNanos)),
        (#"{"type":"string","logicalType":"uuid"}"#, .string(.uuid)),
        (#"{"type":"bytes","logicalType":"big-decimal"}"#, .bytes(.bigDecimal)),
        (#"{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}"#, .bytes(.decimal(precision: 9, scale: 2))),
        (#"{"type":"bytes","logicalType":"decimal","precision":4}"#, .bytes(.decimal(precision: 4, scale: 0))),
    ])
    func validLogicalTypes(text: String, expected: AvroSchema) throws {
        #expect(try AvroSchemaParser.parse(text).root == expected)
    }

    /// Per the specification an invalid logical type is ignored: the base type remains, and nothing fails.
    @Test(arguments: [
        (#"{"type":"string","logicalType":"date"}"#, AvroSchema.string(nil)),
        (#"{"type":"long","logicalType":"date"}"#, .long(nil)),
        (#"{"type":"int","logicalType":"timestamp-millis"}"#, .int(nil)),
        (#"{"type":"bytes","logicalType":"decimal"}"#, .bytes(nil)),
        (#"{"type":"bytes","logicalType":"decimal","precision":0}"#, .bytes(nil)),
        (#"{"type":"bytes","logicalType":"decimal","precision":2,"scale":3}"#, .bytes(nil)),
        (#"{"type":"bytes","logicalType":"decimal","precision":2,"scale":-1}"#, .bytes(nil)),
        (#"{"type":"bytes","logicalType":"decimal","precision":"4"}"#, .bytes(nil)),
        (#"{"type":"int","logicalType":"custom-thing"}"#, .int(nil)),
        (#"{"type":"string","logicalType":7}"#, .string(nil)),
    ])
    func invalidLogicalTypesAreIgnored(text: String, expected: AvroSchema) throws {
        #expect(try AvroSchemaParser.parse(text).root == expected)
    }

    @Test func fixedLogicalTypes() throws {
        func fixed(_ text: String) throws -> AvroFixed? {
            if case .fixed(let fixed) = try AvroSchemaParser.parse(text).root { return fixed }
            return nil
        }
        #expect(try fixed(#"{"type":"fixed","name":"U","size":16,"logicalType":"uuid"}"#)?.logicalType == .uuid)
        #expect(try fixed(#"{"type":"fixed","name":"U","size":15,"logicalType":"uuid"}"#)?.logicalType == nil)
        #expect(try fixed(#"{"type":"fixed","name":"D","size":12,"logicalType":"duration"}"#)?.logicalType == .duration)
        #expect(try fixed(#"{"type":"fixed","name":"D","size":8,"logicalType":"duration"}"#)?.logicalType == nil)
        // 2 bytes hold +-32767: four full digits.
        #expect(try fixed(#"{"type":"fixed","name":"M","size":2,"logicalType":"decimal","precision":4,"scale":1}"#)?.logicalType == .decimal(precision: 4, scale: 1))
        let tooSmall = try fixed(#"{"type":"fixed","name":"M","size":2,"logicalType":"decimal","precision":5,"scale":1}"#)
        #expect(tooSmall?.logicalType == nil)
        // The ignored logical type stays visible as properties.
        #expect(tooSmall?.properties.keys == ["logicalType", "precision", "scale"])
        // A valid one is consumed and does not show up twice.
        #expect(try fixed(#"{"type":"fixed","name":"U","size":16,"logicalType":"uuid","x":1}"#)?.properties.keys == ["x"])
    }

    @Test func maximumDecimalPrecisionForFixedSizes() {
        // floor(log10(2^(8n-1) - 1)) for small n, worked out by hand: 127, 32767, 8388607, 2147483647.
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 1) == 2)
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 2) == 4)
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 3) == 6)
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 4) == 9)
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 8) == 18)
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 16) == 38)
        #expect(AvroLogicalTypeRules.maxDecimalPrecision(fixedSize: 0) == 0)
    }
}
