import Foundation

struct CLIProcessError: Error, CustomStringConvertible {
    var description: String
}

/// What one run of the `schema-registry` executable printed and how it ended.
struct CLIResult: Sendable {
    var status: Int32
    var output: String
    var error: String
}

/// The built `schema-registry` executable run as a child process, the way a CI job or an operator runs it.
enum CLIProcess {
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
        throw CLIProcessError(description: "schema-registry binary not found (looked at \(candidates)); build it first or set SCHEMA_REGISTRY_BIN")
    }

    /// Runs a command to completion, feeding `input` on stdin. Output and error are drained on their own threads so
    /// a chatty command cannot block on a full pipe; a watchdog ends a command that hangs.
    static func run(_ arguments: [String], input: Data? = nil, directory: String? = nil,
                    environment: [String: String] = [:], timeout: Double = 300) async throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binaryPath())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        return try await onThread {
            let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
            defer { watchdog.cancel() }
            let drained = DispatchGroup()
            let collected = Collected()
            for (pipe, isOutput) in [(output, true), (errors, false)] {
                drained.enter()
                Thread {
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    collected.store(data, isOutput: isOutput)
                    drained.leave()
                }.start()
            }
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
            drained.wait()
            process.waitUntilExit()
            return CLIResult(status: process.terminationStatus, output: collected.text(isOutput: true),
                             error: collected.text(isOutput: false))
        }
    }

    /// Blocking work on its own thread, off the concurrency pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// Bytes read from the two pipes, guarded because each is written from its own thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var output = Data()
    private var error = Data()

    func store(_ data: Data, isOutput: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isOutput { output = data } else { error = data }
    }

    func text(isOutput: Bool) -> String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: isOutput ? output : error, as: UTF8.self)
    }
}
