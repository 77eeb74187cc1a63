/// What `CachingRegistryClient` keeps and for how long.
public struct CachingConfiguration: Sendable, Equatable {
    /// How long "latest version of a subject" stays cached; `nil` never caches it, `.zero` likewise.
    /// Confluent's `latest.cache.ttl.sec`. Everything else is cached until evicted: ids and registered
    /// versions never change meaning.
    public var latestTTL: Duration?
    /// Entries per cache before it is emptied (Confluent's `max.schemas.per.subject` plays this role);
    /// bounds memory against a caller that asks about endless distinct schemas.
    public var maxEntries: Int

    public init(latestTTL: Duration? = .seconds(60), maxEntries: Int = 10_000) {
        self.latestTTL = latestTTL
        self.maxEntries = max(1, maxEntries)
    }
}
