import Foundation
import Testing
@testable import SchemasAsCode

/// JSON Schema subjects under `check --against-git REF`: the JSON mini folder is committed, one change is made
/// in the work tree, and the check compares it with the commit at the subject's level.
@Suite struct JSONGitBaselineTests {
    struct Outcome {
        var report: CheckReport
        var checkoutFile: String
        var examplesRoot: String
    }

    func check(level: String = "BACKWARD", change: (String) -> String = { $0 },
               money: ((String) -> String)? = nil) async throws -> Outcome {
        let repository = try GitRepository()
        defer { repository.remove() }
        try JSONMiniFolder.write(into: repository.folder, checkoutLevel: level)
        try repository.commitAll("schemas")
        try repository.folder.write("schemas/checkout/Checkout.json", change(JSONMiniFolder.checkout))
        if let money { try repository.folder.write("schemas/common/money.json", money(JSONMiniFolder.money)) }
        let root = repository.folder.file("schemas")
        let baseline = try FolderBaseline(source: try GitFileSource(folder: root, revision: "HEAD"))
        let report = await CheckEngine.run(source: DiskFileSource(root: root), baseline: baseline, examples: ExampleSource(root: root))
        return Outcome(report: report, checkoutFile: root + "/checkout/Checkout.json", examplesRoot: root + "/examples/checkout")
    }

