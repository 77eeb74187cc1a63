import CRdKafka

/// librdkafka configuration properties (https-style names such as `bootstrap.servers`, `message.max.bytes`).
///
/// Kept as plain strings because librdkafka validates them itself and knows hundreds; a refused key or value
/// surfaces as a `KafkaError` naming the key when the client is created.
public struct KafkaConfiguration: Sendable, Hashable {
    public var properties: [String: String]

    public init(_ properties: [String: String] = [:]) {
        self.properties = properties
    }

    public init(bootstrapServers: String, _ properties: [String: String] = [:]) {
        self.properties = properties
        self.properties["bootstrap.servers"] = bootstrapServers
    }

    public subscript(key: String) -> String? {
        get { properties[key] }
        set { properties[key] = newValue }
    }

    /// Builds a native `rd_kafka_conf_t`; the caller owns it until `rd_kafka_new` succeeds.
    func makeNative() throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(code: .invalidArgument, message: "librdkafka could not allocate a configuration")
        }
        // Sorted so that the first refused key reported is the same from run to run.
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            var buffer = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(conf, key, value, &buffer, buffer.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(
                    code: .invalidArgument, message: "configuration property \"\(key)\": \(errorText(buffer))"
                )
            }
        }
        return conf
    }
}
