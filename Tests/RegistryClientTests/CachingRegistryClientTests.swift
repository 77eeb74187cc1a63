import Foundation
import RegistryClient
import RegistryCore
import Synchronization
import Testing

/// The cache in front of the real HTTP client and server; a counting layer between them shows which calls
/// reached the registry.
@Suite struct CachingRegistryClientTests {
    static let v1 = #"{"type":"record","name":"Pay","fields":[{"name":"amount","type":"long"}]}"#
    static let v2 = #"{"type":"record","name":"Pay","fields":[{"name":"amount","type":"long"},{"name":"memo","type":"string","default":""}]}"#

    @Test func idsAndRegistrationsAreAskedOnce() async throws {
        try await LiveRegistry.run { _, _, client in
            let counting = CountingService(client)
            let cache = CachingRegistryClient(wrapping: counting)
            let registered = try await cache.register(subject: "pay-value", SchemaSubmission(schema: Self.v1), normalize: false)
            for _ in 0..<5 {
                #expect(try await cache.register(subject: "pay-value", SchemaSubmission(schema: Self.v1), normalize: false) == registered)
                #expect(try await cache.lookup(subject: "pay-value", SchemaSubmission(schema: Self.v1), normalize: false, includeDeleted: false) == registered)
                #expect(try await cache.schema(id: registered.id) == registered.schema)
                #expect(try await cache.version(subject: "pay-value", .number(1), includeDeleted: false) == registered)
            }
            #expect(counting.count("register") == 1)
            #expect(counting.count("lookup") == 0)
            // The id was learned from the registration.
            #expect(counting.count("schema") == 0)
            #expect(counting.count("version") == 1)
        }
    }

    @Test func latestVersionIsKeptForTheTTLThenAskedAgain() async throws {
        try await LiveRegistry.run { _, registry, client in
            let counting = CountingService(client)
            let clock = ManualClock()
            let cache = CachingRegistryClient(
                wrapping: counting, configuration: CachingConfiguration(latestTTL: .seconds(30)), now: { clock.now }
            )
            _ = try await registry.register(subject: "pay-value", SchemaSubmission(schema: Self.v1), normalize: false)
            #expect(try await cache.version(subject: "pay-value", .latest, includeDeleted: false).version == 1)
            // A new version registered elsewhere is not seen until the TTL has passed.
            _ = try await registry.register(subject: "pay-value", SchemaSubmission(schema: Self.v2), normalize: false)
            clock.advance(by: .seconds(29))
            #expect(try await cache.version(subject: "pay-value", .latest, includeDeleted: false).version == 1)
            #expect(counting.count("version") == 1)
            clock.advance(by: .seconds(2))
            #expect(try await cache.version(subject: "pay-value", .latest, includeDeleted: false).version == 2)
            #expect(counting.count("version") == 2)
        }
    }

    @Test func deletesThroughTheCacheInvalidateTheSubject() async throws {
        try await LiveRegistry.run { _, _, client in
            let cache = CachingRegistryClient(wrapping: client)
            _ = try await cache.register(subject: "gone-value", SchemaSubmission(schema: Self.v1), normalize: false)
            #expect(try await cache.version(subject: "gone-value", .latest, includeDeleted: false).version == 1)
            _ = try await cache.deleteSubject("gone-value", permanent: false)
            await #expect(throws: RegistryError.subjectNotFound("gone-value")) {
                try await cache.version(subject: "gone-value", .latest, includeDeleted: false)
            }
        }
    }

    @Test func errorsAreNotCached() async throws {
        try await LiveRegistry.run { _, registry, client in
            let cache = CachingRegistryClient(wrapping: client)
            await #expect(throws: RegistryError.subjectNotFound("later-value")) {
                try await cache.version(subject: "later-value", .latest, includeDeleted: false)
            }
            _ = try await registry.register(subject: "later-value", SchemaSubmission(schema: Self.v1), normalize: false)
            #expect(try await cache.version(subject: "later-value", .latest, includeDeleted: false).version == 1)
        }
    }
}

/// A time source the test moves by hand.
final class ManualClock: Sendable {
    private let current = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { current.withLock { $0 } }
    func advance(by duration: Duration) { current.withLock { $0 += duration } }
}
