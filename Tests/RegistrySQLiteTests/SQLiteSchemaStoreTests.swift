import Foundation
import RegistryCore
@testable import RegistrySQLite
import Testing

/// A fresh temporary directory per test.
final class TempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite struct SQLiteSchemaStoreTests {
    static let schema = StoredSchema(id: 7, schemaType: .avro, schema: #""string""#, references: [SchemaReference(name: "x", subject: "dep", version: 2)])

    @Test func freshDatabaseIsMigratedAndEmpty() throws {
        let dir = try TempDirectory()
        let store = try SQLiteSchemaStore(path: dir.path("r.sqlite"))
        #expect(try store.schemaVersion() == EmbeddedMigrations.all.map(\.version).max())
        #expect(try store.loadAll() == StoreContents())
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func operationsRoundTripThroughAReopen() throws {
        let dir = try TempDirectory()
        let path = dir.path("r.sqlite")
        let store = try SQLiteSchemaStore(path: path)
        let dep = StoredSchema(id: 3, schemaType: .avro, schema: #""int""#, references: [])
        try store.apply([
            .insertSchema(SchemaRow(schema: dep, identityHash: SchemaIdentity(dep).hash)),
            .putVersion(VersionRow(subject: "dep", version: 2, schemaID: 3, deleted: false)),
            .insertSchema(SchemaRow(schema: Self.schema, identityHash: SchemaIdentity(Self.schema).hash)),
            .putVersion(VersionRow(subject: "s", version: 1, schemaID: 7, deleted: false)),
            .putVersion(VersionRow(subject: "s", version: 1, schemaID: 7, deleted: true)),
            .setCompatibility(subject: nil, level: .full),
            .setCompatibility(subject: "s", level: CompatibilityLevel.none),
            .setMode(subject: "s", mode: .readOnly),
            .setMode(subject: nil, mode: .import),
            .setMaxSchemaID(9),
        ])
        let reopened = try SQLiteSchemaStore(path: path)
        let contents = try reopened.loadAll()
        #expect(contents.schemas.map(\.schema) == [dep, Self.schema])
        #expect(contents.schemas.map(\.identityHash) == [SchemaIdentity(dep).hash, SchemaIdentity(Self.schema).hash])
        #expect(contents.versions == [
            VersionRow(subject: "dep", version: 2, schemaID: 3, deleted: false),
            VersionRow(subject: "s", version: 1, schemaID: 7, deleted: true),
        ])
        #expect(contents.globalCompatibility == .full)
        #expect(contents.subjectCompatibility == ["s": CompatibilityLevel.none])
        #expect(contents.globalMode == .import)
        #expect(contents.subjectModes == ["s": .readOnly])
        #expect(contents.maxSchemaID == 9)

        try reopened.apply([
            .deleteVersion(subject: "s", version: 1),
            .deleteSchema(id: 7),
            .setCompatibility(subject: "s", level: nil),
            .setMode(subject: nil, mode: nil),
            .setMaxSchemaID(4),  // never lowers
        ])
        let after = try reopened.loadAll()
        #expect(after.schemas.map(\.schema) == [dep])
        #expect(after.versions.count == 1)
        #expect(after.subjectCompatibility.isEmpty)
        #expect(after.globalMode == nil)
        #expect(after.maxSchemaID == 9)
    }

    @Test func aFailingBatchChangesNothing() throws {
        let dir = try TempDirectory()
        let store = try SQLiteSchemaStore(path: dir.path("r.sqlite"))
        let row = SchemaRow(schema: StoredSchema(id: 1, schemaType: .avro, schema: #""int""#, references: []), identityHash: 1)
        try store.apply([.insertSchema(row)])
        // The second insert of id 1 violates the primary key: the version written before it must roll back.
        #expect(throws: RegistryError.self) {
            try store.apply([.putVersion(VersionRow(subject: "s", version: 1, schemaID: 1, deleted: false)), .insertSchema(row)])
        }
        #expect(try store.loadAll().versions.isEmpty)
        // A version pointing at no schema is refused by the foreign key.
        #expect(throws: RegistryError.self) {
            try store.apply([.putVersion(VersionRow(subject: "s", version: 1, schemaID: 42, deleted: false))])
        }
    }

    @Test func walModeAndDurableSynchronousSetting() throws {
        let dir = try TempDirectory()
        let store = try SQLiteSchemaStore(path: dir.path("r.sqlite"))
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")  // FULL
        #expect(try store.pragma("foreign_keys") == "1")
    }
}

@Suite struct MigrationTests {
    @Test func embeddedMigrationsComeFromTheSQLFiles() {
        let first = EmbeddedMigrations.all.first
        #expect(first?.version == 1)
        #expect(first?.name == "init")
        #expect(first?.sql.contains("CREATE TABLE schemas") == true)
    }

