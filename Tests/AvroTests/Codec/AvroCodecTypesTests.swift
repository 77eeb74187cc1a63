import Testing
import Avro

/// Every type and logical type through every route: value -> binary -> value, binary -> JSON (both dialects)
/// -> binary.
@Suite struct AvroCodecTypesTests {
    static let allTypesSchema = """
    {"type": "record", "name": "All", "namespace": "t", "fields": [
      {"name": "n", "type": "null"}, {"name": "b", "type": "boolean"}, {"name": "i", "type": "int"},
      {"name": "l", "type": "long"}, {"name": "f", "type": "float"}, {"name": "d", "type": "double"},
      {"name": "by", "type": "bytes"}, {"name": "s", "type": "string"},
      {"name": "a", "type": {"type": "array", "items": "int"}}, {"name": "m", "type": {"type": "map", "values": "string"}},
      {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B"]}},
      {"name": "fx", "type": {"type": "fixed", "name": "F", "size": 3}},
      {"name": "u", "type": ["null", "string", "long", "E"]},
      {"name": "date", "type": {"type": "int", "logicalType": "date"}},
      {"name": "tm", "type": {"type": "int", "logicalType": "time-millis"}},
      {"name": "tu", "type": {"type": "long", "logicalType": "time-micros"}},
      {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-micros"}},
      {"name": "lts", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
      {"name": "uuid", "type": {"type": "string", "logicalType": "uuid"}},
      {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 3}},
      {"name": "decf", "type": {"type": "fixed", "name": "D", "size": 4, "logicalType": "decimal", "precision": 9, "scale": 2}},
      {"name": "dur", "type": {"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}}
    ]}
    """

    static let allTypesValue: AvroValue = .record([
        .null, .boolean(true), .int(-5), .long(1 << 40), .float(1.5), .double(-2.25),
        .bytes([0, 255, 34, 92, 10]), .string("héllo \"q\" \u{1F600}\n"),
        .array([.int(1), .int(2)]), .map(["k": .string("v")]), .enumeration("B"), .fixed([1, 2, 3]),
        .union(branch: 2, .long(7)),
        .int(19000), .int(86_399_999), .long(1_000), .long(-1), .long(1_700_000_000_000),
        .string("123e4567-e89b-12d3-a456-426614174000"), .bytes([0x85]), .fixed([0, 0, 0x30, 0x39]),
        .fixed(Array(repeating: 1, count: 12)),
    ])

    @Test func everyTypeRoundTrips() throws {
        let schema = try codec(Self.allTypesSchema)
        let binary = try schema.encode(Self.allTypesValue)
        #expect(try schema.decode(binary) == Self.allTypesValue)
        for dialect in [AvroJSONDialect.avro, .plain] {
            let json = try schema.decodeJSON(binary, dialect: dialect)
            #expect(try schema.encode(json: json, dialect: dialect) == binary, "dialect \(dialect): \(String(decoding: json, as: UTF8.self))")
        }
        let plain = try schema.decodeJSONString(binary, dialect: .plain)
        #expect(plain.contains(#""dec":"-0.123""#))
        #expect(plain.contains(#""decf":"123.45""#))
        #expect(plain.contains(#""u":7"#))
        let avro = try schema.decodeJSONString(binary, dialect: .avro)
        #expect(avro.contains(#""u":{"long":7}"#))
        #expect(avro.contains(#""by":"\u0000ÿ\"\\\n""#))
    }

    /// Plain JSON drops union branch names, so a symbol also readable as a string comes back as the string.
    @Test func plainJSONPrefersStringOverEnum() throws {
        let schema = try codec(#"["null", "string", {"type": "enum", "name": "E", "symbols": ["A"]}]"#)
        let enumValue = try schema.encode(.union(branch: 2, .enumeration("A")))
        let plain = try schema.decodeJSON(enumValue, dialect: .plain)
        #expect(try schema.decode(schema.encode(json: plain)) == .union(branch: 1, .string("A")))
        let avro = try schema.decodeJSON(enumValue, dialect: .avro)
        #expect(try schema.encode(json: avro, dialect: .avro) == enumValue)
    }

    @Test func nonFiniteNumbersRoundTripAsStrings() throws {
        let schema = try codec(#"{"type": "array", "items": "double"}"#)
        let binary = try schema.encode(.array([.double(.infinity), .double(-.infinity), .double(.nan)]))
        let json = try schema.decodeJSONString(binary)
        #expect(json == #"["Infinity","-Infinity","NaN"]"#)
        #expect(try schema.encode(json: json) == binary)
    }

    @Test func plainUnionInference() throws {
        let schema = try codec("""
        {"type": "array", "items": ["null", "int", "double", "string", {"type": "enum", "name": "E", "symbols": ["X"]},
          {"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}, {"name": "y", "type": "int", "default": 0}]},
          {"type": "map", "values": "string"}, {"type": "array", "items": "int"}, "boolean"]}
        """)
        let value = try schema.decode(schema.encode(json: #"[null, 1, 2.5, 3000000000, "s", {"x": 1}, {"z": "w"}, [1], true, {"E": "X"}]"#))
        #expect(value == .array([
            .union(branch: 0, .null), .union(branch: 1, .int(1)), .union(branch: 2, .double(2.5)),
            .union(branch: 2, .double(3_000_000_000)), .union(branch: 3, .string("s")),
            .union(branch: 5, .record([.int(1), .int(0)])), .union(branch: 6, .map(["z": .string("w")])),
            .union(branch: 7, .array([.int(1)])), .union(branch: 8, .boolean(true)), .union(branch: 4, .enumeration("X")),
        ]))
        // Bare values in the value API follow the same idea: the value's own kind first.
        #expect(try schema.encode(.array([nil, 1, "s", true])) == schema.encode(json: #"[null, 1, "s", true]"#))
    }
}
