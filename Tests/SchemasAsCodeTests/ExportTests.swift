import Foundation
import RegistryCore
import Testing
@testable import SchemasAsCode

/// `export` writes a registry back out as a folder in the same layout: checking the source folder against the
/// export (and the export against the registry) finds nothing.
@Suite struct ExportTests {
    @Test func exportOfTheExampleFolderChecksCleanAgainstTheFolder() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let source = DiskFileSource(root: RepositoryPaths.schemas)
        let applied = await ApplyEngine.apply(source: source, service: database.registry)
        try #require(applied.problems == [])

        let output = try TemporaryFolder()
        defer { output.remove() }
        let exported = await ExportEngine.export(service: database.registry, to: output.path)
        #expect(exported.problems == [])
        #expect(exported.notes == [])
        #expect(exported.subjects.count == applied.registered.count)

        // The folder against the export: every subject compared once, nothing incompatible.
        let againstExport = await CheckEngine.run(source: source, baseline: try FolderBaseline(source: DiskFileSource(root: output.path)),
                                                  examples: ExampleSource(root: RepositoryPaths.schemas))
        #expect(againstExport.problems == [])
        #expect(againstExport.comparisons == applied.registered.count)

        // The export against the registry it came from, and its manifest keeps levels and references.
        let exportAgainstRegistry = await CheckEngine.run(source: DiskFileSource(root: output.path), baseline: RegistryBaseline(service: database.registry))
        #expect(exportAgainstRegistry.problems == [])
        let manifest = try ManifestLoader.parse(try output.read("registry.yaml"), file: "registry.yaml")
        let orders = try #require(manifest.subject("shop.orders-value"))
        #expect(orders.compatibility == .full)
        #expect(Set(orders.references.map(\.subject)) == ["com.acme.shop.common.Money", "com.acme.shop.common.LineItem", "com.acme.shop.common.Address"])

        // Applying the export to the registry it came from changes nothing.
        let reapplied = await ApplyEngine.apply(source: DiskFileSource(root: output.path), service: database.registry)
        #expect(reapplied.problems == [])
        #expect(reapplied.registered == [])
    }

    @Test func exportOverHTTPMatchesTheFolder() async throws {
        try await LiveRegistry.run { connection in
            let written = try WrittenFolder()
            defer { written.remove() }
            try #require(await ApplyEngine.apply(source: written.source, service: connection.client).problems == [])
            let output = try TemporaryFolder()
            defer { output.remove() }
            let exported = await ExportEngine.export(service: connection.client, to: output.path)
            #expect(exported.problems == [])
            #expect(Set(exported.subjects) == ["test.common.Money", "orders-value"])
            let report = await CheckEngine.run(source: written.source, baseline: try FolderBaseline(source: DiskFileSource(root: output.path)))
            #expect(report.problems == [])
            #expect(report.comparisons == 2)
        }
    }

    @Test func breakingChangeAgainstTheExportIsFound() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try WrittenFolder()
        defer { written.remove() }
        try #require(await ApplyEngine.apply(source: written.source, service: database.registry).problems == [])
        let output = try TemporaryFolder()
        defer { output.remove() }
        #expect(await ExportEngine.export(service: database.registry, to: output.path).problems == [])
        try written.writeOrder(MiniFolder.order.replacingOccurrences(of: #"["null", "string", "long"]"#, with: #"["null", "string"]"#))
        let report = await CheckEngine.run(source: written.source, baseline: try FolderBaseline(source: DiskFileSource(root: output.path)))
        let problem = try #require(report.problems.first)
        #expect(report.exitStatus == .failed)
        #expect(problem.kind == .incompatible)
        #expect(problem.file == written.orderFile)
        #expect(problem.message.contains("note"))
    }
}
