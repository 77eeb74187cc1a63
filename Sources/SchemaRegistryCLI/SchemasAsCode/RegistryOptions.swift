import ArgumentParser
import Foundation
import RegistryClient
import RegistryCore
import RegistrySQLite

/// `--registry URL` or `--db PATH`: the registry a schemas-as-code command talks to, a running one over HTTP
/// or a database file opened in-process (no server needed, e.g. in CI against a committed snapshot).
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Registry base URL, e.g. http://localhost:8081 (Confluent-compatible; comma-separated URLs fail over).", valueName: "url"))
    var registry: String?

    @Option(name: .long, help: ArgumentHelp("Registry database file, opened offline without a server.", valueName: "path"))
    var db: String?

    func validate() throws {
        if registry != nil, db != nil {
            throw ValidationError("give either --registry or --db, not both")
        }
        if let registry, registry.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--registry must name a URL")
        }
        if let db, db.isEmpty {
            throw ValidationError("--db must name a file")
        }
    }

    var isGiven: Bool { registry != nil || db != nil }

    /// How reports name the registry.
    var label: String {
        if let registry { return "registry \(registry)" }
        if let db { return "database \(db)" }
        return "registry"
    }

    /// Opens the registry, runs `body` with it and always lets it go (an HTTP client's pool must be shut down
    /// before it is released). `create` allows a database file that does not exist yet: only `apply` writes.
    func with<T: Sendable>(create: Bool, _ body: (any SchemaRegistryService) async -> T) async throws(CommandFailure) -> T {
        if let registry {
            let client = HTTPRegistryClient(configuration: RegistryClientConfiguration(url: registry))
            let result = await body(client)
            try? await client.shutdown()
            return result
        }
        guard let db else { throw CommandFailure("give --registry URL or --db PATH") }
        if !create, !FileManager.default.fileExists(atPath: db) {
            throw CommandFailure("database file '\(db)' does not exist (`apply --db \(db)` creates one)")
        }
        let store: SQLiteSchemaStore
        let registry: Registry
        do {
            store = try SQLiteSchemaStore(path: db)
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            registry = try Registry(store: store, formats: KnownFormats.all)
        } catch {
            throw CommandFailure("cannot load database '\(db)': \(error.message)")
        }
        return await body(registry)
    }
}

/// Something that stops a command before it can give a verdict: printed as `error: ...`, exit status 2.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
