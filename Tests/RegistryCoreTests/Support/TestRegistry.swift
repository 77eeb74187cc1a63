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
    /// A field's JSON; `type` and `default` are JSON texts.
    static func field(_ name: String, _ type: String, default value: String? = nil) -> String {
        let defaultPart = value.map { #","default":\#($0)"# } ?? ""
        return #"{"name":"\#(name)","type":\#(type)\#(defaultPart)}"#
    }

    static func record(_ name: String, fields: [String]) -> String {
        #"{"type":"record","name":"\#(name)","fields":[\#(fields.joined(separator: ","))]}"#
    }

    static func user(_ fields: [String] = [field("id", #""long""#)]) -> SchemaSubmission {
        SchemaSubmission(schema: record("User", fields: fields))
    }
}

/// The registry error code a throwing async call ended with, nil when it succeeded, -1 for any other error.
func errorCode<T>(_ body: () async throws -> T) async -> Int? {
    do {
        _ = try await body()
        return nil
    } catch let error as RegistryError {
        return error.errorCode
    } catch {
        return -1
    }
}
