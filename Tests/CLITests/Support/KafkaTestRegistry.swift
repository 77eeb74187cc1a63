import Foundation
import RegistryCore
import RegistrySQLite
#if canImport(Glibc)
import Glibc
#endif

/// A registry database in a fresh temp folder with schemas registered up front (in-process, then released),
/// usable by `produce`/`consume` directly through `--db` or through `serve` started from the same binary.
final class KafkaTestRegistry: Sendable {
    let folder: String
    var databasePath: String { folder + "/registry.sqlite" }

    /// - Parameters:
    ///   - schemas: subject -> Avro schema text.
    ///   - jsonSchemas: subject -> JSON Schema text.
    static func make(_ schemas: [String: String], jsonSchemas: [String: String] = [:]) async throws -> KafkaTestRegistry {
        let folder = NSTemporaryDirectory() + "cli-kafka-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let made = KafkaTestRegistry(folder: folder)
        let registry = try Registry(store: try SQLiteSchemaStore(path: made.databasePath))
        for (subject, schema) in schemas.sorted(by: { $0.key < $1.key }) {
            _ = try await registry.register(subject: subject, SchemaSubmission(schema: schema), normalize: false)
        }
        for (subject, schema) in jsonSchemas.sorted(by: { $0.key < $1.key }) {
            _ = try await registry.register(subject: subject, SchemaSubmission(schema: schema, schemaType: .json), normalize: false)
        }
        return made
    }

    private init(folder: String) {
        self.folder = folder
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `text` to a file in the temp folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// `schema-registry serve` over a database, started from the built binary on a free port.
final class ServedRegistryProcess: Sendable {
    let url: String
    private let process: Process

    static func start(database: String) async throws -> ServedRegistryProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIProcess.binaryPath())
        process.arguments = ["serve", "--db", database, "--port", "0", "--log-level", "warning"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reading = output.fileHandleForReading
        // The command prints "schema-registry listening on http://HOST:PORT (database ...)" once it accepts requests.
        let url = try await CLIProcess.onThread { () -> String? in
            var seen = Data()
            while true {
                let chunk = reading.availableData
                if chunk.isEmpty { return nil }
                seen.append(chunk)
                let text = String(decoding: seen, as: UTF8.self)
                if let range = text.range(of: "listening on ") {
                    let rest = text[range.upperBound...]
                    if let end = rest.firstIndex(of: " ") { return String(rest[..<end]) }
                }
            }
        }
        guard let url else {
            process.terminate()
            throw KafkaTestSetupError(description: "schema-registry serve exited before listening")
        }
        return ServedRegistryProcess(url: url, process: process)
    }

    private init(url: String, process: Process) {
        self.url = url
        self.process = process
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<40 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
