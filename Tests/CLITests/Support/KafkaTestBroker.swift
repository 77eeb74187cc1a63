import Foundation
import Kafka
#if canImport(Glibc)
import Glibc
#endif

struct KafkaTestSetupError: Error, CustomStringConvertible {
    var description: String
}

/// A real tansu broker on a free loopback port for the produce/consume tests (`TANSU_BIN` from
/// scripts/kafka/env.sh). Without it the tests are skipped with a printed reason, unless `REQUIRE_KAFKA` is set,
/// where they fail.
final class KafkaTestBroker: Sendable {
    let port: UInt16
    private let process: Process

    var address: String { "127.0.0.1:\(port)" }

    static var isRequired: Bool {
        let value = ProcessInfo.processInfo.environment["REQUIRE_KAFKA"] ?? ""
        return !value.isEmpty && value != "0"
    }

    static let shouldRun: Bool = {
        if isRequired { return true }
        guard binaryPath() != nil else {
            print("CLITests: produce/consume tests skipped: tansu not found (run scripts/kafka/setup.sh and source scripts/kafka/env.sh; REQUIRE_KAFKA=1 makes this a failure)")
            return false
        }
        guard Kafka.versionNumber >= 0x0201_0000 else {
            print("CLITests: produce/consume tests skipped: librdkafka \(Kafka.versionString) cannot talk to tansu; source scripts/kafka/env.sh to load 2.16")
            return false
        }
        return true
    }()

    static func binaryPath() -> String? {
        guard let path = ProcessInfo.processInfo.environment["TANSU_BIN"], FileManager.default.isExecutableFile(atPath: path) else {
            return nil
        }
        return path
    }

    static func start() async throws -> KafkaTestBroker {
        guard let binary = binaryPath() else {
            throw KafkaTestSetupError(description: "tansu not found: TANSU_BIN unset (source scripts/kafka/env.sh)")
        }
        let port = try UInt16(LoopbackPort.free())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "broker", "--listener-url", "tcp://127.0.0.1:\(port)", "--advertised-listener-url", "tcp://127.0.0.1:\(port)",
            "--storage-engine", "memory://tansu/", "--silent",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let broker = KafkaTestBroker(port: port, process: process)
        for _ in 0..<200 {
            guard process.isRunning else { throw KafkaTestSetupError(description: "tansu exited with \(process.terminationStatus)") }
            if LoopbackPort.accepts(port) { return broker }
            try await Task.sleep(for: .milliseconds(50))
        }
        broker.stop()
        throw KafkaTestSetupError(description: "tansu did not listen on \(port) within 10 s")
    }

    private init(port: UInt16, process: Process) {
        self.port = port
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

    /// Every record of `topic` from offset 0 of each partition, until `expected` arrived or ~10 s of silence, plus a
    /// short wait so that a record that should not be there has a chance to show up.
    func readAll(topic: String, expected: Int) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(configuration: KafkaConfiguration(bootstrapServers: address))
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

    /// Writes `values` as they are (no framing, no validation), for tests of what `consume` does with bad records.
    func produceRaw(topic: String, values: [[UInt8]]) async throws {
        let producer = try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: address, ["message.timeout.ms": "10000"]))
        for value in values {
            _ = try await producer.send(topic: topic, value: value)
        }
        await producer.close()
    }
}

/// Loopback TCP ports: one nothing listens on, and whether one accepts connections.
enum LoopbackPort {
    static func free() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw KafkaTestSetupError(description: "socket() failed") }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw KafkaTestSetupError(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(_ port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
