/// How a topic's messages map to a registry subject, as Confluent's `key/value.subject.name.strategy`.
public enum SubjectNameStrategy: Sendable, Hashable {
    /// `<topic>-key` / `<topic>-value`: one schema (lineage) per topic. Confluent's default.
    case topicName
    /// The record's full name: one schema per record type, shared by every topic that carries it.
    case recordName
    /// `<topic>-<record full name>`: several record types per topic, each with its own lineage.
    case topicRecordName

    /// - Parameter recordName: The full name of the schema's record; required by the record strategies.
    public func subject(topic: String, isKey: Bool, recordName: String?) throws(SerdeError) -> String {
        switch self {
        case .topicName:
            return topic + (isKey ? "-key" : "-value")
        case .recordName:
            guard let recordName else { throw .subjectUndetermined(Self.needsName("RecordNameStrategy", topic)) }
            return recordName
        case .topicRecordName:
            guard let recordName else { throw .subjectUndetermined(Self.needsName("TopicRecordNameStrategy", topic)) }
            return topic + "-" + recordName
        }
    }

    /// Whether the subject depends on the schema (and so needs one before the registry can be asked).
    public var needsRecordName: Bool { self != .topicName }

    private static func needsName(_ strategy: String, _ topic: String) -> String {
        "\(strategy) for topic \"\(topic)\" needs a named (record) schema: configure one, or pin a schema id"
    }
}
