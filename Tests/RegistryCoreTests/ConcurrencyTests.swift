import RegistryCore
import Testing

@Suite struct ConcurrencyTests {
    @Test func thirtyTwoIdenticalRegistrationsGiveOneIdAndVersion() async throws {
        let t = try TestRegistry()
        let registry = t.registry
        let results = try await withThrowingTaskGroup(of: SubjectVersion.self) { group in
            for _ in 0..<32 {
                group.addTask { try await registry.register(subject: "same", Schemas.user(), normalize: false) }
            }
            return try await group.reduce(into: [SubjectVersion]()) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(Set(results.map(\.id)) == [1])
        #expect(Set(results.map(\.version)) == [1])
        #expect(try await registry.versions(subject: "same", includeDeleted: true, deletedOnly: false) == [1])
    }

    @Test func thirtyTwoDifferentRegistrationsGiveDistinctIdsWithoutGaps() async throws {
        let t = try TestRegistry()
        let registry = t.registry
        try await registry.setCompatibilityLevel(.none, subject: nil)
        let results = try await withThrowingTaskGroup(of: SubjectVersion.self) { group in
            for i in 0..<32 {
                group.addTask {
                    try await registry.register(subject: "many", Schemas.user([Schemas.field("f\(i)", #""int""#)]), normalize: false)
                }
            }
            return try await group.reduce(into: [SubjectVersion]()) { $0.append($1) }
        }
        #expect(results.map(\.id).sorted() == Array(1...32))
        #expect(results.map(\.version).sorted() == Array(1...32))
        // Every acknowledged registration is on disk.
        let reopened = try t.reopen()
        #expect(try await reopened.versions(subject: "many", includeDeleted: false, deletedOnly: false) == Array(1...32))
        for result in results {
            #expect(try await reopened.schema(id: result.id) == result.schema)
        }
    }
}
