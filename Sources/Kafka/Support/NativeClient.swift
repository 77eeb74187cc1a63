import CRdKafka

/// Owns one `rd_kafka_t` and destroys it exactly once, when the last Swift reference goes away.
///
/// `@unchecked Sendable` because librdkafka documents its handle as thread-safe for the calls this module makes
/// (produce, poll, flush, purge, metadata, consumer poll/assign). `context` keeps alive whatever the C callbacks
/// reach through the configuration opaque, for as long as librdkafka may call them.
final class NativeClient: @unchecked Sendable {
    let pointer: OpaquePointer
    private let context: (any Sendable & AnyObject)?

    /// Takes ownership of `configuration` whether or not creation succeeds.
    init(
        kind: rd_kafka_type_t, configuration: OpaquePointer, context: (any Sendable & AnyObject)?
    ) throws(KafkaError) {
        var buffer = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(kind, configuration, &buffer, buffer.count) else {
            // rd_kafka_new only takes the configuration over when it succeeds.
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(code: .invalidArgument, message: "could not create the Kafka client: \(errorText(buffer))")
        }
        self.pointer = handle
        self.context = context
    }

    deinit {
        rd_kafka_destroy(pointer)
    }
}
