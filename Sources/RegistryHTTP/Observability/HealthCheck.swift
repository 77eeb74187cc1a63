import RegistryCore

/// What `/health` reports: whether the registry answers, and its store with it.
public struct HealthReport: Sendable, Equatable {
    public var isHealthy: Bool
    /// One word or sentence on the store, e.g. `ok` or the error it gave.
    public var store: String

    public init(isHealthy: Bool, store: String) {
        self.isHealthy = isHealthy
        self.store = store
    }
}

enum HealthCheck {
    /// Reads the global compatibility level: a real round trip through the registry to its store.
    static func probe(_ service: any SchemaRegistryService) async -> HealthReport {
        do {
            _ = try await service.compatibilityLevel(subject: nil, defaultToGlobal: true)
            return HealthReport(isHealthy: true, store: "ok")
        } catch {
            return HealthReport(isHealthy: false, store: error.message)
        }
    }
}
