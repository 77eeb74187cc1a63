import Testing

/// The executable itself: every subcommand is reachable and documented, and a wrong one is a usage error.
@Suite struct HelpTests {
    @Test func rootHelpListsServe() async throws {
        let result = try await CLIProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("serve"))
    }

    @Test func unknownSubcommandIsAUsageError() async throws {
        let result = try await CLIProcess.run(["no-such-command"])
        #expect(result.status != 0)
        #expect(result.error.contains("no-such-command"))
    }
}
