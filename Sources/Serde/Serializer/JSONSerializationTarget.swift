/// The JSON schema a topic's keys or values are validated with, resolved once and reused for every message.
public struct JSONSerializationTarget: Sendable {
    /// Nil only when the schema was pinned by id and no subject could be derived.
    public let subject: String?
    public let schema: CompiledJSONSchema
    /// The version under `subject`, when known.
    public let version: Int?
    /// Set when resolved from "latest": after this the topic asks the registry again.
    let refreshAfter: ContinuousClock.Instant?

    public var schemaID: Int { schema.id }
}