    @Test func laterMigrationsApplyInOrderOnReopen() throws {
        let dir = try TempDirectory()
        let path = dir.path("r.sqlite")
        _ = try SQLiteSchemaStore(path: path)
        let extra = Migration(version: 2, name: "extra", sql: "CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (1);")
        let upgraded = try SQLiteSchemaStore(path: path, migrations: EmbeddedMigrations.all + [extra])
        #expect(try upgraded.schemaVersion() == 2)
        // Reopening with the same list applies nothing twice (a second INSERT would leave two rows).
        _ = try SQLiteSchemaStore(path: path, migrations: EmbeddedMigrations.all + [extra])
        let again = try SQLiteSchemaStore(path: path, migrations: EmbeddedMigrations.all + [extra])
        #expect(try again.schemaVersion() == 2)
        #expect(try again.integrityCheck() == "ok")
    }

    @Test func newerDatabaseIsRefused() throws {
        let dir = try TempDirectory()
        let path = dir.path("r.sqlite")
        let extra = Migration(version: 2, name: "from-the-future", sql: "CREATE TABLE future (x INTEGER);")
        _ = try SQLiteSchemaStore(path: path, migrations: EmbeddedMigrations.all + [extra])
        #expect(throws: SQLiteStoreError.newerDatabase(path: path, databaseVersion: 2, knownVersion: 1)) {
            _ = try SQLiteSchemaStore(path: path, migrations: EmbeddedMigrations.all)
        }
        let message = SQLiteStoreError.newerDatabase(path: path, databaseVersion: 2, knownVersion: 1).description
        #expect(message.contains("newer schema-registry binary"))
    }

    @Test func failingMigrationIsReportedAndNotRecorded() throws {
        let dir = try TempDirectory()
        let path = dir.path("r.sqlite")
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE ok (x); THIS IS NOT SQL;")
        do {
            _ = try SQLiteSchemaStore(path: path, migrations: EmbeddedMigrations.all + [broken])
            Issue.record("expected failure")
        } catch {
            guard case .migrationFailed(_, let version, let name, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(version == 2)
            #expect(name == "broken")
        }
        #expect(try SQLiteSchemaStore(path: path).schemaVersion() == 1)
    }
}

@Suite struct OpenFailureTests {
    @Test func missingDirectoryIsATypedError() {
        #expect {
            _ = try SQLiteSchemaStore(path: "/nonexistent-dir-\(UUID().uuidString)/r.sqlite")
        } throws: { error in
            guard case SQLiteStoreError.cannotOpen = error else { return false }
            return true
        }
    }

    @Test func garbageFileIsNotADatabase() throws {
        let dir = try TempDirectory()
        let path = dir.path("garbage.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteSchemaStore(path: path)
        } throws: { error in
            guard case SQLiteStoreError.notADatabase = error else { return false }
            return true
        }
    }

    @Test func directoryInsteadOfAFileIsATypedError() throws {
        let dir = try TempDirectory()
        #expect {
            _ = try SQLiteSchemaStore(path: dir.url.path)
        } throws: { error in
            guard case SQLiteStoreError.cannotOpen = error else { return false }
            return true
        }
    }
}
