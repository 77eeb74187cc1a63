import ArgumentParser
import Foundation
import RegistryClient
import RegistryCore
import RegistrySQLite

/// Where `produce` and `consume` find schemas: a registry server over HTTP (`--registry`), or the registry's own
/// SQLite file opened in this process (`--db`), the same way `serve` opens it.
struct RegistrySourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Registry URL(s), comma-separated (e.g. http://127.0.0.1:8081).", valueName: "url"))
    var registry: String?

    @Option(name: .long, help: ArgumentHelp("The registry's SQLite file, opened in-process instead of --registry.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the registry server to accept a connection or answer.", valueName: "seconds"))
    var registryTimeout: Double = 10

    func validate() throws {
        if registry != nil && db != nil { throw ValidationError("--registry and --db exclude each other") }
        if let registry, registry.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--registry must name a URL")
        }
        guard registryTimeout > 0 else { throw ValidationError("--registry-timeout must be positive") }
    }

    /// Called by commands that need a registry (raw benchmark modes do not).
    func requireOne() throws {
        if registry == nil && db == nil { throw ValidationError("give the registry with --registry URL or --db PATH") }
    }

    /// Opens the source; the caller calls `close()` on the result when done.
    func open() throws(CLIFailure) -> OpenRegistry {
        if let db {
            // A missing file would be created empty and then report every subject as unknown: say so instead.
            guard FileManager.default.fileExists(atPath: db) else {
                throw CLIFailure("--db \(db): no such file (give the database a registry `serve`s, or use --registry)")
            }
            do {
                let registry = try Registry(store: try SQLiteSchemaStore(path: db), formats: KnownFormats.all)
                return OpenRegistry(service: registry, description: "database \(db)", http: nil)
            } catch {
                throw CLIFailure("cannot open the registry database \(db): \(error)")
            }
        }
        var configuration = RegistryClientConfiguration(url: registry ?? "")
        let timeout = Duration.milliseconds(Int64(registryTimeout * 1000))
        configuration.connectTimeout = timeout
        configuration.requestTimeout = timeout
        // Each attempt at a dead server already waits `connectTimeout`; one retry is enough for a CLI.
        configuration.retry = RetryPolicy(maxAttempts: 2)
        let http = HTTPRegistryClient(configuration: configuration)
        return OpenRegistry(
            service: CachingRegistryClient(wrapping: http),
            description: "registry \(configuration.baseURLs.joined(separator: ","))",
            http: http
        )
    }
}

/// A registry ready for a serializer, plus what must be shut down after.
struct OpenRegistry {
    let service: any SchemaRegistryService
    /// For messages: "registry http://..." or "database path".
    let description: String
    let http: HTTPRegistryClient?

    func close() async {
        try? await http?.shutdown()
    }
}
