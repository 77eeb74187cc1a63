import Foundation

/// Runs scripts/interop/confluent_avro.py, which uses Confluent's own Python serdes (confluent-kafka).
enum PythonInterop {
    static let script = interopScript("confluent_avro.py")
    /// The JSON Schema counterpart (confluent-kafka's json_schema serdes), same commands.
    static let jsonScript = interopScript("confluent_json.py")

    private static func interopScript(_ name: String) -> String {
        // Tests/SerdeTests/Support/PythonInterop.swift -> repo root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scripts/interop/" + name).path
    }

    /// True when the script's dependencies import; otherwise prints why the interop tests are skipped
    /// (or, with REQUIRE_KAFKA set, lets them run and fail).
    static let available: Bool = {
        guard TestBroker.shouldRun else { return false }
        let result = run(["check"], input: nil)
        if result.status == 0 { return true }
        if TestBroker.isRequired { return true }
        print("SerdeTests: interop tests skipped: \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) "
            + "(scripts/kafka/setup.sh installs it; REQUIRE_KAFKA=1 makes this a failure)")
        return false
    }()

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout as parsed JSON lines.
        var lines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }
        }
    }

    /// Runs the script on a thread of its own, so the blocking wait never holds a cooperative thread that the
    /// in-process registry server needs to answer the script.
    static func runAsync(_ arguments: [String], input: String?, script: String = PythonInterop.script) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: run(arguments, input: input, script: script))
            }
            thread.start()
        }
    }

    static func run(_ arguments: [String], input: String?, script: String = PythonInterop.script) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = feed
        do {
            try process.run()
        } catch {
            return Result(status: -1, stdout: "", stderr: "could not start python3: \(error)")
        }
        if let input {
            feed.fileHandleForWriting.write(Data(input.utf8))
        }
        try? feed.fileHandleForWriting.close()
        // stderr is drained on its own thread so a chatty child cannot block on a full pipe.
        let errorData = LockedData()
        let drain = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        drain.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1_000) }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: data, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self)
        )
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
