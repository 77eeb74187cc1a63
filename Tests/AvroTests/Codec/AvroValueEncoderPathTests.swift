import Testing
import Avro

/// The value encoder writes exact scalars inline, copies short strings without `memcpy`, and starts in stack
/// scratch that it outgrows onto the heap. These tests pin each of those paths to the JSON encoder's bytes,
/// which take none of them.
@Suite struct AvroValueEncoderPathTests {
    private let stringsSchema = #"{"type": "array", "items": "string"}"#

    @Test func stringsOfEveryShortLengthMatchTheJSONPath() throws {
        let strings = try codec(stringsSchema)
        // Lengths around the 8- and 16-byte copy boundaries, multi-byte characters, and an empty string.
        var items: [String] = (0...40).map { String(repeating: "a", count: $0) }
        items += ["é", "ün", "日本語", "😀x", String(repeating: "€", count: 5), String(repeating: "ß", count: 9)]
        let value = AvroValue.array(items.map { .string($0) })
        let binary = try strings.encode(value)
        #expect(binary == (try strings.encode(json: jsonArray(items))))
        #expect(try strings.decode(binary) == value)
    }

    @Test func valuesLargerThanTheStackScratchMatchTheJSONPath() throws {
        let strings = try codec(stringsSchema)
        // One string far beyond the scratch, then many small ones that cross it again after growth.
        let items = [String(repeating: "x", count: 5_000)] + (0..<400).map { "item-\($0)" }
        let value = AvroValue.array(items.map { .string($0) })
        let binary = try strings.encode(value)
        #expect(binary.count > 8_000)
        #expect(binary == (try strings.encode(json: jsonArray(items))))
        #expect(try strings.decode(binary) == value)
    }

    @Test func encodingIntoAppendsAfterExistingBytesAndLeavesThemOnError() throws {
        let strings = try codec(stringsSchema)
        let header: [UInt8] = [0, 0, 0, 0, 7]
        var out = header
        try strings.encode(.array([.string("a"), .string("b")]), into: &out)
        #expect(out == header + (try strings.encode(json: #"["a","b"]"#)))

        var failing = header
        #expect(throws: AvroDataError.self) {
            try strings.encode(.array([.string(String(repeating: "y", count: 3_000)), .int(1)]), into: &failing)
        }
        #expect(failing == header)
    }

    @Test func convertedScalarsInsideContainersMatchExactOnes() throws {
        let numbers = try codec("""
        {"type": "record", "name": "N", "fields": [
          {"name": "longs", "type": {"type": "array", "items": "long"}},
          {"name": "doubles", "type": {"type": "map", "values": "double"}},
          {"name": "floats", "type": {"type": "array", "items": "float"}},
          {"name": "ints", "type": {"type": "array", "items": "int"}}
        ]}
        """)
        let loose: AvroValue = .record([
            .array([.int(-3), .long(1 << 40)]),
            .map(["k": .int(2)]),
            .array([.int(5), .double(0.5)]),
            .array([.long(-7), .int(9)]),
        ])
        let exact: AvroValue = .record([
            .array([.long(-3), .long(1 << 40)]),
            .map(["k": .double(2)]),
            .array([.float(5), .float(0.5)]),
            .array([.int(-7), .int(9)]),
        ])
        let binary = try numbers.encode(exact)
        #expect(try numbers.encode(loose) == binary)
        #expect(binary == (try numbers.encode(json: #"{"longs":[-3,1099511627776],"doubles":{"k":2},"floats":[5,0.5],"ints":[-7,9]}"#)))
    }

    @Test func errorsFromInlineScalarsKeepTheirPath() throws {
        let order = try codec(orderSchemaText)
        var fields: [AvroValue] = [
            .string("o"), .long(0), .double(1), .long(1), .enumeration("PAID"),
            .record([.string("s"), .string("DE")]), .array([.string("a"), .string("b"), .int(3)]),
            .map(["w": .long(1)]), .null,
        ]
        #expect(throws: AvroDataError.self) { try order.encode(.record(fields)) }
        do {
            _ = try order.encode(.record(fields))
        } catch {
            #expect(error.path == "/tags/2")
            #expect(error.kind == .typeMismatch)
        }
        fields[6] = .array([])
        fields[7] = .map(["w": .string("seven")])
        do {
            _ = try order.encode(.record(fields))
            Issue.record("a string for a long map value was accepted")
        } catch {
            #expect(error.path == "/attributes/w")
        }
        fields[7] = .map([:])
        fields[5] = .record([.string("s"), .null])
        do {
            _ = try order.encode(.record(fields))
            Issue.record("null for a string field was accepted")
        } catch {
            #expect(error.path == "/shipping_address/country")
        }
    }

    @Test func bareUnionBranchThatFailsLeavesNoBytesBehind() throws {
        let shapes = try codec("""
        {"type": "array", "items": ["null",
          {"type": "record", "name": "A", "fields": [{"name": "x", "type": "int"}]},
          {"type": "record", "name": "B", "fields": [{"name": "y", "type": "string"}]}]}
        """)
        // The map fits B only: trying A first writes a branch index that must be taken back.
        let bare: AvroValue = .array([.map(["y": .string("s")]), .null, .map(["x": .int(4)])])
        let explicit: AvroValue = .array([.union(branch: 2, .record([.string("s")])), .union(branch: 0, .null),
                                          .union(branch: 1, .record([.int(4)]))])
        let binary = try shapes.encode(explicit)
        #expect(try shapes.encode(bare) == binary)
        #expect(try shapes.decode(binary) == explicit)
    }

    private func jsonArray(_ items: [String]) -> String {
        "[" + items.map { "\"" + $0 + "\"" }.joined(separator: ",") + "]"
    }
}
