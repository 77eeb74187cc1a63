import Foundation
import Hummingbird
import Logging
import RegistryClient
import RegistryCore
import RegistryHTTP
import RegistrySQLite

struct LiveRegistryError: Error, CustomStringConvertible {
    var description: String
}

/// The real registry server in-process: `Registry` over a SQLite file in a fresh temp folder, served by
/// RegistryHTTP on 127.0.0.1 at a free port. `body` gets the base URL, the registry behind it and an HTTP
/// client for that URL, shut down afterwards.
enum LiveRegistry {
    static func run(_ body: @Sendable (_ url: String, _ registry: Registry, _ client: HTTPRegistryClient) async throws -> Void) async throws {
        let folder = NSTemporaryDirectory() + "registry-client-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let registry = try Registry(store: try SQLiteSchemaStore(path: folder + "/registry.sqlite"), formats: [AvroFormat()])
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "registry-client-tests")
        logger.logLevel = .warning
        let application = RegistryHTTPServer.makeApplication(
            service: registry,
            configuration: RegistryHTTPConfiguration(host: "127.0.0.1", port: 0),
            logger: logger,
            onListening: { _, port in
                continuation.yield(port)
                continuation.finish()
            }
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw LiveRegistryError(description: "registry server did not start") }
            let url = "http://127.0.0.1:\(port)"
            let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url))
            do {
                try await body(url, registry, client)
            } catch {
                try? await client.shutdown()
                group.cancelAll()
                throw error
            }
            try await client.shutdown()
            group.cancelAll()
        }
    }

    /// A loopback URL where nothing listens: a port the kernel just handed out and that was released again.
    static func deadURL() throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LiveRegistryError(description: "socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw LiveRegistryError(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }
}
