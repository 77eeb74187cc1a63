import Kafka

/// What happened to a refused message's copy for the dead-letter topic.
public enum DeadLetterOutcome: Sendable, Equatable {
    /// No dead-letter topic configured.
    case notConfigured
    /// Handed to Kafka for the dead-letter topic.
    case written(topic: String)
    /// The dead-letter write itself failed; the message is in neither topic.
    case failed(topic: String, KafkaError)
}

/// The headers that carry a refusal's reason alongside the original bytes in the dead-letter topic.
enum DeadLetterHeaders {
    static func make(for error: ValidationError, original: [KafkaHeader]) -> [KafkaHeader] {
        var headers = original
        headers.append(KafkaHeader(key: "validation.error.topic", value: error.topic))
        if let subject = error.subject { headers.append(KafkaHeader(key: "validation.error.subject", value: subject)) }
        headers.append(KafkaHeader(key: "validation.error.schema.id", value: String(error.schemaID)))
        if let version = error.schemaVersion {
            headers.append(KafkaHeader(key: "validation.error.schema.version", value: String(version)))
        }
        headers.append(KafkaHeader(key: "validation.error.part", value: error.isKey ? "key" : "value"))
        headers.append(KafkaHeader(key: "validation.error.reason", value: error.reason.rawValue))
        headers.append(KafkaHeader(key: "validation.error.path", value: error.path))
        headers.append(KafkaHeader(key: "validation.error.message", value: error.description))
        return headers
    }
}
