import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while `produce` waits on stdin: reading stops, what was already sent is delivered and counted, and the
/// summary says after which line the run stopped.
@Suite("produce interrupted", .enabled(if: KafkaTestBroker.shouldRun))
struct ProduceInterruptTests {
    @Test func sigintStopsReadingAndStillDeliversWhatWasSent() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = "interrupt-\(UUID().uuidString.prefix(8).lowercased())"
        let registry = try await KafkaTestRegistry.make(["\(topic)-value": CLIOrders.schema])
        defer { broker.stop() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIProcess.binaryPath())
        process.arguments = ["produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // Three lines, and the pipe left open: the command waits for more.
        input.fileHandleForWriting.write(Data(((1...3).map(CLIOrders.valid).joined(separator: "\n") + "\n").utf8))
        // Once the three records are on the broker the command is idle, waiting on stdin. The topic exists only
        // after the command's first produce, so ask again until it does (bounded: 40 x 250 ms).
        var arrived = 0
        for _ in 0..<40 where arrived < 3 {
            arrived = (try? await broker.readAll(topic: topic, expected: 3).count) ?? 0
            if arrived < 3 { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(arrived == 3)
        kill(process.processIdentifier, SIGINT)

        let stderr = try await CLIProcess.onThread { errors.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let text = String(decoding: stderr, as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "stderr: \(text)")
        #expect(text.contains("interrupted by SIGINT after line 3"), "stderr: \(text)")
        #expect(text.contains("3 sent, 0 rejected; broker acknowledged 3, failed 0"), "stderr: \(text)")
    }
}
