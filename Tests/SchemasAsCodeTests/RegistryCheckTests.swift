import Foundation
import RegistryClient
import RegistryCore
import Testing
@testable import SchemasAsCode

/// `check --registry URL` and `check --db PATH`: the folder compared with what a registry holds, over real HTTP
/// to a real server and offline on the same kind of database file.
@Suite struct RegistryCheckTests {
    /// Registers the mini folder as it is now, the way `apply` does.
    func applyMini(_ written: WrittenFolder, to service: any SchemaRegistryService) async throws {
        let result = await ApplyEngine.apply(source: written.source, service: service)
        try #require(result.problems == [])
    }

    func replacing(_ old: String, _ new: String) -> String {
        MiniFolder.order.replacingOccurrences(of: old, with: new)
    }

    @Test func overHTTPAnUnchangedFolderIsClean() async throws {
        try await LiveRegistry.run { connection in
            let written = try WrittenFolder()
            defer { written.remove() }
            try await applyMini(written, to: connection.client)
            let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: connection.client),
                                               examples: written.examples)
            #expect(report.problems == [])
            #expect(report.exitStatus == .clean)
            #expect(report.comparisons == 2)
            #expect(report.examples == 2)
        }
    }

    @Test func overHTTPAChangedFieldTypeFailsWithFileFieldAndFix() async throws {
        try await LiveRegistry.run { connection in
            let written = try WrittenFolder()
            defer { written.remove() }
            try await applyMini(written, to: connection.client)
            try written.writeOrder(replacing(#"{"name": "quantity", "type": "int"}"#, #"{"name": "quantity", "type": "string"}"#))
            let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: connection.client, label: "registry \(connection.url)"))
            let problem = try #require(report.problems.first)
            #expect(report.exitStatus == .failed)
            #expect(problem.kind == .incompatible)
            #expect(problem.file == written.orderFile)
            #expect(problem.pointer == "/fields/2/type")
            #expect(problem.line == 8)
            #expect(problem.message.contains("quantity"))
            #expect(problem.message.contains("registry \(connection.url) version 1"))
            #expect(problem.hint?.contains("Give field `quantity`") == true)
        }
    }

    @Test func overHTTPAnUnreachableRegistryIsAnOperationalError() async throws {
        // Port 1 on loopback refuses connections; one attempt, so the test does not wait for retries.
        let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(
            baseURLs: ["http://127.0.0.1:1"], connectTimeout: .milliseconds(500), retry: RetryPolicy(maxAttempts: 1)))
        let written = try WrittenFolder()
        defer { written.remove() }
        let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: client))
        try? await client.shutdown()
        #expect(report.exitStatus == .unusable)
        #expect(report.problems.contains { $0.kind == .unavailable })
    }

    @Test func offlineDatabaseCompatibleChangePasses() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try WrittenFolder()
        defer { written.remove() }
        try await applyMini(written, to: database.registry)
        try written.writeOrder(replacing(#"{"name": "order_id", "type": "string"},"#,
                                         #"{"name": "order_id", "type": "string"}, {"name": "channel", "type": ["null", "string"], "default": null},"#))
        // A second process opening the same file, as `check --db` does after `apply --db`.
        let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: try database.reopened()),
                                           examples: written.examples)
        #expect(report.problems == [])
        #expect(report.comparisons == 2)
    }

    @Test func offlineDatabaseRemovedEnumSymbolFails() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try WrittenFolder()
        defer { written.remove() }
        try await applyMini(written, to: database.registry)
        try written.writeOrder(replacing(#""symbols": ["NEW", "PAID", "SHIPPED"]"#, #""symbols": ["NEW", "PAID"]"#))
        let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: try database.reopened()))
        let problem = try #require(report.problems.first)
        #expect(report.exitStatus == .failed)
        #expect(problem.kind == .incompatible)
        #expect(problem.subject == "orders-value")
        #expect(problem.message.contains("SHIPPED"))
        #expect(problem.hint?.contains("symbol") == true)
    }

    @Test func transitiveLevelComparesEveryRegisteredVersion() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try WrittenFolder(orderLevel: "BACKWARD_TRANSITIVE")
        defer { written.remove() }
        try await applyMini(written, to: database.registry)
        // Version 2 adds a branch to the union, which BACKWARD (new reads old) allows.
        let second = replacing(#"["null", "string", "long"]"#, #"["null", "string", "long", "double"]"#)
        try written.writeOrder(second)
        try await applyMini(written, to: database.registry)
        let versions = try await database.registry.versions(subject: "orders-value", includeDeleted: false, deletedOnly: false)
        #expect(versions == [1, 2])
        // The folder adds a field without a default, which neither version wrote: both comparisons fail.
        try written.writeOrder(second.replacingOccurrences(of: #"{"name": "customer_id", "type": "string"},"#,
                                                           with: #"{"name": "customer_id", "type": "string"}, {"name": "region", "type": "string"},"#))
        let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: database.registry))
        #expect(report.exitStatus == .failed)
        let against = Set(report.problems.filter { $0.subject == "orders-value" }.map(\.message).compactMap { message in
            ["version 1", "version 2"].first { message.contains($0) }
        })
        #expect(against == ["version 1", "version 2"])
        #expect(report.problems.allSatisfy { $0.message.contains("region") })
    }

    @Test func referenceToAnUnlistedSubjectIsBroken() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try WrittenFolder()
        defer { written.remove() }
        try written.writeManifest(MiniFolder.manifest().replacingOccurrences(
            of: "name: test.common.Money\n        subject: test.common.Money", with: "name: test.common.Money\n        subject: test.common.Mony"))
        let report = await CheckEngine.run(source: written.source, baseline: RegistryBaseline(service: database.registry))
        let problem = try #require(report.problems.first)
        #expect(report.exitStatus == .failed)
        #expect(problem.kind == .referenceBroken)
        #expect(problem.file == written.root + "/registry.yaml")
        #expect(problem.message.contains("test.common.Mony"))
        #expect(problem.hint?.contains("add an entry") == true)
    }
}
