import Testing
import Avro

/// Every error kind, with the path to the failing value and what was expected.
@Suite struct AvroCodecErrorTests {
    private func error(_ body: () throws -> Void) -> AvroDataError? {
        do {
            try body()
            return nil
        } catch let failure as AvroDataError {
            return failure
        } catch {
            return nil
        }
    }

    @Test func jsonTypeMismatchNamesFieldAndValue() throws {
        let order = try codec(orderSchemaText)
        let bad = orderJSON.replacingOccurrences(of: #""country":"DE""#, with: #""country":42"#)
        let failure = error { _ = try order.encode(json: bad) }
        #expect(failure?.description == "/shipping_address/country: expected string, got 42")
        #expect(failure?.kind == .typeMismatch)
    }

    @Test func jsonStructuralErrors() throws {
        let order = try codec(orderSchemaText)
        #expect(error { _ = try order.encode(json: #"{"order_id":"x"}"#) }?.kind == .missingField)
        let unknown = error { _ = try order.encode(json: orderJSON.replacingOccurrences(of: "{\"order_id\"", with: "{\"extra\":1,\"order_id\"")) }
        #expect(unknown?.kind == .unknownField)
        #expect(unknown?.path == "/extra")
        let symbol = error { _ = try order.encode(json: orderJSON.replacingOccurrences(of: "PAID", with: "LOST")) }
        #expect(symbol?.kind == .unknownSymbol)
        #expect(symbol?.path == "/status")
        let item = error { _ = try order.encode(json: orderJSON.replacingOccurrences(of: #"["gift"]"#, with: #"["gift",7]"#)) }
        #expect(item?.path == "/tags/1")
        let entry = error { _ = try order.encode(json: orderJSON.replacingOccurrences(of: #"{"w":7}"#, with: #"{"w":"x"}"#)) }
        #expect(entry?.path == "/attributes/w")
        let duplicate = error { _ = try order.encode(json: orderJSON.replacingOccurrences(of: "{\"order_id\":\"ord-1\"", with: "{\"order_id\":\"ord-1\",\"order_id\":\"b\"")) }
        #expect(duplicate?.kind == .duplicateField)
        #expect(error { _ = try order.encode(json: orderJSON + " x") }?.kind == .trailingBytes)
        #expect(error { _ = try order.encode(json: String(orderJSON.dropLast())) }?.kind == .invalidJSON)
        let union = error { _ = try order.encode(json: orderJSON.replacingOccurrences(of: #""SAVE10""#, with: "5")) }
        #expect(union?.kind == .noUnionBranch)
        #expect(union?.path == "/coupon_code")
        let avroDialect = error { _ = try order.encode(json: orderJSON, dialect: .avro) }
        #expect(avroDialect?.kind == .noUnionBranch)
    }

    @Test func intRangeAndFixedSizeAndDecimal() throws {
        let schema = try codec("""
        {"type": "record", "name": "R", "fields": [
          {"name": "i", "type": "int"},
          {"name": "f", "type": {"type": "fixed", "name": "F", "size": 2}},
          {"name": "d", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}},
          {"name": "t", "type": {"type": "int", "logicalType": "time-millis"}},
          {"name": "u", "type": {"type": "string", "logicalType": "uuid"}}
        ]}
        """)
        let good: [String: AvroValue] = ["i": 1, "f": .fixed([1, 2]), "d": .bytes([0x04, 0xD2]), "t": 5,
                                         "u": "123e4567-e89b-12d3-a456-426614174000"]
        let binary = try schema.encode(.map(good))
        try schema.validate(binary)
        func with(_ key: String, _ value: AvroValue) -> AvroValue {
            var copy = good
            copy[key] = value
            return .map(copy)
        }
        let range = error { _ = try schema.encode(with("i", .long(1 << 40))) }
        #expect(range?.kind == .outOfRange)
        #expect(range?.path == "/i")
        #expect(error { _ = try schema.encode(with("f", .fixed([1]))) }?.kind == .fixedSize)
        let decimal = error { _ = try schema.encode(with("d", .bytes([0x27, 0x10]))) }  // 10000: 5 digits
        #expect(decimal?.kind == .decimalPrecision)
        #expect(decimal?.path == "/d")
        #expect(error { _ = try schema.encode(with("t", .int(86_400_000))) }?.kind == .outOfRange)
        #expect(error { _ = try schema.encode(with("u", "not-a-uuid")) }?.kind == .invalidUUID)
        #expect(error { _ = try schema.encode(with("i", "one")) }?.description == #"/i: expected int, got "one""#)
        #expect(error { _ = try schema.encode(.record([1])) }?.kind == .typeMismatch)
        let plainDecimal = try schema.encode(json: #"{"i":1,"f":"\u0001\u0002","d":"12.34","t":5,"u":"123e4567-e89b-12d3-a456-426614174000"}"#)
        #expect(plainDecimal == binary)
        #expect(try schema.decodeJSONString(binary).contains(#""d":"12.34""#))
        #expect(error { _ = try schema.encode(json: #"{"i":1,"f":"ab","d":123.45,"t":5,"u":"123e4567-e89b-12d3-a456-426614174000"}"#) }?.kind == .decimalPrecision)
    }

    @Test func binaryErrors() throws {
        let order = try codec(orderSchemaText)
        let binary = try order.encode(json: orderJSON)
        // Truncated at every length: always an error, never a crash.
        for length in 0..<binary.count {
            #expect(error { try order.validate(binary[0..<length]) } != nil)
            #expect(error { _ = try order.decode(binary[0..<length]) } != nil)
        }
        #expect(error { try order.validate(binary[0..<3]) }?.kind == .truncated)
        #expect(error { try order.validate(binary + [0]) }?.kind == .trailingBytes)

        let long = try codec(#""long""#)
        #expect(error { try long.validate([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]) }?.kind == .invalidVarint)
        #expect(error { try long.validate([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02]) }?.kind == .invalidVarint)
        try long.validate([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        let int = try codec(#""int""#)
        #expect(error { try int.validate([0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) }?.kind == .invalidVarint)

        let string = try codec(#""string""#)
        #expect(error { try string.validate([0x01]) }?.kind == .invalidLength)  // length -1
        #expect(error { try string.validate([0xFE, 0xFF, 0xFF, 0xFF, 0x0F]) }?.kind == .truncated)  // 2 GiB claimed
        #expect(error { try string.validate([0x04, 0xC3, 0x28]) }?.kind == .invalidUTF8)

        let strings = try codec(#"{"type": "array", "items": "string"}"#)
        let huge = error { _ = try strings.decode([0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) }
        #expect(huge?.kind == .invalidLength)
        let nulls = try codec(#"{"type": "array", "items": "null"}"#)
        #expect(error { _ = try nulls.decode([0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) }?.kind == .invalidLength)

        let union = try codec(#"["null", "string"]"#)
        #expect(error { try union.validate([0x04]) }?.kind == .invalidUnionIndex)
        #expect(error { try union.validate([0x01]) }?.kind == .invalidUnionIndex)
        let enumeration = try codec(#"{"type": "enum", "name": "E", "symbols": ["A"]}"#)
        #expect(error { try enumeration.validate([0x02]) }?.kind == .invalidEnumIndex)

        // The path reaches into nested data: country is the 2nd field of the address.
        var corrupt = binary
        let country = binary.indices.first { binary[$0] == 4 && binary[$0 + 1] == UInt8(ascii: "D") && binary[$0 + 2] == UInt8(ascii: "E") } ?? 0
        corrupt[country + 1] = 0xFF
        let nested = error { try order.validate(corrupt) }
        #expect(nested?.kind == .invalidUTF8)
        #expect(nested?.path == "/shipping_address/country")
    }

    @Test func deepRecursionIsBounded() throws {
        let list = try AvroCodec(AvroSchemaParser.parse(listSchemaText), limits: AvroCodecLimits(maxDepth: 50))
        let deep: [UInt8] = Array(repeating: [UInt8]([2, 2]), count: 100).flatMap { $0 } + [2, 0]
        #expect(error { try list.validate(deep) }?.kind == .tooDeep)
        #expect(error { _ = try list.decode(deep) }?.kind == .tooDeep)
    }
}
