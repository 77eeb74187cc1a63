import Foundation
import RegistryCore
import Testing
@testable import SchemasAsCode

/// `plan` and `apply` against real registries: dependency order, idempotence, and stopping at the first
/// refusal with the registry's own reason.
@Suite struct PlanApplyTests {
    /// The mini manifest with the referencing subject listed first and an independent subject after it, so
    /// order and stopping are visible.
    static let reorderedManifest = """
    version: 1
    defaults:
      compatibility: BACKWARD
    subjects:
      - subject: orders-value
        file: orders/Order.avsc
        references:
          - name: test.common.Money
            subject: test.common.Money
      - subject: test.common.Money
        file: common/Money.avsc
        compatibility: FULL
      - subject: zz-audit-value
        file: audit/Audit.avsc

    """

    static let audit = #"{"type": "record", "name": "Audit", "namespace": "test.audit", "fields": [{"name": "at", "type": "long"}]}"#

    func reorderedFolder() throws -> WrittenFolder {
        let written = try WrittenFolder()
        try written.writeManifest(Self.reorderedManifest)
        try written.folder.write("schemas/audit/Audit.avsc", Self.audit)
        return written
    }

    @Test func applyRegistersReferencesFirstAndTwiceRegistersNothing() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try reorderedFolder()
        defer { written.remove() }

        let first = await ApplyEngine.apply(source: written.source, service: database.registry)
        #expect(first.problems == [])
        #expect(first.registered.map(\.subject) == ["test.common.Money", "orders-value", "zz-audit-value"])
        #expect(first.registered.map(\.version) == [1, 1, 1])
        #expect(Set(first.levelsSet) == ["test.common.Money", "orders-value", "zz-audit-value"])
        // The registered Order points at the Money version that apply registered.
        let order = try await database.registry.version(subject: "orders-value", .latest, includeDeleted: false)
        #expect(order.schema.references == [SchemaReference(name: "test.common.Money", subject: "test.common.Money", version: 1)])
        #expect(try await database.registry.compatibilityLevel(subject: "test.common.Money", defaultToGlobal: false) == .full)

        let second = await ApplyEngine.apply(source: written.source, service: try database.reopened())
        #expect(second.problems == [])
        #expect(second.registered == [])
        #expect(second.levelsSet == [])
        #expect(second.unchanged.map(\.subject) == ["test.common.Money", "orders-value", "zz-audit-value"])
    }

    @Test func applyOverHTTPTwiceRegistersNothingTheSecondTime() async throws {
        try await LiveRegistry.run { connection in
            let written = try reorderedFolder()
            defer { written.remove() }
            let first = await ApplyEngine.apply(source: written.source, service: connection.client)
            #expect(first.problems == [])
            #expect(first.registered.count == 3)
            let second = await ApplyEngine.apply(source: written.source, service: connection.client)
            #expect(second.problems == [])
            #expect(second.registered == [])
            #expect(second.unchanged.count == 3)
        }
    }

    @Test func applyStopsAtTheFirstRefusalWithTheRegistrysReason() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try WrittenFolder()
        defer { written.remove() }
        #expect(await ApplyEngine.apply(source: written.source, service: database.registry).problems == [])

        // An incompatible Order, and a new subject after it that must not be registered.
        try written.writeOrder(MiniFolder.order.replacingOccurrences(of: #"{"name": "quantity", "type": "int"}"#,
                                                                     with: #"{"name": "quantity", "type": "string"}"#))
        try written.writeManifest(MiniFolder.manifest() + "  - subject: zz-audit-value\n    file: audit/Audit.avsc\n")
        try written.folder.write("schemas/audit/Audit.avsc", Self.audit)
        let result = await ApplyEngine.apply(source: written.source, service: database.registry)
        let refusal = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(result.exitStatus == .failed)
        #expect(refusal.kind == .refused)
        #expect(refusal.subject == "orders-value")
        #expect(refusal.file == written.orderFile)
        // The registry's own reason, as Confluent words it.
        #expect(refusal.message.contains("/fields/2/type"))
        #expect(refusal.message.contains("BACKWARD"))
        #expect(result.registered == [])
        let subjects = try await database.registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false)
        #expect(!subjects.contains("zz-audit-value"))
        #expect(try await database.registry.versions(subject: "orders-value", includeDeleted: false, deletedOnly: false) == [1])
    }

    @Test func planListsNewSubjectsVersionsAndLevelsWithoutWriting() async throws {
        let database = try TestRegistry()
        defer { database.remove() }
        let written = try reorderedFolder()
        defer { written.remove() }

        let empty = await PlanEngine.plan(source: written.source, service: database.registry)
        #expect(empty.problems == [])
        #expect(empty.steps.map(\.subject) == ["test.common.Money", "orders-value", "zz-audit-value"])
        #expect(empty.steps.allSatisfy { $0.action == .createSubject })
        #expect(empty.steps.first?.levelChange == PlanStep.LevelChange(from: nil, to: .full))
        #expect(try await database.registry.subjects(prefix: nil, includeDeleted: false, deletedOnly: false) == [])

        #expect(await ApplyEngine.apply(source: written.source, service: database.registry).problems == [])
        let applied = await PlanEngine.plan(source: written.source, service: database.registry)
        #expect(applied.changes == [])
        #expect(applied.steps.map(\.existingVersion) == [1, 1, 1])

        // A new optional field in Money: Money gets a version, and so does Order, which references it.
        try written.folder.write("schemas/common/Money.avsc", MiniFolder.money.replacingOccurrences(
            of: #"{"name": "currency", "type": "string"}"#,
            with: #"{"name": "currency", "type": "string"}, {"name": "scale", "type": "int", "default": 2}"#))
        let changed = await PlanEngine.plan(source: written.source, service: database.registry)
        #expect(changed.changes.map(\.subject) == ["test.common.Money", "orders-value"])
        #expect(changed.changes.allSatisfy { $0.action == .newVersion })
        #expect(changed.changes.last?.becauseOf == ["test.common.Money"])
        #expect(changed.changes.last?.description.contains("references new versions of test.common.Money") == true)
    }
}
