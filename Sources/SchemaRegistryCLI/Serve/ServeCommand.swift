import ArgumentParser
import Logging
import RegistryCore
import RegistryHTTP
import RegistrySQLite

/// `schema-registry serve`: the registry on one SQLite file, over HTTP, until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the registry's HTTP API (Confluent Schema Registry compatible)."
    )

    @Option(name: .long, help: "SQLite database file; created if absent.")
    var db: String = "./registry.sqlite"

    @Option(name: .long, help: "Interface to listen on. Use 0.0.0.0 to accept connections from other hosts.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "TCP port (0 picks a free one).")
    var port: Int = 8081

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelOption = .info

    @Option(name: .long, help: "Largest request body accepted, in bytes; larger ones get 413.")
    var maxBodyBytes: Int = RegistryHTTPConfiguration.defaultMaxBodyBytes

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        guard maxBodyBytes > 0 else {
            throw ValidationError("--max-body-bytes must be positive, got \(maxBodyBytes)")
        }
        guard !db.isEmpty else { throw ValidationError("--db must name a file") }
    }

    func run() async throws {
        LogSetup.bootstrap(logLevel.level)
        let logger = Logger(label: "schema-registry")

        let store: SQLiteSchemaStore
        let registry: Registry
        do {
            store = try SQLiteSchemaStore(path: db)
            registry = try Registry(store: store, formats: KnownFormats.all)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }

        let configuration = RegistryHTTPConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes)
        let database = db
        let application = RegistryHTTPServer.makeApplication(
            service: registry,
            configuration: configuration,
            logger: logger,
            health: { StoreHealth.check(store) },
            onListening: { host, port in
                // Scripts and tests wait for this line (and read the port from it when started with --port 0).
                Console.out("schema-registry listening on http://\(host):\(port) (database \(database))")
            }
        )
        do {
            try await application.runService()
        } catch {
            Console.error("error: cannot serve on \(host):\(port): \(ServeFailure.describe(error))")
            throw ExitCode(1)
        }
        logger.info("stopped")
    }
}
