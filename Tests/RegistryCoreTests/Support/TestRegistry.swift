import Foundation
import RegistryCore
import RegistrySQLite

/// A registry over a real SQLite file in a fresh temporary directory, removed when the test ends.
final class TestRegistry {
    let directory: URL
    let path: String
    private(set) var registry: Registry
    private(set) var store: SQLiteSchemaStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("registry-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("registry.sqlite").path
        store = try SQLiteSchemaStore(path: path)
        registry = try Registry(store: store)
    }

    /// Opens the same file again, as a restarted process would.
    func reopen() throws -> Registry {
        store = try SQLiteSchemaStore(path: path)
        registry = try Registry(store: store)
        return registry
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Small Avro schemas for tests.
enum Schemas {
    static func record(_ name: String, fields: [(String, String)]) -> String {
        let list = fields.map { #"{"name":"\#($0.0)","type":\#($0.1)}"# }.joined(separator: ",")
        return #"{"type":"record","name":"\#(name)","fields":[\#(list)]}"#
    }

    static func user(_ fields: [(String, String)] = [("id", #""long""#)]) -> SchemaSubmission {
        SchemaSubmission(schema: record("User", fields: fields))
    }
}

extension RegistryError {
    var code: Int { errorCode }
}

/// The error code a throwing async call ended with, or nil when it succeeded.
func errorCode<T>(_ body: () async throws(RegistryError) -> T) async -> Int? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error.errorCode
    }
}
