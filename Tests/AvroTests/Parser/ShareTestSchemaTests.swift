import Foundation
import Testing
@testable import Avro

/// Every schema file of the Avro project's shared test data, and the benchmark schema, must parse.
@Suite struct ShareTestSchemaTests {
    @Test func everyShareTestSchemaParses() throws {
        guard let files = try SharedCorpus.files(under: "conformance/avro-share-test", suffix: ".avsc") else { return }
        var passed = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                let schema = try AvroSchemaParser.parse(text)
                // Every text form must parse back to the same model.
                #expect(try AvroSchemaParser.parse(schema.canonicalText) == schema, "\(file.lastPathComponent)")
                #expect(try AvroSchemaParser.parse(schema.normalizedText) == schema, "\(file.lastPathComponent)")
                passed += 1
            } catch {
                Issue.record("\(file.lastPathComponent): \(error)")
            }
        }
        print("avro-share-test schemas: \(passed)/\(files.count) parsed")
        #expect(!files.isEmpty)
    }

    @Test func benchmarkOrderSchemaParses() throws {
        guard let text = try SharedCorpus.text("bench/order.avsc") else { return }
        let schema = try AvroSchemaParser.parse(text)
        guard case .record(let record) = schema.root else {
            Issue.record("order.avsc is not a record")
            return
        }
        #expect(record.name.fullName == "com.example.orders.Order")
        #expect(schema.names[AvroName(fullName: "com.example.orders.Address")] != nil)
        print("bench/order.avsc: parsed, \(record.fields.count) fields")
    }
}
