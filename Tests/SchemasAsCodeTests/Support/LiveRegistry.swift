import Hummingbird
import Logging
import RegistryClient
import RegistryCore
import RegistryHTTP
import RegistrySQLite

struct LiveRegistryError: Error, CustomStringConvertible {
    var description: String
}

/// The real HTTP server on 127.0.0.1 (a free port) over a real SQLite file, reached through the real
/// `HTTPRegistryClient`: what `--registry URL` talks to.
enum LiveRegistry {
    struct Connection: Sendable {
        let client: HTTPRegistryClient
        let url: String
        /// The database file behind the server, for opening it offline as `--db` would.
        let database: String
    }

    static func run(_ body: @Sendable (Connection) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = folder.file("registry.sqlite")
        let registry = try Registry(store: try SQLiteSchemaStore(path: database), formats: [AvroFormat(), JSONFormat()])
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "schemas-as-code-tests")
        // Cancelling the server at the end makes Hummingbird log the cancellation; nothing to see.
        logger.logLevel = .critical
        let application = RegistryHTTPServer.makeApplication(
            service: registry,
            configuration: RegistryHTTPConfiguration(host: "127.0.0.1", port: 0),
            logger: logger,
            onListening: { _, port in
                portContinuation.yield(port)
                portContinuation.finish()
            }
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw LiveRegistryError(description: "server did not start") }
            let url = "http://127.0.0.1:\(port)"
            let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: url))
            let outcome: Result<Void, any Error>
            do {
                try await body(Connection(client: client, url: url, database: database))
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            try? await client.shutdown()
            group.cancelAll()
            try outcome.get()
        }
    }
}
