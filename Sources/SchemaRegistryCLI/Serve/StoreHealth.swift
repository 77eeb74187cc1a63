import RegistryHTTP
import RegistrySQLite

enum StoreHealth {
    /// A query on the database file itself, so `/health` notices a store that has gone away or been locked.
    static func check(_ store: SQLiteSchemaStore) -> HealthReport {
        do {
            _ = try store.schemaVersion()
            return HealthReport(isHealthy: true, store: "ok")
        } catch {
            return HealthReport(isHealthy: false, store: error.message)
        }
    }
}
