import Kafka
import Serde

/// What happened to each input record of one `produce` run, for the per-line report and the closing summary.
struct ProduceTally {
    var read = 0
    var blank = 0
    var enqueued = 0
    var rejected = 0
    /// Set when the run stopped early; the records after `read` were not looked at.
    var stopReason: String?

    /// One stderr line per refused record: where (line and JSON pointer), what the schema wanted, what was found.
    mutating func reject(line: Int, _ error: Serde.ValidationError) {
        rejected += 1
        let place = error.path.isEmpty ? "" : " at \(error.path)"
        var text = "line \(line): rejected\(place): expected \(error.expected), got \(error.actual) [\(error.reason.rawValue)]"
        switch error.deadLetter {
        case .notConfigured: break
        case .written(let topic): text += "; copied to dead-letter topic \"\(topic)\""
        case .failed(let topic, let kafka): text += "; NOT copied to dead-letter topic \"\(topic)\": \(kafka)"
        }
        Console.error(text)
    }

    /// A record librdkafka refuses outright, such as one over `message.max.bytes`.
    mutating func reject(line: Int, _ error: KafkaError) {
        rejected += 1
        if error.code == .messageSizeTooLarge {
            Console.error("line \(line): rejected: the encoded message is larger than the producer's message.max.bytes (raise it with -X message.max.bytes=N): \(error)")
        } else {
            Console.error("line \(line): rejected by the producer: \(error)")
        }
    }
}