    func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in
            let changed = text.replacingOccurrences(of: old, with: new)
            // A change that does not apply would make the test pass for the wrong reason.
            return changed == text ? "not changed: \(old)" : changed
        }
    }

    @Test func unchangedFolderIsCleanWithEveryExampleRun() async throws {
        let outcome = try await check()
        #expect(outcome.report.problems == [])
        #expect(outcome.report.exitStatus == .clean)
        #expect(outcome.report.comparisons == 2)
        #expect(outcome.report.examples == 4)
    }

    @Test func addingAnOptionalPropertyToAClosedSchemaPasses() async throws {
        let outcome = try await check(change: replacing(#""checkout_id": {"type": "string"},"#,
                                                        #""checkout_id": {"type": "string"}, "gift_wrap": {"type": "boolean"},"#))
        #expect(outcome.report.problems == [])
        #expect(outcome.report.comparisons == 2)
    }

    @Test func wideningATypeAndAddingAnEnumValuePass() async throws {
        let outcome = try await check(change: { text in
            text.replacingOccurrences(of: #"{"type": "integer", "minimum": 0}"#, with: #"{"type": ["integer", "string"]}"#)
                .replacingOccurrences(of: #""PAYMENT"]"#, with: #""PAYMENT", "DONE"]"#)
        })
        #expect(outcome.report.problems == [])
    }

    @Test func removingAPropertyFromAClosedSchemaFails() async throws {
        let outcome = try await check(change: replacing(#""coupon": {"type": ["string", "null"]}"#, #""note": {"type": "string"}"#))
        let problem = try #require(outcome.report.problems.first { $0.kind == .incompatible })
        #expect(outcome.report.exitStatus == .failed)
        #expect(problem.file == outcome.checkoutFile)
        #expect(problem.subject == "checkouts-value")
        #expect(problem.message.contains("BACKWARD"))
        #expect(problem.message.contains(#"property "coupon" removed from a closed content model"#))
        #expect(problem.message.contains("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"))
        #expect(problem.pointer == "/properties/coupon")
        // `coupon` is gone from the new file: the problem lands on the `properties` that held it.
        #expect(problem.line == 4)
        #expect(problem.hint?.contains("additionalProperties") == true)
    }

    @Test func narrowingATypeFailsOnItsLineAndRejectsAValidExample() async throws {
        let outcome = try await check(change: replacing(#""coupon": {"type": ["string", "null"]}"#, #""coupon": {"type": "string"}"#))
        let problem = try #require(outcome.report.problems.first { $0.kind == .incompatible })
        #expect(problem.message.contains("TYPE_NARROWED"))
        #expect(problem.message.contains("type narrowed"))
        #expect(problem.pointer == "/properties/coupon/type")
        #expect(problem.line == 9)
        #expect(problem.file == outcome.checkoutFile)
        // The first valid example has `"coupon": null`, which the new schema rejects.
        let rejected = try #require(outcome.report.problems.first { $0.kind == .validExampleRejected })
        #expect(rejected.file == outcome.examplesRoot + "/valid/checkouts.jsonl")
        #expect(rejected.line == 1)
        #expect(rejected.pointer == "/coupon")
    }

    @Test func makingAPropertyRequiredFails() async throws {
        let outcome = try await check(change: replacing(#""required": ["checkout_id", "step", "total"]"#,
                                                        #""required": ["checkout_id", "step", "total", "items"]"#))
        let problem = try #require(outcome.report.problems.first { $0.kind == .incompatible })
        #expect(problem.message.contains(#"property "items" is now required"#))
        #expect(problem.message.contains("REQUIRED_ATTRIBUTE_ADDED"))
        #expect(problem.pointer == "/required")
        #expect(problem.line == 11)
        #expect(problem.hint?.contains("optional") == true)
        // The second valid example has no `items`.
        #expect(outcome.report.problems.contains { $0.kind == .validExampleRejected && $0.line == 2 })
    }

    @Test func removingAnEnumValueFails() async throws {
        let outcome = try await check(change: replacing(#"["CART", "SHIPPING", "PAYMENT"]"#, #"["CART", "SHIPPING"]"#))
        let problem = try #require(outcome.report.problems.first { $0.kind == .incompatible })
        #expect(problem.message.contains(#"enum no longer allows "PAYMENT""#))
        #expect(problem.message.contains("ENUM_ARRAY_NARROWED"))
        #expect(problem.pointer == "/properties/step/enum")
        #expect(problem.line == 6)
        #expect(problem.hint?.contains("keep the removed values") == true)
    }

    @Test func forwardLevelJudgesTheOtherDirection() async throws {
        // Adding an enum value is fine for new readers but old readers reject data using it.
        let outcome = try await check(level: "FORWARD", change: replacing(#""PAYMENT"]"#, #""PAYMENT", "DONE"]"#))
        let problem = try #require(outcome.report.problems.first { $0.kind == .incompatible })
        #expect(outcome.report.problems.filter { $0.kind == .incompatible }.count == 1)
        #expect(problem.message.contains("FORWARD: consumers still using HEAD:"))
        #expect(problem.message.contains("reject data valid under the new schema"))
        #expect(problem.message.contains(#""DONE""#))
        #expect(problem.line == 6)
    }

    @Test func aChangeInAReferencedSchemaIsJudgedInTheSchemaUsingIt() async throws {
        // Money is FULL: a tighter pattern breaks it in one direction, and Checkout (BACKWARD) sees it through `$ref`.
        let outcome = try await check(money: replacing(#""pattern": "^[A-Z]{3}$""#, #""pattern": "^(EUR|USD)$""#))
        let incompatible = outcome.report.problems.filter { $0.kind == .incompatible }
        #expect(incompatible.contains { $0.subject == "test.common.Money" && $0.message.contains("PATTERN_CHANGED") && $0.line == 6 })
        #expect(incompatible.contains { $0.subject == "checkouts-value" && $0.message.contains("PATTERN_CHANGED") })
    }

    @Test func anInvalidSchemaIsReportedWithLineAndPointer() async throws {
        let outcome = try await check(change: replacing(#""items": {"type": "integer", "minimum": 0}"#,
                                                        #""items": {"type": "integer", "minimum": "zero"}"#))
        let problem = try #require(outcome.report.problems.first)
        #expect(problem.kind == .schemaInvalid)
        #expect(problem.file == outcome.checkoutFile)
        #expect(problem.subject == "checkouts-value")
        #expect(problem.pointer?.hasPrefix("/properties/items") == true)
        #expect(problem.line == 7)
        #expect(outcome.report.exitStatus == .failed)
    }

    @Test func aRefWithoutAManifestReferenceIsABrokenReference() async throws {
        let outcome = try await check(change: replacing(#""$ref": "money.json""#, #""$ref": "price.json""#))
        let problem = try #require(outcome.report.problems.first)
        #expect(problem.kind == .referenceBroken)
        #expect(problem.file == outcome.checkoutFile)
        #expect(problem.line == 8)
        #expect(problem.message.contains("price.json"))
        #expect(problem.hint?.contains("references:") == true)
    }
}
