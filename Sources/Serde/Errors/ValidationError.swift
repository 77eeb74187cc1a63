import Avro

/// A message refused because its data does not fit the schema it would be written with. Says where (JSON
/// pointer into the message), what the schema wanted and what was found, and which schema decided.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var topic: String
    public var subject: String?
    public var schemaID: Int
    /// The version under `subject`, when known (not for a schema pinned by id).
    public var schemaVersion: Int?
    /// Whether the key (not the value) was refused.
    public var isKey: Bool
    /// Why, in the codec's terms (type mismatch, missing field, invalid JSON, ...).
    public var reason: AvroDataError.Kind
    /// JSON pointer to the offending value, e.g. `/items/2/price`; empty for the whole message.
    public var path: String
    public var expected: String
    public var actual: String
    /// Whether a copy went to the dead-letter topic.
    public var deadLetter: DeadLetterOutcome = .notConfigured

    public init(topic: String, subject: String?, schemaID: Int, schemaVersion: Int?, isKey: Bool, error: AvroDataError) {
        self.topic = topic
        self.subject = subject
        self.schemaID = schemaID
        self.schemaVersion = schemaVersion
        self.isKey = isKey
        self.reason = error.kind
        self.path = error.path
        self.expected = error.expected
        self.actual = error.actual
    }

    public var description: String {
        let part = isKey ? "key" : "value"
        let version = schemaVersion.map { " version \($0)" } ?? ""
        let subjectText = subject.map { "subject \"\($0)\"\(version), " } ?? ""
        let place = path.isEmpty ? "" : " at \(path)"
        return "invalid \(part) for topic \"\(topic)\" (\(subjectText)schema id \(schemaID))\(place): expected \(expected), got \(actual)"
    }
}
