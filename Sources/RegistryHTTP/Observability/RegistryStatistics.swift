import RegistryCore

/// Counts the `/metrics` gauges report.
public struct RegistryStatistics: Sendable, Equatable {
    /// Distinct schema ids stored (ids that only soft-deleted versions use still count: they still resolve).
    public var schemas: Int
    /// Live subjects.
    public var subjects: Int

    public init(schemas: Int, subjects: Int) {
        self.schemas = schemas
        self.subjects = subjects
    }
}

/// A registry that can count itself cheaply. Stores that keep counts should conform; others are counted through
/// the listing operations of `SchemaRegistryService`, once per scrape.
public protocol RegistryStatisticsProviding: Sendable {
    func statistics() async throws(RegistryError) -> RegistryStatistics
}

extension RegistryStatistics {
    /// Counts through the listing endpoints; adequate for scrapes every few seconds, not for hot paths.
    static func counting(_ service: any SchemaRegistryService) async throws(RegistryError) -> RegistryStatistics {
        if let provider = service as? any RegistryStatisticsProviding {
            return try await provider.statistics()
        }
        // The in-process registry keeps everything in memory: count there rather than build every listing.
        if let registry = service as? Registry {
            let counts = registry.statistics()
            return RegistryStatistics(schemas: counts.schemas, subjects: counts.liveSubjects)
        }
        let subjects = try await service.subjects(prefix: nil, includeDeleted: false, deletedOnly: false)
        let versions = try await service.schemas(subjectPrefix: nil, includeDeleted: false, latestOnly: false)
        return RegistryStatistics(schemas: Set(versions.map(\.id)).count, subjects: subjects.count)
    }
}
