/// Counts for metrics and health endpoints, read from memory.
public struct RegistryStatistics: Sendable, Equatable {
    /// Distinct global ids stored (including those only soft-deleted versions use).
    public var schemas: Int
    /// Subjects with at least one live version.
    public var liveSubjects: Int
    /// Live (not soft-deleted) subject versions.
    public var liveVersions: Int
    /// The highest id ever assigned.
    public var maxSchemaID: Int

    public init(schemas: Int, liveSubjects: Int, liveVersions: Int, maxSchemaID: Int) {
        self.schemas = schemas
        self.liveSubjects = liveSubjects
        self.liveVersions = liveVersions
        self.maxSchemaID = maxSchemaID
    }
}

extension Registry {
    /// O(subjects); meant for a metrics scrape, not for every request.
    public func statistics() -> RegistryStatistics {
        state.withLock { s in
            var subjects = 0
            var versions = 0
            for entries in s.subjects.values {
                let live = entries.reduce(0) { $0 + ($1.deleted ? 0 : 1) }
                versions += live
                if live > 0 { subjects += 1 }
            }
            return RegistryStatistics(schemas: s.schemas.count, liveSubjects: subjects, liveVersions: versions, maxSchemaID: s.maxSchemaID)
        }
    }
}
