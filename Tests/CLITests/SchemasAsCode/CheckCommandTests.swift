import Foundation
import JSONValue
import Testing

/// `schema-registry check --against-git` run as CI runs it: a real repository in a temporary folder, a change
/// in the work tree, the exit status and the message that must name the file, the field and the fix.
@Suite struct CheckCommandTests {
    /// One kind of breaking change: what to edit and what the message must name.
    struct BreakingChange: Sendable, CustomStringConvertible {
        var description: String
        var old: String
        var new: String
        var level: String = "BACKWARD"
        var field: String
        var fix: String
    }

    static let breakingChanges: [BreakingChange] = [
        BreakingChange(description: "field removed without default",
                       old: #"{"name": "card_last4", "type": "string"},"#, new: "",
                       level: "FORWARD", field: "card_last4", fix: "Add a default to field `card_last4`"),
        BreakingChange(description: "type changed",
                       old: #"{"name": "attempt", "type": "int"}"#, new: #"{"name": "attempt", "type": "string"}"#,
                       field: "attempt", fix: "Give field `attempt`"),
        BreakingChange(description: "enum symbol removed",
                       old: #""symbols": ["CARD", "SEPA", "INVOICE"]"#, new: #""symbols": ["CARD", "SEPA"]"#,
                       field: "INVOICE", fix: "Add `INVOICE` to enum `Method`"),
        BreakingChange(description: "union branch removed",
                       old: #"["null", "string", "long"]"#, new: #"["null", "string"]"#,
                       field: "reference", fix: "Add long as a branch"),
    ]

    func run(_ arguments: [String], in tree: SchemaWorkTree) async throws -> CLIResult {
        try await CLIProcess.run(arguments, directory: tree.path)
    }

    @Test func compatibleChangePasses() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        try tree.write("schemas/payments/Payment.avsc", CLISchemaFolder.payment.replacingOccurrences(
            of: #"{"name": "payment_id", "type": "string"},"#,
            with: #"{"name": "payment_id", "type": "string"}, {"name": "channel", "type": ["null", "string"], "default": null},"#))
        let result = try await run(["check", "--against-git", "HEAD"], in: tree)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("OK: 2 subjects, 2 comparisons against HEAD:schemas, 3 examples"))
    }

