import Kafka
import RegistryCore
import Serde

/// Plain-language text for the failures `produce` and `consume` can meet, naming the broker or registry involved
/// and what to check, instead of a bare librdkafka or registry code.
enum FailureText {
    static func registry(_ error: RegistryError, subject: String, source: String) -> String {
        switch error {
        case .subjectNotFound, .versionNotFound:
            return "subject \"\(subject)\" has no schema in the \(source) (register one first, or name another with --subject)"
        case .subjectSoftDeleted:
            return "subject \"\(subject)\" was deleted in the \(source)"
        case .unreachable(let detail):
            return "cannot reach the \(source): \(detail)"
        default:
            return "the \(source) refused subject \"\(subject)\": error \(error.errorCode): \(error.message)"
        }
    }

    static func serde(_ error: SerdeError, source: String) -> String {
        if case .registry(.unreachable(let detail), let context) = error {
            return "cannot reach the \(source) (\(context)): \(detail)"
        }
        return "\(error) (\(source))"
    }

    /// Delivery failures: a timeout almost always means the broker is down or unreachable.
    static func delivery(_ error: KafkaError, broker: String, timeout: Double) -> String {
        switch error.code {
        case .messageTimedOut, .transport, .allBrokersDown:
            return "broker \(broker) did not answer within \(formatSeconds(timeout)) s (is it running and reachable?): \(error)"
        default:
            return "\(error) (broker \(broker))"
        }
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
