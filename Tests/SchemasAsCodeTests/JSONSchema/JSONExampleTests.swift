import Foundation
import Testing
@testable import SchemasAsCode

/// Example messages of JSON Schema subjects run through the JSON Schema validator, without a baseline.
@Suite struct JSONExampleTests {
    func run(_ edit: (TemporaryFolder) throws -> Void) async throws -> (CheckReport, String) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try JSONMiniFolder.write(into: folder)
        try edit(folder)
        let root = folder.file("schemas")
        let report = await CheckEngine.run(source: DiskFileSource(root: root), baseline: nil, examples: ExampleSource(root: root))
        return (report, root)
    }

    @Test func theExamplesMatchTheirExpectations() async throws {
        let (report, _) = try await run { _ in }
        #expect(report.problems == [])
        #expect(report.examples == 4)
        #expect(report.subjects == 2)
        #expect(report.comparisons == 0)
    }

    @Test func aRejectedValidExampleNamesTheLineAndPointerInsideAPrettyFile() async throws {
        let (report, root) = try await run { folder in
            try folder.write("schemas/examples/checkout/valid/pretty.json", JSONMiniFolder.invalidCheckout)
        }
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.kind == .validExampleRejected)
        #expect(problem.file == root + "/examples/checkout/valid/pretty.json")
        #expect(problem.pointer == "/total/currency")
        #expect(problem.line == 5)
        #expect(problem.message.contains("pattern"))
        #expect(report.exitStatus == .failed)
    }

    @Test func anAcceptedInvalidExampleIsReported() async throws {
        let (report, root) = try await run { folder in
            try folder.write("schemas/examples/checkout/invalid/fine.json",
                             #"{"checkout_id": "c-9", "step": "CART", "total": {"amount_minor": 1, "currency": "EUR"}}"#)
        }
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.kind == .invalidExampleAccepted)
        #expect(problem.file == root + "/examples/checkout/invalid/fine.json")
    }

    @Test func malformedJSONInAValidExampleIsRejected() async throws {
        let (report, _) = try await run { folder in
            try folder.write("schemas/examples/checkout/valid/broken.jsonl", "{\"checkout_id\": \n")
        }
        let problem = try #require(report.problems.first)
        #expect(problem.kind == .validExampleRejected)
        #expect(problem.message.contains("not valid JSON"))
        #expect(problem.line == 1)
    }

    @Test func theManifestTypeOverridesTheExtension() throws {
        let manifest = try ManifestLoader.parse("""
        version: 1
        subjects:
          - subject: a
            file: a.json
          - subject: b
            file: b.json
            type: AVRO
          - subject: c
            file: c.avsc
          - subject: d
            file: d.schema
            type: json

        """, file: "registry.yaml")
        #expect(manifest.subjects.map(\.schemaType) == [.json, .avro, .avro, .json])
    }

    @Test func protobufSubjectsAreStillRefusedWithTheManifestLine() {
        let error = #expect(throws: ManifestError.self) {
            _ = try ManifestLoader.parse("version: 1\nsubjects:\n  - subject: p\n    file: p.proto\n", file: "registry.yaml")
        }
        #expect(error?.problems.first?.line == 3)
        #expect(error?.problems.first?.message.contains("PROTOBUF") == true)
    }

    @Test func aJSONSchemaCannotReferenceAnAvroSubject() async throws {
        let (report, root) = try await run { folder in
            try folder.write("schemas/common/money.json", "")
            try folder.write("schemas/common/Money.avsc", #"{"type": "record", "name": "Money", "fields": [{"name": "a", "type": "long"}]}"#)
            try folder.write("schemas/registry.yaml", JSONMiniFolder.manifest().replacingOccurrences(of: "common/money.json", with: "common/Money.avsc"))
        }
        let problem = try #require(report.problems.first)
        #expect(problem.kind == .referenceBroken)
        #expect(problem.file == root + "/checkout/Checkout.json")
        #expect(problem.message.contains("is JSON but references 'test.common.Money', which is AVRO"))
    }

    @Test func changingASubjectsSchemaTypeIsIncompatible() async throws {
        let before = try TemporaryFolder()
        defer { before.remove() }
        try before.write("registry.yaml", "version: 1\nsubjects:\n  - subject: events-value\n    file: Event.avsc\n")
        try before.write("Event.avsc", #"{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}]}"#)
        let after = try TemporaryFolder()
        defer { after.remove() }
        try after.write("registry.yaml", "version: 1\nsubjects:\n  - subject: events-value\n    file: Event.json\n")
        try after.write("Event.json", #"{"type": "object", "properties": {"id": {"type": "string"}}}"#)
        let report = await CheckEngine.run(source: DiskFileSource(root: after.path),
                                           baseline: try FolderBaseline(source: DiskFileSource(root: before.path)))
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.kind == .incompatible)
        #expect(problem.message.contains("schema type changed from AVRO"))
        #expect(problem.file == after.path + "/Event.json")
    }
}