    @Test(arguments: breakingChanges)
    func breakingChangeFailsNamingFileFieldAndFix(_ change: BreakingChange) async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        try tree.write("schemas/registry.yaml", CLISchemaFolder.manifest().replacingOccurrences(
            of: "examples: examples/payment", with: "compatibility: \(change.level)\n    examples: examples/payment"))
        let changed = CLISchemaFolder.payment.replacingOccurrences(of: change.old, with: change.new)
        try #require(changed != CLISchemaFolder.payment)
        try tree.write("schemas/payments/Payment.avsc", changed)
        let result = try await run(["check", "--against-git", "HEAD", "--skip-examples"], in: tree)
        #expect(result.status == 1, "\(result.output)\(result.error)")
        let first = try #require(result.output.split(separator: "\n").first.map(String.init))
        #expect(first.hasPrefix("schemas/payments/Payment.avsc:"))
        #expect(first.contains("[INCOMPATIBLE]"))
        #expect(first.contains(change.field))
        #expect(result.output.contains("fix: " + change.fix))
        #expect(result.output.contains("FAILED:"))
    }

    @Test func brokenReferenceFailsNamingFileTypeAndFix() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        try tree.write("schemas/registry.yaml", CLISchemaFolder.manifest(withReference: false))
        let result = try await run(["check", "--against-git", "HEAD"], in: tree)
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(result.output.contains("schemas/payments/Payment.avsc:11: error [REFERENCE_BROKEN]"))
        #expect(result.output.contains("cli.common.Money"))
        #expect(result.output.contains("fix: if the type lives in another subject, list it under `references:`"))
    }

    @Test func jsonFormatIsOneDocumentWithEveryField() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        try tree.write("schemas/payments/Payment.avsc", CLISchemaFolder.payment.replacingOccurrences(
            of: #"{"name": "attempt", "type": "int"}"#, with: #"{"name": "attempt", "type": "string"}"#))
        let result = try await run(["check", "--against-git", "HEAD", "--skip-examples", "--format", "json"], in: tree)
        #expect(result.status == 1)
        guard case .object(let document) = try JSONParser.parse(result.output) else {
            Issue.record("not a JSON object: \(result.output)")
            return
        }
        #expect(document["status"] == .string("failed"))
        #expect(document["exitCode"] == .int(1))
        #expect(document["baseline"] == .string("HEAD:schemas"))
        guard case .array(let problems) = document["problems"], case .object(let problem) = problems.first else {
            Issue.record("no problems array: \(result.output)")
            return
        }
        #expect(problem["kind"] == .string("INCOMPATIBLE"))
        #expect(problem["file"] == .string("schemas/payments/Payment.avsc"))
        #expect(problem["line"] == .int(8))
        #expect(problem["pointer"] == .string("/fields/2/type"))
        #expect(problem["subject"] == .string("payments-value"))
        if case .string(let hint) = problem["hint"] { #expect(hint.contains("Give field `attempt`")) } else { Issue.record("no hint") }
    }

    @Test func githubFormatIsWorkflowAnnotations() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        try tree.write("schemas/payments/Payment.avsc", CLISchemaFolder.payment.replacingOccurrences(
            of: #"{"name": "attempt", "type": "int"}"#, with: #"{"name": "attempt", "type": "string"}"#))
        let result = try await run(["check", "--against-git", "HEAD", "--skip-examples", "--format", "github"], in: tree)
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        let annotation = try #require(lines.first)
        #expect(annotation.hasPrefix("::error file=schemas/payments/Payment.avsc,line=8,title=INCOMPATIBLE payments-value::"))
        // Newlines inside the message are escaped so each annotation stays on one line.
        #expect(annotation.contains("%0AFix: Give field `attempt`"))
        #expect(lines.last?.hasPrefix("::error::schema-registry: 2 subjects") == true)
    }

    @Test func cleanFolderWithQuietPrintsNothing() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        let result = try await run(["check", "schemas", "--against-git", "HEAD", "--quiet"], in: tree)
        #expect(result.status == 0)
        #expect(result.output == "")
        #expect(result.error == "")
    }

    @Test func invalidExampleIsReportedWithItsLine() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        try tree.write("schemas/examples/payment/valid/payments.jsonl",
                       CLISchemaFolder.validPayments + #"{"payment_id": "p-9", "card_last4": "1", "attempt": 1, "method": "CASH", "reference": null, "amount": {"cents": 1, "currency": "EUR"}}"# + "\n")
        let result = try await run(["check"], in: tree)
        #expect(result.status == 1)
        #expect(result.output.contains("schemas/examples/payment/valid/payments.jsonl:3: error [VALID_EXAMPLE_REJECTED]"))
        #expect(result.output.contains("/method"))
    }

    @Test func largeFolderReportsProgressOnStderrUnlessQuiet() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        var manifest = "version: 1\nsubjects:\n"
        for index in 0..<120 {
            manifest += "  - subject: event-\(index)-value\n    file: events/Event\(index).avsc\n"
            try tree.write("schemas/events/Event\(index).avsc",
                           #"{"type": "record", "name": "Event\#(index)", "fields": [{"name": "id", "type": "long"}]}"#)
        }
        try tree.write("schemas/registry.yaml", manifest)
        let result = try await run(["check"], in: tree)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        // Not a terminal: a plain line per tenth of the way, and no colour codes anywhere.
        #expect(result.error.contains("check: 60/120\n"))
        #expect(!result.output.contains("\u{1B}["))
        #expect(!result.error.contains("\u{1B}["))
        #expect(result.output == "OK: 120 subjects, 0 examples; 0 problems\n")
        let quiet = try await run(["check", "--quiet"], in: tree)
        #expect(quiet.status == 0)
        #expect(quiet.error == "")
        #expect(quiet.output == "")
    }

    @Test func usageErrorsExitTwo() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        let twoBaselines = try await run(["check", "--against-git", "HEAD", "--db", "registry.sqlite"], in: tree)
        #expect(twoBaselines.status == 2)
        #expect(twoBaselines.error.contains("at most one baseline"))
        let badFormat = try await run(["check", "--format", "yaml"], in: tree)
        #expect(badFormat.status == 2)
        let unknownFlag = try await run(["check", "--no-such-flag"], in: tree)
        #expect(unknownFlag.status == 2)
        #expect(unknownFlag.error.contains("--no-such-flag"))
    }

    @Test func unreadableBaselinesExitTwo() async throws {
        let tree = try CLISchemaFolder.repository()
        defer { tree.remove() }
        let revision = try await run(["check", "--against-git", "no-such-branch"], in: tree)
        #expect(revision.status == 2)
        #expect(revision.output.contains("no-such-branch"))
        let database = try await run(["check", "--db", "missing.sqlite"], in: tree)
        #expect(database.status == 2)
        #expect(database.output.contains("missing.sqlite"))
        let folder = try await run(["check", "no-such-folder"], in: tree)
        #expect(folder.status == 2)
    }
}
