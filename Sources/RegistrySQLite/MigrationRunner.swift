import GRDB

/// Applies the embedded migrations in version order, each in its own transaction, recording them in
/// `schema_migrations`; refuses a database that records a version this build does not know.
enum MigrationRunner {
    static let historyTable = "schema_migrations"

    static func migrate(_ db: Database, path: String, migrations: [Migration]) throws(SQLiteStoreError) {
        let known = migrations.map(\.version).max() ?? 0
        let applied: Set<Int>
        do {
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS \(historyTable) (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                )
                """)
            applied = Set(try Int.fetchAll(db, sql: "SELECT version FROM \(historyTable)"))
        } catch {
            throw SQLiteStoreError.classify(error, path: path)
        }
        if let newest = applied.max(), newest > known {
            throw .newerDatabase(path: path, databaseVersion: newest, knownVersion: known)
        }
        for migration in migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
            do {
                try db.inTransaction(.immediate) {
                    try db.execute(sql: migration.sql)
                    try db.execute(
                        sql: "INSERT INTO \(historyTable) (version, name) VALUES (?, ?)",
                        arguments: [migration.version, migration.name])
                    return .commit
                }
            } catch {
                throw .migrationFailed(path: path, version: migration.version, name: migration.name, reason: "\(error)")
            }
        }
    }
}

extension SQLiteStoreError {
    /// Sorts an SQLite failure at open time into "cannot open" and "not a database".
    static func classify(_ error: any Error, path: String) -> SQLiteStoreError {
        guard let error = error as? DatabaseError else { return .cannotOpen(path: path, reason: "\(error)") }
        let reason = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path, reason: reason)
        default:
            return .cannotOpen(path: path, reason: reason)
        }
    }
}
