import GRDB
import RegistryCore

/// The registry's store: one SQLite file in WAL mode, through GRDB over the system libsqlite3.
///
/// Durability: `synchronous=FULL`, so each commit fsyncs the WAL before `apply` returns. NORMAL would already
/// keep acknowledged writes across a SIGKILL of the process (the WAL is in the OS page cache); FULL also keeps
/// them across an OS crash or power loss, at the cost of one fsync per registration, which is rare next to reads.
public final class SQLiteSchemaStore: SchemaStore {
    public let path: String
    private let database: DatabaseQueue

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public convenience init(path: String) throws(SQLiteStoreError) {
        try self.init(path: path, migrations: EmbeddedMigrations.all)
    }

    init(path: String, migrations: [Migration]) throws(SQLiteStoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(5)
        configuration.label = "schema-registry"
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw SQLiteStoreError.classify(error, path: path)
        }
        do {
            try database.writeWithoutTransaction { db in
                // After GRDB's WAL set-up, which picks NORMAL; one connection, so it holds for every write.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try MigrationRunner.migrate(db, path: path, migrations: migrations)
            }
        } catch let error as SQLiteStoreError {
            throw error
        } catch {
            throw SQLiteStoreError.classify(error, path: path)
        }
    }

    /// The newest migration recorded in the database.
    public func schemaVersion() throws(RegistryError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT MAX(version) FROM \(MigrationRunner.historyTable)") ?? 0 }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws(RegistryError) -> String {
        try reading { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// The connection's value of a pragma, for diagnostics and tests.
    func pragma(_ name: String) throws(RegistryError) -> String? {
        try reading { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    public func loadAll() throws(RegistryError) -> StoreContents {
        try reading { db in try Self.load(db) }
    }

    public func apply(_ operations: [StoreOperation]) throws(RegistryError) {
        guard !operations.isEmpty else { return }
        do {
            try database.write { db in
                for operation in operations { try Self.apply(operation, db) }
            }
        } catch let error as RegistryError {
            throw error
        } catch {
            throw .storeError("\(error)")
        }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(RegistryError) -> T {
        do {
            return try database.read(body)
        } catch let error as RegistryError {
            throw error
        } catch {
            throw .storeError("\(error)")
        }
    }
}
