import Foundation
import Testing
@testable import SchemasAsCode

/// `check --against-git REF` on real repositories made in temporary folders: each change is made in the work
/// tree and checked against the commit before it.
@Suite struct GitBaselineTests {
    struct Outcome {
        var report: CheckReport
        var orderFile: String
    }

    /// Commits the mini folder, applies `change` to the Order schema (and level), checks against HEAD.
    func check(orderLevel: String = "BACKWARD", change: (String) -> String, manifest: String? = nil) async throws -> Outcome {
        let repository = try GitRepository()
        defer { repository.remove() }
        try MiniFolder.write(into: repository.folder, orderLevel: orderLevel)
        try repository.commitAll("schemas")
        try repository.folder.write("schemas/orders/Order.avsc", change(MiniFolder.order))
        if let manifest { try repository.folder.write("schemas/registry.yaml", manifest) }
        let root = repository.folder.file("schemas")
        let baseline = try FolderBaseline(source: try GitFileSource(folder: root, revision: "HEAD"))
        let report = await CheckEngine.run(source: DiskFileSource(root: root), baseline: baseline,
                                           examples: ExampleSource(root: root))
        return Outcome(report: report, orderFile: root + "/orders/Order.avsc")
    }

    func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in text.replacingOccurrences(of: old, with: new) }
    }

    @Test func unchangedFolderIsClean() async throws {
        let outcome = try await check(change: { $0 })
        #expect(outcome.report.problems == [])
        #expect(outcome.report.exitStatus == .clean)
        #expect(outcome.report.comparisons == 2)
        #expect(outcome.report.examples == 2)
    }

    @Test func addingAnOptionalFieldPasses() async throws {
        let outcome = try await check(orderLevel: "FULL", change: replacing(
            #"{"name": "order_id", "type": "string"},"#,
            #"{"name": "order_id", "type": "string"}, {"name": "gift_wrap", "type": "boolean", "default": false},"#))
        #expect(outcome.report.problems == [])
        #expect(outcome.report.exitStatus == .clean)
    }

    @Test func removingAFieldWithoutDefaultFailsForward() async throws {
        let outcome = try await check(orderLevel: "FORWARD", change: replacing(#"{"name": "customer_id", "type": "string"},"#, ""))
        let problem = try #require(outcome.report.problems.first)
        #expect(outcome.report.exitStatus == .failed)
        #expect(problem.kind == .incompatible)
        #expect(problem.file == outcome.orderFile)
        #expect(problem.message.contains("customer_id"))
        #expect(problem.message.contains("FORWARD"))
        #expect(problem.hint?.contains("default") == true)
        // The field is gone from the new file; the problem lands on the `fields` list that held it.
        #expect(problem.line == 5)
    }

    @Test func changingAFieldTypeFails() async throws {
        let outcome = try await check(change: replacing(#"{"name": "quantity", "type": "int"}"#, #"{"name": "quantity", "type": "string"}"#))
        let problem = try #require(outcome.report.problems.first { $0.kind == .incompatible })
        #expect(outcome.report.exitStatus == .failed)
        #expect(problem.file == outcome.orderFile)
        #expect(problem.message.contains("quantity"))
        #expect(problem.pointer == "/fields/2/type")
        #expect(problem.line == 8)
        #expect(problem.hint?.isEmpty == false)
        // The valid example now has a number where the schema wants a string.
        #expect(outcome.report.problems.contains { $0.kind == .validExampleRejected && $0.pointer == "/quantity" && $0.line == 1 })
        // And the invalid example ("two") is now accepted.
        #expect(outcome.report.problems.contains { $0.kind == .invalidExampleAccepted })
    }

    @Test func removingAnEnumSymbolFails() async throws {
        let outcome = try await check(change: replacing(#""symbols": ["NEW", "PAID", "SHIPPED"]"#, #""symbols": ["NEW", "PAID"]"#))
        let problem = try #require(outcome.report.problems.first)
        #expect(outcome.report.exitStatus == .failed)
        #expect(problem.kind == .incompatible)
        #expect(problem.file == outcome.orderFile)
        #expect(problem.message.contains("SHIPPED"))
        #expect(problem.line == 9)
        #expect(problem.hint?.contains("symbol") == true)
    }

    @Test func removingAUnionBranchFails() async throws {
        let outcome = try await check(change: replacing(#"["null", "string", "long"]"#, #"["null", "string"]"#))
        let problem = try #require(outcome.report.problems.first)
        #expect(outcome.report.exitStatus == .failed)
        #expect(problem.kind == .incompatible)
        #expect(problem.file == outcome.orderFile)
        #expect(problem.message.contains("note"))
        #expect(problem.line == 10)
        #expect(problem.hint?.isEmpty == false)
    }

    @Test func droppingAReferenceFails() async throws {
        let outcome = try await check(change: { $0 }, manifest: MiniFolder.manifest(withReference: false))
        let problem = try #require(outcome.report.problems.first)
        #expect(outcome.report.exitStatus == .failed)
        #expect(problem.kind == .referenceBroken)
        #expect(problem.file == outcome.orderFile)
        #expect(problem.message.contains("test.common.Money"))
        #expect(problem.line == 11)
        #expect(problem.hint?.contains("references") == true)
    }

    @Test func renamingTheReferencedTypeFails() async throws {
        let repository = try GitRepository()
        defer { repository.remove() }
        try MiniFolder.write(into: repository.folder)
        try repository.commitAll("schemas")
        try repository.folder.write("schemas/common/Money.avsc", MiniFolder.money.replacingOccurrences(of: #""Money""#, with: #""Amount""#))
        let root = repository.folder.file("schemas")
        let baseline = try FolderBaseline(source: try GitFileSource(folder: root, revision: "HEAD"))
        let report = await CheckEngine.run(source: DiskFileSource(root: root), baseline: baseline)
        #expect(report.exitStatus == .failed)
        // Money's own subject now has another name (a breaking change) and Order no longer resolves.
        #expect(report.problems.contains { $0.kind == .incompatible && $0.subject == "test.common.Money" })
        #expect(report.problems.contains { $0.kind == .referenceBroken && $0.subject == "orders-value" && $0.message.contains("test.common.Money") })
    }

    @Test func unknownRevisionIsAUsageError() throws {
        let repository = try GitRepository()
        defer { repository.remove() }
        try MiniFolder.write(into: repository.folder)
        try repository.commitAll("schemas")
        #expect(throws: SourceError.self) {
            _ = try GitFileSource(folder: repository.folder.file("schemas"), revision: "no-such-branch")
        }
    }

    @Test func folderNewAtTheRevisionHasNothingToCompare() async throws {
        let repository = try GitRepository()
        defer { repository.remove() }
        try repository.folder.write("README", "first commit without schemas\n")
        try repository.commitAll("initial")
        try MiniFolder.write(into: repository.folder)
        let root = repository.folder.file("schemas")
        let baseline = try FolderBaseline(source: try GitFileSource(folder: root, revision: "HEAD"))
        let report = await CheckEngine.run(source: DiskFileSource(root: root), baseline: baseline, examples: ExampleSource(root: root))
        #expect(report.problems == [])
        #expect(report.comparisons == 0)
    }
}
