import Foundation
import Testing
@testable import Avro

/// The fast JSON path must give exactly what the full reader gives: the same bytes when it takes an input,
/// and when it declines, `encode(json:)` must still give the full reader's bytes or error. The full reader
/// (the behaviour before the fast path existed) is the oracle; numbers are also checked against `strtod`.
struct AvroJSONFastPathTests {
    /// What the fast path alone, the full reader alone, and the public entry point make of `json`.
    struct Outcome {
        var fast: [UInt8]?
        var full: Result<[UInt8], AvroDataError>
        var entry: Result<[UInt8], AvroDataError>
    }

    static func run(_ codec: AvroCodec, _ json: [UInt8], dialect: AvroJSONDialect = .plain) -> Outcome {
        json.withUnsafeBufferPointer { buffer in
            var fast: [UInt8] = []
            let took = AvroJSONFastEncoder.encode(program: codec.program, json: buffer, dialect: dialect, limits: codec.limits, into: &fast)
            var reader = AvroJSONReader(program: codec.program, input: buffer, dialect: dialect, limits: codec.limits)
            var full: [UInt8] = []
            let fullResult: Result<[UInt8], AvroDataError>
            do throws(AvroDataError) {
                try reader.value(codec.program.root, into: &full)
                try reader.finish()
                fullResult = .success(full)
            } catch {
                fullResult = .failure(error)
            }
            let publicResult: Result<[UInt8], AvroDataError>
            do throws(AvroDataError) {
                publicResult = .success(try codec.encode(json: buffer))
            } catch {
                publicResult = .failure(error)
            }
            return Outcome(fast: took ? fast : nil, full: fullResult, entry: publicResult)
        }
    }

