import GRDB
import RegistryCore

/// Row mapping: the only place that knows table and column names besides the migrations.
extension SQLiteSchemaStore {
    static let globalScope = ""
    static let maxSchemaIDCounter = "max_schema_id"

    static func load(_ db: Database) throws -> StoreContents {
        var references: [Int: [SchemaReference]] = [:]
        let referenceRows = try Row.fetchCursor(db, sql: "SELECT schema_id, name, subject, version FROM schema_references ORDER BY schema_id, position")
        while let row = try referenceRows.next() {
            references[row[0], default: []].append(SchemaReference(name: row[1], subject: row[2], version: row[3]))
        }

        var contents = StoreContents()
        let schemaRows = try Row.fetchCursor(db, sql: "SELECT id, schema_type, schema_text, identity_hash FROM schemas ORDER BY id")
        while let row = try schemaRows.next() {
            let id: Int = row[0]
            let typeName: String = row[1]
            guard let type = SchemaType(rawValue: typeName) else { throw RegistryError.storeError("schema \(id) has unknown type '\(typeName)'") }
            let schema = StoredSchema(id: id, schemaType: type, schema: row[2], references: references[id] ?? [])
            contents.schemas.append(SchemaRow(schema: schema, identityHash: row[3]))
        }

        let versionRows = try Row.fetchCursor(db, sql: "SELECT subject, version, schema_id, deleted FROM subject_versions ORDER BY subject, version")
        while let row = try versionRows.next() {
            contents.versions.append(VersionRow(subject: row[0], version: row[1], schemaID: row[2], deleted: row[3]))
        }

        for row in try Row.fetchAll(db, sql: "SELECT scope, level FROM compatibility_levels") {
            let scope: String = row[0]
            let name: String = row[1]
            guard let level = CompatibilityLevel(rawValue: name) else { throw RegistryError.storeError("unknown compatibility level '\(name)' for '\(scope)'") }
            if scope == globalScope { contents.globalCompatibility = level } else { contents.subjectCompatibility[scope] = level }
        }
        for row in try Row.fetchAll(db, sql: "SELECT scope, mode FROM modes") {
            let scope: String = row[0]
            let name: String = row[1]
            guard let mode = RegistryMode(rawValue: name) else { throw RegistryError.storeError("unknown mode '\(name)' for '\(scope)'") }
            if scope == globalScope { contents.globalMode = mode } else { contents.subjectModes[scope] = mode }
        }
        contents.maxSchemaID = try Int.fetchOne(db, sql: "SELECT value FROM counters WHERE name = ?", arguments: [maxSchemaIDCounter]) ?? 0
        return contents
    }

    static func apply(_ operation: StoreOperation, _ db: Database) throws {
        switch operation {
        case .insertSchema(let row):
            let schema = row.schema
            try db.execute(
                sql: "INSERT INTO schemas (id, schema_type, schema_text, identity_hash) VALUES (?, ?, ?, ?)",
                arguments: [schema.id, schema.schemaType.rawValue, schema.schema, row.identityHash])
            for (position, reference) in schema.references.enumerated() {
                try db.execute(
                    sql: "INSERT INTO schema_references (schema_id, position, name, subject, version) VALUES (?, ?, ?, ?, ?)",
                    arguments: [schema.id, position, reference.name, reference.subject, reference.version])
            }
        case .deleteSchema(let id):
            try db.execute(sql: "DELETE FROM schemas WHERE id = ?", arguments: [id])
        case .putVersion(let row):
            try db.execute(
                sql: """
                    INSERT INTO subject_versions (subject, version, schema_id, deleted) VALUES (?, ?, ?, ?)
                    ON CONFLICT (subject, version) DO UPDATE SET schema_id = excluded.schema_id, deleted = excluded.deleted
                    """,
                arguments: [row.subject, row.version, row.schemaID, row.deleted])
        case .deleteVersion(let subject, let version):
            try db.execute(sql: "DELETE FROM subject_versions WHERE subject = ? AND version = ?", arguments: [subject, version])
        case .setCompatibility(let subject, let level):
            try putSetting(table: "compatibility_levels", column: "level", scope: subject ?? globalScope, value: level?.rawValue, db)
        case .setMode(let subject, let mode):
            try putSetting(table: "modes", column: "mode", scope: subject ?? globalScope, value: mode?.rawValue, db)
        case .setMaxSchemaID(let id):
            try db.execute(
                sql: "UPDATE counters SET value = MAX(value, ?) WHERE name = ?",
                arguments: [id, maxSchemaIDCounter])
        }
    }

    private static func putSetting(table: String, column: String, scope: String, value: String?, _ db: Database) throws {
        if let value {
            try db.execute(
                sql: "INSERT INTO \(table) (scope, \(column)) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET \(column) = excluded.\(column)",
                arguments: [scope, value])
        } else {
            try db.execute(sql: "DELETE FROM \(table) WHERE scope = ?", arguments: [scope])
        }
    }
}
