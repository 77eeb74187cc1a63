import Foundation
import JSONValue
import Synchronization
import Testing

/// The `schema-registry serve` executable as a child process: start-up, failures, signals, crash recovery.
@Suite(.serialized) struct ServeProcessTests {
    @Test func servesAndStopsGracefullyOnSIGTERM() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try await ServerProcess.launch(database: directory.file("r.sqlite"))
        defer { Task { await server.stop() } }
        let client = server.client
        #expect(try await client.get("/").text == "{}")
        let registered = try await client.post("/subjects/p/versions", TestSchemas.body(TestSchemas.record("P", fields: ["a"])))
        #expect(registered.status == 200)

        server.send(signal: SIGTERM)
        let exit = try await server.waitForExit()
        #expect(exit.reason == .exit)
        #expect(exit.status == 0)
    }

    @Test func stopsOnSIGINTToo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try await ServerProcess.launch(database: directory.file("r.sqlite"))
        server.send(signal: SIGINT)
        let exit = try await server.waitForExit()
        #expect(exit.reason == .exit)
        #expect(exit.status == 0)
    }

    @Test func portInUseExitsNonZeroWithAClearMessage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await ServerProcess.launch(database: directory.file("a.sqlite"))
        defer { Task { await first.stop() } }
        let second = try await ServerProcess.run(["serve", "--db", directory.file("b.sqlite"), "--port", String(first.port)])
        #expect(second.status != 0)
        #expect(second.error.contains("already in use"))
        #expect(second.error.contains(String(first.port)))
        await first.stop()
    }

    @Test func badFlagsExitNonZeroWithUsage() async throws {
        let badPort = try await ServerProcess.run(["serve", "--port", "not-a-port"])
        #expect(badPort.status != 0)
        #expect(badPort.error.contains("--port"))
        let outOfRange = try await ServerProcess.run(["serve", "--port", "70000"])
        #expect(outOfRange.status != 0)
        #expect(outOfRange.error.contains("65535"))
        let unknown = try await ServerProcess.run(["serve", "--no-such-flag"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("no-such-flag"))
    }

    @Test func unusableDatabaseExitsNonZeroWithAClearMessage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missingDirectory = directory.file("missing/dir/registry.sqlite")
        let result = try await ServerProcess.run(["serve", "--db", missingDirectory, "--port", "0"])
        #expect(result.status == 1)
        #expect(result.error.contains(missingDirectory))

        let notADatabase = directory.file("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: notADatabase))
        let garbage = try await ServerProcess.run(["serve", "--db", notADatabase, "--port", "0"])
        #expect(garbage.status == 1)
        #expect(garbage.error.contains(notADatabase))
    }

    /// SIGKILL in the middle of a stream of registrations: every acknowledged registration must survive, and
    /// the file must pass SQLite's integrity check.
    @Test func acknowledgedRegistrationsSurviveSIGKILL() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.file("crash.sqlite")
        let server = try await ServerProcess.launch(database: database)
        let client = server.client

        let acknowledged = Shared<[Ack]>([])
        let killed = Shared(false)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    var index = 0
                    while true {
                        let subject = "crash-\(writer)-\(index)"
                        let body = TestSchemas.body(TestSchemas.record("W\(writer)N\(index)", fields: ["a"]))
                        guard let response = try? await client.post("/subjects/\(subject)/versions", body),
                            response.status == 200, let json = try? response.json,
                            let id = json["id"]?.integerValue, let version = json["version"]?.integerValue,
                            let schema = json["schema"]?.stringValue
                        else { return }
                        acknowledged.withLock { $0.append(Ack(subject: subject, version: Int(version), id: Int(id), schema: schema)) }
                        index += 1
                    }
                }
            }
            group.addTask {
                while acknowledged.withLock({ $0.count }) < 60 {
                    try await Task.sleep(for: .milliseconds(5))
                }
                server.send(signal: SIGKILL)
                killed.withLock { $0 = true }
            }
            try await group.waitForAll()
        }
        let exit = try await server.waitForExit()
        #expect(exit.reason == .uncaughtSignal)
        #expect(killed.withLock { $0 })

        let acks = acknowledged.withLock { $0 }
        #expect(acks.count >= 60)

        let integrity = try await ServerProcess.onThread { try Self.sqlite(database, "PRAGMA integrity_check;") }
        #expect(integrity == "ok")

        let restarted = try await ServerProcess.launch(database: database)
        defer { Task { await restarted.stop() } }
        for ack in acks {
            let version = try await restarted.client.get("/subjects/\(ack.subject)/versions/\(ack.version)")
            #expect(version.status == 200, "\(ack.subject)")
            let json = try version.json
            #expect(json["id"] == .int(Int64(ack.id)), "\(ack.subject)")
            #expect(json["schema"] == .string(ack.schema), "\(ack.subject)")
            #expect(try await restarted.client.get("/schemas/ids/\(ack.id)").json["schema"] == .string(ack.schema))
        }
        print("sigkill-recovery: \(acks.count)/\(acks.count) acknowledged registrations intact")
        await restarted.stop()
    }

    struct Ack: Sendable {
        var subject: String
        var version: Int
        var id: Int
        var schema: String
    }

    /// A value several tasks update.
    final class Shared<Value: Sendable>: Sendable {
        private let mutex: Mutex<Value>
        init(_ value: Value) { mutex = Mutex(value) }
        func withLock<T: Sendable>(_ body: (inout Value) -> T) -> T { mutex.withLock { body(&$0) } }
    }

    /// The sqlite3 command-line shell, so the check does not go through the code under test.
    static func sqlite(_ database: String, _ statement: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, statement]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
