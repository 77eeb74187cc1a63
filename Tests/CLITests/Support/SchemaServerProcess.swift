import Foundation

/// `schema-registry serve --port 0` as a child process on a temporary database, for commands that talk to a
/// registry over HTTP. The port is read from the "listening on http://127.0.0.1:PORT" line the server prints.
final class SchemaServerProcess: @unchecked Sendable {
    let process: Process
    let url: String

    private init(process: Process, url: String) {
        self.process = process
        self.url = url
    }

    static func launch(database: String) async throws -> SchemaServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIProcess.binaryPath())
        process.arguments = ["serve", "--db", database, "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let url = try await CLIProcess.onThread { () throws -> String in
            // A server that never says it listens is stopped, which ends the read below.
            let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
            defer { watchdog.cancel() }
            var text = ""
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: "listening on http://") {
                    let rest = text[range.upperBound...]
                    if let end = rest.firstIndex(where: { $0 == " " || $0 == "\n" }) {
                        return "http://" + rest[..<end]
                    }
                }
            }
            throw CLIProcessError(description: "server exited before listening; output: \(text)")
        }
        return SchemaServerProcess(process: process, url: url)
    }

    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let process = self.process
        _ = try? await CLIProcess.onThread { process.waitUntilExit() }
    }
}
