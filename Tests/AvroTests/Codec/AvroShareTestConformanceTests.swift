import Foundation
import Testing
import Avro
import JSONValue

/// apache/avro share/test data files: object container files checked against their .json twins where one
/// exists, and re-encoded datum by datum otherwise; the single-object message V1.
@Suite struct AvroShareTestConformanceTests {
    private static let dataDir = "conformance/avro-share-test/share/test/data/"

    @Test func containerFiles() throws {
        guard let root = try SharedCorpus.root() else { return }
        let expectedWeather = try String(contentsOf: root.appendingPathComponent(Self.dataDir + "weather.json"), encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let files: [(name: String, expected: [JSONValue]?)] = [
            ("weather.avro", expectedWeather), ("weather-sorted.avro", nil),
            ("weather-deflate.avro", expectedWeather), ("weather-snappy.avro", expectedWeather), ("weather-zstd.avro", expectedWeather),
            ("syncInMeta.avro", nil), ("schemas/simple/data.avro", nil), ("schemas/withUnion/data.avro", nil),
        ]
        var passed = 0
        var skipped: [String] = []
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(Self.dataDir + file.name)))
            let container = try AvroContainerFile(bytes: bytes)
            guard container.codecName == "null" else {
                skipped.append("\(file.name) (\(container.codecName))")
                #expect(throws: AvroDataError.self) { _ = try container.values(using: AvroCodec(AvroSchemaParser.parse(container.schemaText))) }
                continue
            }
            let codec = try AvroCodec(AvroSchemaParser.parse(container.schemaText))
            var records: [[UInt8]] = []
            var datums: [[UInt8]] = []
            try container.forEachDatum(using: codec) { datums.append(Array($0)) }
            for datum in datums {
                // Decoding to a value and encoding it again gives the same bytes; so does the JSON route.
                let value = try codec.decode(datum)
                #expect(try codec.encode(value) == datum)
                let json = try codec.decodeJSON(datum, dialect: .avro)
                #expect(try codec.encode(json: json, dialect: .avro) == datum)
                records.append(try codec.decodeJSON(datum, dialect: .plain))
            }
            #expect(!records.isEmpty, "\(file.name) holds no records")
            if let expected = file.expected {
                let decoded = try records.map { try JSONParser.parse(bytes: $0) }
                #expect(decoded == expected, "\(file.name) differs from weather.json")
                if decoded != expected { continue }
            }
            passed += 1
        }
        print("avro-share-test container files: \(passed)/\(files.count - skipped.count) passed; skipped (compressed, no inflater in the pure module): \(skipped.joined(separator: ", "))")
        #expect(passed == files.count - skipped.count)
    }

    @Test func singleObjectMessageV1() throws {
        guard let root = try SharedCorpus.root() else { return }
        let schemaText = try String(contentsOf: root.appendingPathComponent(Self.dataDir + "messageV1/test_schema.avsc"), encoding: .utf8)
        let message = try [UInt8](Data(contentsOf: root.appendingPathComponent(Self.dataDir + "messageV1/test_message.bin")))
        let parsed = try AvroSchemaParser.parse(schemaText)
        let codec = try AvroCodec(parsed)
        #expect(Array(message.prefix(10)) == parsed.singleObjectHeader)
        let value = try codec.decode(message.dropFirst(10))
        #expect(value == .record([.long(42), .string("Bill"), .array([.string("dog_lover"), .string("cat_hater")])]))
        print("avro-share-test messageV1: 1/1 passed")
    }
}
