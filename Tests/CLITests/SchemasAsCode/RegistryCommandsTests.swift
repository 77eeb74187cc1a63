import Foundation
import Testing

/// `apply`, `plan`, `check --registry`, `export` and `validate --subject` against a registry started with the
/// same binary (`serve --port 0`), as a deployment pipeline would run them.
@Suite struct RegistryCommandsTests {
    @Test func applyTwiceRegistersNothingTheSecondTime() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        let server = try await SchemaServerProcess.launch(database: tree.file("registry.sqlite"))
        defer { Task { await server.stop() } }

        let plan = try await CLIProcess.run(["plan", "--registry", server.url], directory: tree.path)
        #expect(plan.status == 0, "\(plan.output)\(plan.error)")
        #expect(plan.output.contains("+ cli.common.Money (schemas/common/Money.avsc): create subject"))
        #expect(plan.output.contains("2 subject(s) to create"))

        let first = try await CLIProcess.run(["apply", "--registry", server.url], directory: tree.path)
        #expect(first.status == 0, "\(first.output)\(first.error)")
        let registered = first.output.split(separator: "\n").filter { $0.hasPrefix("+ ") }
        // References first: Money before the Payment that uses it.
        #expect(registered == ["+ cli.common.Money version 1", "+ payments-value version 1"])

        let second = try await CLIProcess.run(["apply", "--registry", server.url], directory: tree.path)
        #expect(second.status == 0)
        #expect(second.output.contains("0 registered, 2 unchanged, 0 level(s) set"))
        #expect(!second.output.contains("+ "))

        let check = try await CLIProcess.run(["check", "--registry", server.url], directory: tree.path)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(check.output.contains("2 comparisons against registry \(server.url)"))

        let validate = try await CLIProcess.run(["validate", "--subject", "payments-value", "--registry", server.url],
                                                input: Data((CLISchemaFolder.validPayments + CLISchemaFolder.invalidPayment + "\n").utf8),
                                                directory: tree.path)
        #expect(validate.status == 1)
        #expect(validate.output.contains("<stdin>:3: error [DATA_INVALID]: /attempt"))
        await server.stop()
    }

    @Test func applyStopsAtTheRefusalWithTheRegistrysReason() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        let server = try await SchemaServerProcess.launch(database: tree.file("registry.sqlite"))
        defer { Task { await server.stop() } }
        #expect(try await CLIProcess.run(["apply", "--registry", server.url, "--quiet"], directory: tree.path).status == 0)
        try tree.write("schemas/payments/Payment.avsc", CLISchemaFolder.payment.replacingOccurrences(
            of: #"{"name": "attempt", "type": "int"}"#, with: #"{"name": "attempt", "type": "string"}"#))
        let refused = try await CLIProcess.run(["apply", "--registry", server.url], directory: tree.path)
        #expect(refused.status == 1)
        #expect(refused.output.contains("schemas/payments/Payment.avsc: error [REFUSED]: registry refused 'payments-value'"))
        #expect(refused.output.contains("/fields/2/type"))
        await server.stop()
    }

    @Test func exportThenCheckAgainstTheExportIsClean() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        let server = try await SchemaServerProcess.launch(database: tree.file("registry.sqlite"))
        defer { Task { await server.stop() } }
        #expect(try await CLIProcess.run(["apply", "--registry", server.url, "--quiet"], directory: tree.path).status == 0)
        let export = try await CLIProcess.run(["export", "--registry", server.url, "--output", "exported"], directory: tree.path)
        #expect(export.status == 0, "\(export.output)\(export.error)")
        #expect(FileManager.default.fileExists(atPath: tree.file("exported/registry.yaml")))
        let check = try await CLIProcess.run(["check", "--against", "exported"], directory: tree.path)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(check.output.contains("2 comparisons against exported"))
        await server.stop()

        // Offline, on the database file the server wrote.
        let offline = try await CLIProcess.run(["check", "exported", "--db", "registry.sqlite", "--format", "json"], directory: tree.path)
        #expect(offline.status == 0, "\(offline.output)\(offline.error)")
        #expect(offline.output.contains(#""status":"ok""#))
    }

    @Test func applyToADatabaseFileTwice() async throws {
        let tree = try SchemaWorkTree()
        defer { tree.remove() }
        try CLISchemaFolder.write(into: tree)
        let first = try await CLIProcess.run(["apply", "--db", "registry.sqlite", "--format", "json"], directory: tree.path)
        #expect(first.status == 0, "\(first.output)\(first.error)")
        #expect(first.output.contains(#""registered":[{"subject":"cli.common.Money","version":1},{"subject":"payments-value","version":1}]"#))
        let second = try await CLIProcess.run(["apply", "--db", "registry.sqlite", "--format", "json"], directory: tree.path)
        #expect(second.status == 0)
        #expect(second.output.contains(#""registered":[]"#))
        let plan = try await CLIProcess.run(["plan", "--db", "registry.sqlite", "--quiet"], directory: tree.path)
        #expect(plan.status == 0)
        #expect(plan.output == "")
    }
}
