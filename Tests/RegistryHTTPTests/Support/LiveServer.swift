import Hummingbird
import Logging
import RegistryCore
import RegistryHTTP
import RegistrySQLite

struct LiveServerError: Error, CustomStringConvertible {
    var description: String
}

/// Runs the real server in-process: a real SQLite file in a temp directory, the real `Registry`, Hummingbird
/// listening on 127.0.0.1 on a free port. Tests talk to it only through HTTP.
enum LiveServer {
    static func run(
        maxBodyBytes: Int = RegistryHTTPConfiguration.defaultMaxBodyBytes,
        _ body: @Sendable (HTTPTestClient) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await run(database: directory.file("registry.sqlite"), maxBodyBytes: maxBodyBytes, body)
    }

    static func run(
        database: String,
        maxBodyBytes: Int = RegistryHTTPConfiguration.defaultMaxBodyBytes,
        _ body: @Sendable (HTTPTestClient) async throws -> Void
    ) async throws {
        let store = try SQLiteSchemaStore(path: database)
        let registry = try Registry(store: store, formats: [AvroFormat(), JSONFormat()])
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "registry-http-tests")
        // Cancelling the server at the end of a test makes Hummingbird log the cancellation as an error.
        logger.logLevel = .critical
        let application = RegistryHTTPServer.makeApplication(
            service: registry,
            configuration: RegistryHTTPConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes),
            logger: logger,
            onListening: { _, port in
                portContinuation.yield(port)
                portContinuation.finish()
            }
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw LiveServerError(description: "server did not start") }
            do {
                try await body(HTTPTestClient(port: port))
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}
