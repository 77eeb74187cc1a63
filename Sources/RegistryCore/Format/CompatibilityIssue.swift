/// One reason a reader schema cannot read a writer's data.
///
/// Reasons are data; only the edges (HTTP verbose messages, CLI text, CI annotations) format them.
public struct CompatibilityIssue: Sendable, Equatable, Codable {
    /// Machine-readable kind, e.g. `READER_FIELD_MISSING_DEFAULT_VALUE`, `TYPE_MISMATCH`.
    public var kind: String
    /// JSON pointer into the schema where the problem is, e.g. `/fields/3/type`.
    public var location: String
    /// A sentence a person understands.
    public var message: String
    /// How to fix it, where there is an obvious fix.
    public var hint: String?

    public init(kind: String, location: String, message: String, hint: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.hint = hint
    }
}
