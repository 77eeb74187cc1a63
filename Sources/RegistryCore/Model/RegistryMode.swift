/// What writes a subject (or the whole registry) accepts.
public enum RegistryMode: String, Sendable, Hashable, Codable, CaseIterable {
    case readWrite = "READWRITE"
    case readOnly = "READONLY"
    /// Set globally, wins over subject-level modes.
    case readOnlyOverride = "READONLY_OVERRIDE"
    /// Registration with explicit ids and versions, no compatibility checks (migration from another registry).
    case `import` = "IMPORT"

    public init?(apiValue: String) {
        self.init(rawValue: apiValue.uppercased())
    }
}
