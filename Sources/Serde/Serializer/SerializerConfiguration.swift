import RegistryCore

/// How a serializer picks the schema (and so the id) it writes with, following Confluent's serializer
/// settings. In order of precedence: a pinned `schemaID`; a pinned `schemaVersion` of the subject;
/// `useLatestVersion` (or no local `schema` at all): the subject's latest version, re-read every
/// `latestRefresh`; a local `schema` registered when `autoRegister` is set, otherwise looked up and required
/// to be registered already.
public struct SerializerConfiguration: Sendable {
    public var subjectNameStrategy: SubjectNameStrategy
    /// The Avro schema text the application writes with, if it has one of its own.
    public var schema: String?
    /// References of `schema`, resolved through the registry.
    public var references: [SchemaReference]
    /// Register `schema` when it is not registered yet. Off by default: a validating producer should not
    /// create schemas as a side effect of a typo in a message.
    public var autoRegister: Bool
    public var useLatestVersion: Bool
    public var schemaID: Int?
    public var schemaVersion: Int?
    /// Sent as `normalize=true` when registering or looking up `schema`.
    public var normalize: Bool
    /// How long a topic keeps the latest version it found before asking again.
    public var latestRefresh: Duration

    public init(
        subjectNameStrategy: SubjectNameStrategy = .topicName,
        schema: String? = nil,
        references: [SchemaReference] = [],
        autoRegister: Bool = false,
        useLatestVersion: Bool = false,
        schemaID: Int? = nil,
        schemaVersion: Int? = nil,
        normalize: Bool = false,
        latestRefresh: Duration = .seconds(60)
    ) {
        self.subjectNameStrategy = subjectNameStrategy
        self.schema = schema
        self.references = references
        self.autoRegister = autoRegister
        self.useLatestVersion = useLatestVersion
        self.schemaID = schemaID
        self.schemaVersion = schemaVersion
        self.normalize = normalize
        self.latestRefresh = latestRefresh
    }
}