    /// Checks agreement; returns whether the fast path took the input.
    @discardableResult
    static func agree(_ codec: AvroCodec, _ json: [UInt8], dialect: AvroJSONDialect = .plain,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let outcome = run(codec, json, dialect: dialect)
        #expect(outcome.entry == outcome.full, "\(String(decoding: json, as: UTF8.self))", sourceLocation: sourceLocation)
        if let fast = outcome.fast {
            #expect(outcome.full == .success(fast), "fast path differs: \(String(decoding: json, as: UTF8.self))",
                    sourceLocation: sourceLocation)
            return true
        }
        return false
    }

    @discardableResult
    static func agree(_ codec: AvroCodec, _ json: String, dialect: AvroJSONDialect = .plain,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        agree(codec, Array(json.utf8), dialect: dialect, sourceLocation: sourceLocation)
    }

    static let scalarsSchema = """
    {"type": "record", "name": "S", "fields": [
      {"name": "l", "type": "long"}, {"name": "i", "type": "int"}, {"name": "d", "type": "double"},
      {"name": "f", "type": "float"}, {"name": "s", "type": "string"},
      {"name": "u", "type": {"type": "string", "logicalType": "uuid"}},
      {"name": "t", "type": {"type": "int", "logicalType": "time-millis"}},
      {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "BB", "LONGER_SYMBOL_NAME"]}},
      {"name": "o", "type": ["null", "long", "double", "string"], "default": null},
      {"name": "b", "type": "boolean", "default": true}
    ]}
    """

    static func scalars(l: String = "1", i: String = "2", d: String = "1.5", f: String = "0.25", s: String = "\"x\"",
                        u: String = "\"123e4567-e89b-12d3-a456-426614174000\"", t: String = "1000",
                        e: String = "\"BB\"", o: String = "null") -> String {
        "{\"l\":\(l),\"i\":\(i),\"d\":\(d),\"f\":\(f),\"s\":\(s),\"u\":\(u),\"t\":\(t),\"e\":\(e),\"o\":\(o)}"
    }

    @Test func ordersInSchemaOrderTakeTheFastPath() throws {
        let order = try codec(orderSchemaText)
        #expect(Self.agree(order, orderJSON))
        #expect(Self.agree(order, " \n\t{ \"order_id\" : \"ord-1\" ,\r\n \"created_at\":1735689600000,\"amount\" :12.5,\"quantity\":3,"
                + "\"status\":\"PAID\",\"shipping_address\":{ \"street\":\"1 Main St\" , \"country\":\"DE\" },\"tags\":[ \"a\" , \"b\" ],"
                + "\"attributes\":{ \"w\" : 7 , \"v\":-1 },\"coupon_code\":null } \n"))
        // The optional field left out: its default fills the gap.
        #expect(Self.agree(order, orderJSON.replacingOccurrences(of: ",\"coupon_code\":\"SAVE10\"", with: "")))
    }

    @Test func keysOutOfOrderUnknownDuplicatedOrEscapedMatchTheFullReader() throws {
        let order = try codec(orderSchemaText)
        let cases = [
            orderJSON.replacingOccurrences(of: "{\"order_id\":\"ord-1\",\"created_at\":1735689600000,",
                                           with: "{\"created_at\":1735689600000,\"order_id\":\"ord-1\","),
            orderJSON.replacingOccurrences(of: "\"quantity\":3,", with: "\"quantity\":3,\"extra\":1,"),
            orderJSON.replacingOccurrences(of: "\"quantity\":3,", with: "\"quantity\":3,\"quantity\":4,"),
            orderJSON.replacingOccurrences(of: "\"order_id\"", with: "\"order\\u005fid\""),
            orderJSON.replacingOccurrences(of: "\"order_id\"", with: "\"order_i\""),
            orderJSON.replacingOccurrences(of: "\"order_id\"", with: "\"order_idd\""),
            orderJSON.replacingOccurrences(of: "\"order_id\":\"ord-1\",", with: ""),
            orderJSON.replacingOccurrences(of: ",\"coupon_code\":\"SAVE10\"}", with: ",}"),
        ]
        for json in cases { Self.agree(order, json) }
        // Reordered keys take the fast path's two-pass route; the escaped key is valid but left to the full reader.
        #expect(Self.agree(order, cases[0]))
        #expect(!Self.agree(order, cases[3]))
        #expect(try order.encode(json: cases[0]) == order.encode(json: orderJSON))
        #expect(try order.encode(json: cases[3]) == order.encode(json: orderJSON))
    }

    @Test func keysInAnyOrderWithAwkwardValues() throws {
        let schema = try codec("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": "string"}, {"name": "b", "type": {"type": "array", "items": "string"}},
          {"name": "c", "type": {"type": "map", "values": {"type": "record", "name": "In", "fields": [
            {"name": "x", "type": "long"}, {"name": "y", "type": "string", "default": "dflt"}]}}},
          {"name": "d", "type": ["null", "string"], "default": null}, {"name": "e", "type": "long"}
        ]}
        """)
        let taken = [
            #"{"e":1,"a":"x","b":[],"c":{}}"#,
            #"{ "c" : { "k" : { "y" : "}\",]" , "x" : 2 } } , "a" : "{[,\"" , "e" : -5 , "b" : [ "]" , "}" ] }"#,
            #"{"b":["a,b"],"a":"q","d":"w","e":3,"c":{"m":{"x":1}}}"#,
            #"{"a":"x","e":1,"b":[],"c":{"k":{"y":"z","x":0}},"d":null}"#,
        ]
        for json in taken { #expect(Self.agree(schema, json), "\(json)") }
        let declined = [
            #"{"e":1,"a":"x","b":[],"c":{},"e":2}"#,
            #"{"e":1,"b":[],"c":{}}"#,
            #"{"e":1,"a":"x","b":[},"c":{}}"#,
            #"{"e":1 2,"a":"x","b":[],"c":{}}"#,
            #"{"e":1,"a":"x","b":[],"c":{},}"#,
            #"{"e":1,"a":"x","b":[],"c":{}"#,
            #"{"e":1,"a":"x","b":[],"c":{"k":{"x":1,"x":2}}}"#,
            #"{"e":1,"a":"x","zz":0,"b":[],"c":{}}"#,
            #"{"e":1,"a":"x\u0041","b":[],"c":{}] "#,
        ]
        for json in declined { #expect(!Self.agree(schema, json), "\(json)") }
    }

    @Test func stringsWithEscapesAndUnicode() throws {
        let schema = try codec(Self.scalarsSchema)
        let strings = [
            #""plain""#, #""with \"quote\" and \\ and \/""#, #""\b\f\n\r\t""#, #""\u00e9t\u00E9 \u0041\u0000""#,
            #""\ud83d\ude00 smile""#, "\"caf\u{e9} \u{65e5}\u{672c} \u{1F600}\"", #""""#,
            "\"" + String(repeating: "a", count: 63) + "\"", "\"" + String(repeating: "b", count: 64) + "\"",
            "\"" + String(repeating: "c\\n", count: 40) + "\"", "\"" + String(repeating: "d", count: 9000) + "\"",
            "\"" + String(repeating: "\u{e9}", count: 33) + "\"",
        ]
        for text in strings {
            #expect(Self.agree(schema, Self.scalars(s: text)), "\(text.prefix(40))")
        }
        // Declined and reported by the full reader: lone surrogates, bad escapes, short \u, raw control bytes.
        for text in [#""\ud83d""#, #""\ude00x""#, #""\ud83d\u0041""#, #""\x""#, #""\u12""#, "\"a\u{1}b\"", #""unterminated"#] {
            #expect(!Self.agree(schema, Self.scalars(s: text)), "\(text)")
        }
    }

    @Test func invalidUTF8IsReportedAsBefore() throws {
        let schema = try codec(Self.scalarsSchema)
        let prefix = Array(Self.scalars(s: "\"@@\"").utf8)
        for bad: [UInt8] in [[0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xC0, 0xAF],
                             [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xFF], [0xC3, 0xA9, 0xC3]] {
            var json: [UInt8] = []
            var i = 0
            while i < prefix.count {
                if prefix[i] == UInt8(ascii: "@"), prefix[i + 1] == UInt8(ascii: "@") {
                    json += bad
                    i += 2
                } else {
                    json.append(prefix[i])
                    i += 1
                }
            }
            let outcome = Self.run(schema, json)
            #expect(outcome.fast == nil)
            #expect(outcome.entry == outcome.full)
            if case .failure(let error) = outcome.full { #expect(error.kind == .invalidUTF8) } else { Issue.record("accepted \(bad)") }
        }
    }

    @Test func integersAtTheirLimits() throws {
        let schema = try codec(Self.scalarsSchema)
        for l in ["0", "-0", "-1", "9223372036854775807", "-9223372036854775808", "999999999999999999", "-999999999999999999"] {
            Self.agree(schema, Self.scalars(l: l))
        }
        for l in ["9223372036854775808", "-9223372036854775809", "1.0", "1e3", "1.5", "01", "-", "\"1\"", "1e400"] {
            #expect(!Self.agree(schema, Self.scalars(l: l)), "\(l)")
        }
        for i in ["2147483647", "-2147483648", "2147483648", "-2147483649"] { Self.agree(schema, Self.scalars(i: i)) }
        for t in ["0", "86399999", "86400000", "-1"] { Self.agree(schema, Self.scalars(t: t)) }
        #expect(Self.agree(schema, Self.scalars(l: "9223372036854775807")) == false)
        #expect(Self.agree(schema, Self.scalars(l: "-999999999999999999")))
    }

    @Test func doublesMatchStrtodBitForBit() throws {
        let schema = try codec(Self.scalarsSchema)
        var texts = ["0", "-0", "0.0", "-0.0", "1e308", "1.7976931348623157e308", "1e309", "5e-324", "4.9e-324", "2e-324",
                     "2.2250738585072014e-308", "0.1", "0.2", "0.30000000000000004", "3.141592653589793", "123.456e-7",
                     "9007199254740993", "9007199254740992", "18446744073709551615", "18446744073709551616",
                     "123456789012345678901234567890", "1e22", "1e23", "1.5e-22", "7e-23", "12345678901234567e-5",
                     "0.000001", "1E+2", "1e-0", "-1.25e+3", "4503599627370497.5", "0e99999999", "368.24"]
        // Decimal strings of 1-20 digits with exponents around the exact range, from a fixed-seed generator.
        var random = SplitMix(seed: 42)
        for _ in 0..<3000 {
            let digits = Int(random.next() % 20) + 1
            var mantissa = String(random.next() % 9 + 1)
            for _ in 1..<digits { mantissa += String(random.next() % 10) }
            let point = max(1, Int(random.next() % UInt64(digits + 1)))
            let fraction = mantissa.dropFirst(point)
            var text = String(mantissa.prefix(point)) + (fraction.isEmpty ? "" : "." + fraction)
            if random.next() % 2 == 0 { text += "e" + String(Int(random.next() % 61) - 30) }
            if random.next() % 3 == 0 { text = "-" + text }
            texts.append(text)
        }
        for _ in 0..<300 { texts.append("\(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF))") }
        for text in texts {
            let outcome = Self.run(schema, Array(Self.scalars(d: text).utf8))
            #expect(outcome.entry == outcome.full, "\(text)")
            if let fast = outcome.fast { #expect(outcome.full == .success(fast), "\(text)") }
            guard case .success(let bytes) = outcome.entry, case .record(let fields) = try schema.decode(bytes),
                  case .double(let value) = fields[2] else {
                Issue.record("not encoded: \(text)")
                continue
            }
            // The full reader reads short integers through Int64 (so -0 is +0); everything else is strtod.
            let integral = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            if integral && text.utf8.count < 16 {
                #expect(value == Double(try #require(Int64(text))), "\(text)")
            } else {
                #expect(value.bitPattern == (try #require(Double(text))).bitPattern, "\(text)")
            }
        }
    }

    @Test func floatsAndUnionsAsBefore() throws {
        let schema = try codec(Self.scalarsSchema)
        for f in ["0.1", "3.4028235e38", "3.5e38", "1e-46", "-0.0", "16777217"] { #expect(Self.agree(schema, Self.scalars(f: f))) }
        #expect(Self.agree(schema, Self.scalars(o: "null")))
        #expect(Self.agree(schema, Self.scalars(o: "42")))
        #expect(Self.agree(schema, Self.scalars(o: "\"text\"")))
        // A fraction for [null, long, double, string]: the long branch refuses it, so the full reader picks double.
        #expect(!Self.agree(schema, Self.scalars(o: "4.5")))
        #expect(!Self.agree(schema, Self.scalars(o: "{\"double\": 4.5}")))
        #expect(!Self.agree(schema, Self.scalars(o: "{\"string\": \"w\"}"), dialect: .avro))
        #expect(Self.agree(schema, Self.scalars(o: "null"), dialect: .avro))
        #expect(!Self.agree(schema, Self.scalars(o: "true")))
        for e in ["\"A\"", "\"LONGER_SYMBOL_NAME\"", "\"LONGER_SYMBOL_NAMEX\"", "\"B\"", "\"\\u0041\"", "1"] {
            Self.agree(schema, Self.scalars(e: e))
        }
        for u in ["\"123e4567-e89b-12d3-a456-42661417400\"", "\"123e4567-e89b-12d3-a456-42661417400g\""] {
            #expect(!Self.agree(schema, Self.scalars(u: u)))
        }
    }

    @Test func blocksTrailingTextDepthAndGrowth() throws {
        let order = try codec(orderSchemaText)
        let tags = (0..<70).map { "\"t\($0)\"" }.joined(separator: ",")
        let attributes = (0..<200).map { "\"k\($0)\":\($0 * 1000)" }.joined(separator: ",")
        let big = orderJSON.replacingOccurrences(of: "[\"gift\"]", with: "[\(tags)]")
            .replacingOccurrences(of: "{\"w\":7}", with: "{\(attributes)}")
        #expect(Self.agree(order, big))
        #expect(Self.agree(order, orderJSON.replacingOccurrences(of: "[\"gift\"]", with: "[]").replacingOccurrences(of: "{\"w\":7}", with: "{}")))
        for tail in ["\u{0}", " x", "{}", " \r\n\t"] { Self.agree(order, orderJSON + tail) }
        // Output longer than the JSON (8 bytes per one-digit double) outgrows the first buffer.
        let doubles = try codec("{\"type\": \"array\", \"items\": \"double\"}")
        #expect(Self.agree(doubles, "[" + Array(repeating: "1", count: 200).joined(separator: ",") + "]"))
        #expect(Self.agree(doubles, "[" + Array(repeating: "0", count: 2000).joined(separator: ",") + "]"))
        // Nesting past the limit is the full reader's error.
        let shallow = try AvroCodec(AvroSchemaParser.parse(listSchemaText), limits: AvroCodecLimits(maxDepth: 3))
        #expect(Self.agree(shallow, "{\"value\":1,\"next\":{\"value\":2,\"next\":null}}"))
        #expect(!Self.agree(shallow, "{\"value\":1,\"next\":{\"value\":2,\"next\":{\"value\":3,\"next\":{\"value\":4}}}}"))
    }
}

/// A small deterministic generator, so the number cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
