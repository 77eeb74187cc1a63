import Foundation
import RegistryCore
import Testing
@testable import SchemasAsCode

/// JSON Schema subjects against a live registry over HTTP: `plan`/`apply` register them with `schemaType: JSON`
/// and their references, a second apply changes nothing, `check --registry` judges a change, and an `export`
/// checks clean against the folder it came from.
@Suite struct JSONRegistryTests {
    func writtenFolder() throws -> (TemporaryFolder, DiskFileSource, String) {
        let folder = try TemporaryFolder()
        try JSONMiniFolder.write(into: folder)
        let root = folder.file("schemas")
        return (folder, DiskFileSource(root: root), root)
    }

    @Test func planThenApplyTwiceOverHTTP() async throws {
        try await LiveRegistry.run { connection in
            let (folder, source, _) = try writtenFolder()
            defer { folder.remove() }

            let plan = await PlanEngine.plan(source: source, service: connection.client)
            #expect(plan.problems == [])
            #expect(plan.steps.map(\.subject) == ["test.common.Money", "checkouts-value"])
            #expect(plan.steps.map(\.action) == [.createSubject, .createSubject])

            let first = await ApplyEngine.apply(source: source, service: connection.client)
            #expect(first.problems == [])
            #expect(first.registered.map(\.subject) == ["test.common.Money", "checkouts-value"])
            let checkout = try await connection.client.version(subject: "checkouts-value", .latest, includeDeleted: false)
            #expect(checkout.schema.schemaType == .json)
            #expect(checkout.schema.references == [SchemaReference(name: "money.json", subject: "test.common.Money", version: 1)])
            #expect(try await connection.client.compatibilityLevel(subject: "test.common.Money", defaultToGlobal: false) == .full)

            let second = await ApplyEngine.apply(source: source, service: connection.client)
            #expect(second.problems == [])
            #expect(second.registered == [])
            #expect(second.levelsSet == [])
            #expect(second.unchanged.map(\.subject) == ["test.common.Money", "checkouts-value"])
            let replanned = await PlanEngine.plan(source: source, service: connection.client)
            #expect(replanned.problems == [])
            #expect(replanned.changes == [])
        }
    }

    @Test func checkAgainstTheRegistryThenApplyIsRefusedWithTheSameReason() async throws {
        try await LiveRegistry.run { connection in
            let (folder, source, root) = try writtenFolder()
            defer { folder.remove() }
            try #require(await ApplyEngine.apply(source: source, service: connection.client).problems == [])
            let baseline = RegistryBaseline(service: connection.client)

            let clean = await CheckEngine.run(source: source, baseline: baseline, examples: ExampleSource(root: root))
            #expect(clean.problems == [])
            #expect(clean.comparisons == 2)

            try folder.write("schemas/checkout/Checkout.json",
                             JSONMiniFolder.checkout.replacingOccurrences(of: #"["CART", "SHIPPING", "PAYMENT"]"#, with: #"["CART"]"#))
            let broken = await CheckEngine.run(source: source, baseline: RegistryBaseline(service: connection.client))
            let problem = try #require(broken.problems.first)
            #expect(problem.kind == .incompatible)
            #expect(problem.message.contains("registry version 1"))
            #expect(problem.line == 6)
            #expect(problem.file == root + "/checkout/Checkout.json")

            let refused = await ApplyEngine.apply(source: source, service: connection.client)
            let refusal = try #require(refused.problems.first)
            #expect(refusal.kind == .refused)
            #expect(refusal.subject == "checkouts-value")
            #expect(refused.exitStatus == .failed)
        }
    }

    @Test func exportWritesJSONSubjectsThatCheckClean() async throws {
        try await LiveRegistry.run { connection in
            let (folder, source, root) = try writtenFolder()
            defer { folder.remove() }
            try #require(await ApplyEngine.apply(source: source, service: connection.client).problems == [])

            let output = try TemporaryFolder()
            defer { output.remove() }
            let exported = await ExportEngine.export(service: connection.client, to: output.path)
            #expect(exported.problems == [])
            #expect(Set(exported.subjects) == ["test.common.Money", "checkouts-value"])
            let manifest = try ManifestLoader.parse(try output.read("registry.yaml"), file: "registry.yaml")
            let checkout = try #require(manifest.subject("checkouts-value"))
            #expect(checkout.schemaType == .json)
            #expect(checkout.file.hasSuffix(".json"))
            #expect(checkout.references == [ManifestReference(name: "money.json", subject: "test.common.Money", line: checkout.references.first?.line ?? 0)])

            // The folder against its export, the export on its own, and the export against the registry.
            let againstExport = await CheckEngine.run(source: source, baseline: try FolderBaseline(source: DiskFileSource(root: output.path)),
                                                      examples: ExampleSource(root: root))
            #expect(againstExport.problems == [])
            #expect(againstExport.comparisons == 2)
            let exportAgainstRegistry = await CheckEngine.run(source: DiskFileSource(root: output.path),
                                                              baseline: RegistryBaseline(service: connection.client))
            #expect(exportAgainstRegistry.problems == [])
            #expect(exportAgainstRegistry.comparisons == 2)
            let reapplied = await ApplyEngine.apply(source: DiskFileSource(root: output.path), service: connection.client)
            #expect(reapplied.problems == [])
            #expect(reapplied.registered == [])
        }
    }

    @Test func transitiveLevelsCompareWithEveryRegisteredVersion() async throws {
        try await LiveRegistry.run { connection in
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let root = folder.file("schemas")
            let source = DiskFileSource(root: root)
            // Version 1, then version 2 without PAYMENT registered under NONE.
            try JSONMiniFolder.write(into: folder, checkoutLevel: "NONE")
            try #require(await ApplyEngine.apply(source: source, service: connection.client).problems == [])
            try folder.write("schemas/checkout/Checkout.json",
                             JSONMiniFolder.checkout.replacingOccurrences(of: #", "PAYMENT"]"#, with: "]"))
            try #require(await ApplyEngine.apply(source: source, service: connection.client).registered.count == 1)

            try folder.write("schemas/registry.yaml", JSONMiniFolder.manifest(checkoutLevel: "BACKWARD"))
            let latestOnly = await CheckEngine.run(source: source, baseline: RegistryBaseline(service: connection.client))
            #expect(latestOnly.problems == [])

            try folder.write("schemas/registry.yaml", JSONMiniFolder.manifest(checkoutLevel: "BACKWARD_TRANSITIVE"))
            let transitive = await CheckEngine.run(source: source, baseline: RegistryBaseline(service: connection.client))
            let problem = try #require(transitive.problems.first)
            #expect(transitive.problems.count == 1)
            #expect(problem.message.contains("BACKWARD_TRANSITIVE: consumers using the new schema reject data valid under registry version 1"))
            #expect(problem.message.contains(#""PAYMENT""#))
            // Money (FULL, one version) and Checkout against both of its versions.
            #expect(transitive.comparisons == 3)
        }
    }
}
