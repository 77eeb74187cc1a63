import CRdKafka

/// A failure reported by librdkafka or by this wrapper, with librdkafka's numeric code and symbolic name kept so
/// callers can branch on the code and operators can search for the name.
public struct KafkaError: Error, Sendable, Hashable, CustomStringConvertible {
    public let code: Code
    /// librdkafka's symbolic name for `code`, e.g. `MSG_SIZE_TOO_LARGE` or `_MSG_TIMED_OUT`.
    public let name: String
    /// What went wrong, naming the topic, partition or configuration key involved when there is one.
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.name = String(cString: rd_kafka_err2name(code.native))
        self.message = message
    }

    public var description: String {
        "\(name) (\(code.rawValue)): \(message)"
    }

    /// Builds the error from a librdkafka result code, with `context` saying what was being attempted.
    init(native: rd_kafka_resp_err_t, context: String) {
        let code = Code(rawValue: native.rawValue)
        let reason = String(cString: rd_kafka_err2str(native))
        self.init(code: code, message: context.isEmpty ? reason : "\(context): \(reason)")
    }
}

extension KafkaError {
    /// librdkafka's `rd_kafka_resp_err_t`: negative values are raised locally by the client, positive ones come
    /// from the broker. Only the codes this layer reasons about have names here; any other value may appear.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public let rawValue: Int32

        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        var native: rd_kafka_resp_err_t {
            rd_kafka_resp_err_t(rawValue: rawValue)
        }

        /// The producer or consumer was closed (or is being destroyed) before the operation finished.
        public static let closed = Code(rawValue: RD_KAFKA_RESP_ERR__DESTROY.rawValue)
        /// A broker connection failed; librdkafka retries on its own.
        public static let transport = Code(rawValue: RD_KAFKA_RESP_ERR__TRANSPORT.rawValue)
        /// No broker could be reached.
        public static let allBrokersDown = Code(rawValue: RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN.rawValue)
        /// The message was not acknowledged within `message.timeout.ms` (typical when the broker is down).
        public static let messageTimedOut = Code(rawValue: RD_KAFKA_RESP_ERR__MSG_TIMED_OUT.rawValue)
        /// The topic exists but has no such partition.
        public static let unknownPartition = Code(rawValue: RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION.rawValue)
        /// The topic does not exist (client side).
        public static let unknownTopic = Code(rawValue: RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC.rawValue)
        /// The broker does not host this topic or partition.
        public static let unknownTopicOrPartition = Code(rawValue: RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART.rawValue)
        /// An argument or configuration value was refused.
        public static let invalidArgument = Code(rawValue: RD_KAFKA_RESP_ERR__INVALID_ARG.rawValue)
        /// A blocking call (flush, metadata, close) ran out of time.
        public static let timedOut = Code(rawValue: RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue)
        /// The local send queue is full (`queue.buffering.max.messages` / `.kbytes`).
        public static let queueFull = Code(rawValue: RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue)
        /// The message was removed from the local queue before it was sent (close without full delivery).
        public static let purgedFromQueue = Code(rawValue: RD_KAFKA_RESP_ERR__PURGE_QUEUE.rawValue)
        /// The message was removed while a request carrying it was in flight; it may or may not have been written.
        public static let purgedInFlight = Code(rawValue: RD_KAFKA_RESP_ERR__PURGE_INFLIGHT.rawValue)
        /// librdkafka hit an unrecoverable error; the client must be recreated.
        public static let fatal = Code(rawValue: RD_KAFKA_RESP_ERR__FATAL.rawValue)
        /// The message is larger than `message.max.bytes` (client) or the broker's limit.
        public static let messageSizeTooLarge = Code(rawValue: RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE.rawValue)
    }
}
