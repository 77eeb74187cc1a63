import Foundation
import JSONValue
import Testing

/// `schema-registry validate`: data against a schema file or a registry subject, each bad line reported with
/// its number and the path inside it, as a pre-commit hook would run it.
@Suite struct ValidateCommandTests {
    static let goodAndBadLines = """
    {"cents": 100, "currency": "EUR"}
    {"cents": "100", "currency": "EUR"}

    {"cents": 5}
    {"cents": 7, "currency": "USD"}
    not json

    """

    @Test func jsonLinesFromStdinReportEachBadLineWithItsNumberAndPath() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        let result = try await CLIProcess.run(["validate", "--schema", "schemas/common/Money.avsc"],
                                              input: Data(Self.goodAndBadLines.utf8), directory: tree.path)
        #expect(result.status == 1)
        #expect(result.output.contains("<stdin>:2: error [DATA_INVALID]: /cents: expected long"))
        #expect(result.output.contains("<stdin>:4: error [DATA_INVALID]: /currency"))
        #expect(result.output.contains("<stdin>:6: error [DATA_INVALID]"))
        #expect(!result.output.contains("<stdin>:1:"))
        #expect(!result.output.contains("<stdin>:5:"))
        #expect(result.output.contains("FAILED: <stdin>: 5 message(s) checked, 3 invalid"))
    }

    @Test func goodFileExitsZero() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        // Payment references Money; the manifest above the file supplies it.
        let result = try await CLIProcess.run(["validate", "--schema", "schemas/payments/Payment.avsc",
                                               "schemas/examples/payment/valid/payments.jsonl"], directory: tree.path)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("OK: schemas/examples/payment/valid/payments.jsonl: 2 message(s) checked, 0 invalid"))
    }

    @Test func explicitReferenceFileAndJSONOutput() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try tree.write("Money.avsc", CLISchemaFolder.money)
        try tree.write("Payment.avsc", CLISchemaFolder.payment)
        try tree.write("bad.json", CLISchemaFolder.invalidPayment)
        let result = try await CLIProcess.run(["validate", "--schema", "Payment.avsc", "--reference", "Money.avsc",
                                               "--format", "json", "bad.json"], directory: tree.path)
        #expect(result.status == 1)
        guard case .object(let document) = try JSONParser.parse(result.output),
              case .array(let problems) = document["problems"], case .object(let problem) = problems.first else {
            Issue.record("unexpected output: \(result.output)")
            return
        }
        #expect(document["exitCode"] == .int(1))
        #expect(problem["file"] == .string("bad.json"))
        #expect(problem["line"] == .int(1))
        #expect(problem["pointer"] == .string("/attempt"))
    }

    @Test func avroBinaryInput() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try tree.write("Money.avsc", CLISchemaFolder.money)
        // cents = 100 (zig-zag varint 200 = 0xC8 0x01), currency "EUR" (length 3 = 0x06).
        let good = Data([0xC8, 0x01, 0x06]) + Data("EUR".utf8)
        let valid = try await CLIProcess.run(["validate", "--schema", "Money.avsc", "--binary"], input: good, directory: tree.path)
        #expect(valid.status == 0, "\(valid.output)\(valid.error)")
        let truncated = try await CLIProcess.run(["validate", "--schema", "Money.avsc", "--binary"], input: good.prefix(4), directory: tree.path)
        #expect(truncated.status == 1)
        #expect(truncated.output.contains("DATA_INVALID"))
    }

    @Test func jsonSchemaFile() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try tree.write("event.json", #"{"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}"#)
        let result = try await CLIProcess.run(["validate", "--schema", "event.json"],
                                              input: Data("{\"n\": 1}\n{\"n\": \"one\"}\n".utf8), directory: tree.path)
        #expect(result.status == 1)
        #expect(result.output.contains("<stdin>:2: error [DATA_INVALID]: /n:"))
        #expect(!result.output.contains("<stdin>:1:"))
    }

    @Test func usageAndInputErrorsExitTwo() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        let neither = try await CLIProcess.run(["validate"], directory: tree.path)
        #expect(neither.status == 2)
        let subjectWithoutRegistry = try await CLIProcess.run(["validate", "--subject", "payments-value"], directory: tree.path)
        #expect(subjectWithoutRegistry.status == 2)
        let protobuf = try await CLIProcess.run(["validate", "--schema", "schemas/common/Money.avsc", "--type", "PROTOBUF"],
                                                input: Data(), directory: tree.path)
        #expect(protobuf.status == 2)
        #expect(protobuf.output.contains("not supported"))
        let missingData = try await CLIProcess.run(["validate", "--schema", "schemas/common/Money.avsc", "no-such.jsonl"], directory: tree.path)
        #expect(missingData.status == 2)
        #expect(missingData.output.contains("no-such.jsonl"))
    }
}
