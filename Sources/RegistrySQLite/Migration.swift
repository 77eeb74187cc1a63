/// One schema change of the database, from `migrations/NNNN_name.sql`, embedded at build time.
struct Migration: Sendable {
    var version: Int
    var name: String
    var sql: String
}
