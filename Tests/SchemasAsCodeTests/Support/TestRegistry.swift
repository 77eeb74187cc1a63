import Foundation
import RegistryCore
import RegistrySQLite

/// The real registry over a real SQLite file in a temporary folder: what `--db PATH` opens.
struct TestRegistry {
    let folder: TemporaryFolder
    let registry: Registry

    init() throws {
        folder = try TemporaryFolder()
        registry = try Registry(store: try SQLiteSchemaStore(path: folder.file("registry.sqlite")), formats: [AvroFormat(), JSONFormat()])
    }

    /// Opens the same database file again, as a second process would.
    func reopened() throws -> Registry {
        try Registry(store: try SQLiteSchemaStore(path: folder.file("registry.sqlite")), formats: [AvroFormat(), JSONFormat()])
    }

    func remove() {
        folder.remove()
    }
}
