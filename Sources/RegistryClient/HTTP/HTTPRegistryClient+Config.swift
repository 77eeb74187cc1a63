import RegistryCore

/// `/config` and `/mode`, global (`subject == nil`) or per subject.
extension HTTPRegistryClient {
    private static func scopePath(_ root: String, _ subject: String?) -> String {
        subject.map { root + "/" + PathSegment.encode($0) } ?? root
    }

    public func compatibilityLevel(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> CompatibilityLevel {
        var query: [(name: String, value: String)] = []
        query.flag("defaultToGlobal", defaultToGlobal && subject != nil)
        let request = RegistryRequest(.GET, Self.scopePath("/config", subject), query: query, context: ErrorContext(subject: subject))
        return try await call(request) { (d, json) throws(RegistryError) in try d.compatibilityLevel(json) }
    }

    public func setCompatibilityLevel(_ level: CompatibilityLevel, subject: String?) async throws(RegistryError) {
        let request = RegistryRequest(
            .PUT, Self.scopePath("/config", subject), body: RequestBodies.compatibility(level), context: ErrorContext(subject: subject)
        )
        _ = try await call(request) { (d, json) throws(RegistryError) in try d.compatibilityLevel(json) }
    }

    public func deleteCompatibilityLevel(subject: String?) async throws(RegistryError) -> CompatibilityLevel {
        let request = RegistryRequest(.DELETE, Self.scopePath("/config", subject), context: ErrorContext(subject: subject))
        return try await call(request) { (d, json) throws(RegistryError) in try d.compatibilityLevel(json) }
    }

    public func mode(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> RegistryMode {
        var query: [(name: String, value: String)] = []
        query.flag("defaultToGlobal", defaultToGlobal && subject != nil)
        let request = RegistryRequest(.GET, Self.scopePath("/mode", subject), query: query, context: ErrorContext(subject: subject))
        return try await call(request) { (d, json) throws(RegistryError) in try d.mode(json) }
    }

    public func setMode(_ mode: RegistryMode, subject: String?, force: Bool) async throws(RegistryError) {
        var query: [(name: String, value: String)] = []
        query.flag("force", force)
        let request = RegistryRequest(
            .PUT, Self.scopePath("/mode", subject), query: query, body: RequestBodies.mode(mode), context: ErrorContext(subject: subject)
        )
        _ = try await call(request) { (d, json) throws(RegistryError) in try d.mode(json) }
    }

    public func deleteMode(subject: String?) async throws(RegistryError) -> RegistryMode {
        let request = RegistryRequest(.DELETE, Self.scopePath("/mode", subject), context: ErrorContext(subject: subject))
        return try await call(request) { (d, json) throws(RegistryError) in try d.mode(json) }
    }
}
