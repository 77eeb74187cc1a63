import Foundation

struct ServerProcessError: Error, CustomStringConvertible {
    var description: String
}

/// The built `schema-registry` executable, run as a child process the way an operator runs it.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    private let errorPipe: Pipe

    private init(process: Process, port: Int, errorPipe: Pipe) {
        self.process = process
        self.port = port
        self.errorPipe = errorPipe
    }

    var client: HTTPTestClient { HTTPTestClient(port: port) }

    /// Next to the test bundle in the build folder, or `SCHEMA_REGISTRY_BIN`.
    static func binaryPath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["SCHEMA_REGISTRY_BIN"] { return path }
        var candidates: [String] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("schema-registry").path)
        }
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("schema-registry").path)
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw ServerProcessError(description: "schema-registry binary not found (looked at \(candidates)); build it first or set SCHEMA_REGISTRY_BIN")
    }

    /// Starts `schema-registry serve --port 0 ...` and waits for its "listening on" line to learn the port.
    static func launch(database: String, extraArguments: [String] = []) async throws -> ServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binaryPath())
        process.arguments = ["serve", "--db", database, "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"] + extraArguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        let line = try await onThread { () throws -> String in
            // If the server never says it is listening, stop it so the read below ends.
            let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
            defer { watchdog.cancel() }
            var text = ""
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.contains("listening on http://") }) {
                    return String(line)
                }
            }
            throw ServerProcessError(description: "server exited before listening; output: \(text)")
        }
        guard let portText = line.split(separator: ":").last?.split(separator: " ").first, let port = Int(portText) else {
            throw ServerProcessError(description: "no port in \(line)")
        }
        return ServerProcess(process: process, port: port, errorPipe: errors)
    }

    /// Runs the executable to completion (for commands expected to fail fast).
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binaryPath())
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return try await onThread {
            let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
            defer { watchdog.cancel() }
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
        }
    }

    func send(signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end; returns its exit status (or the signal number, for a signal).
    func waitForExit() async throws -> (status: Int32, reason: Process.TerminationReason) {
        let process = self.process
        return try await Self.onThread {
            process.waitUntilExit()
            return (process.terminationStatus, process.terminationReason)
        }
    }

    func stop() async {
        if process.isRunning {
            send(signal: SIGKILL)
            _ = try? await waitForExit()
        }
    }

    /// Blocking work on its own thread, off the concurrency pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
