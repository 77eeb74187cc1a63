/// Why a database could not be opened or prepared; each case names the file so an operator can act on it.
public enum SQLiteStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or its directory cannot be created, opened or written (permissions, missing directory, read-only).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database, or is damaged.
    case notADatabase(path: String, reason: String)
    /// The database was migrated by a newer build; running an older one against it could lose data.
    case newerDatabase(path: String, databaseVersion: Int, knownVersion: Int)
    case migrationFailed(path: String, version: Int, name: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open database at \(path): \(reason)"
        case .notADatabase(let path, let reason):
            return "\(path) is not a usable registry database (\(reason))"
        case .newerDatabase(let path, let found, let known):
            return "database \(path) has schema version \(found), but this build only knows up to \(known); use a newer schema-registry binary"
        case .migrationFailed(let path, let version, let name, let reason):
            return "migration \(version) (\(name)) failed on \(path): \(reason)"
        }
    }
}
