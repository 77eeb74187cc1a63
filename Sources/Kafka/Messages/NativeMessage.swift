import CRdKafka

/// Reading the parts of an `rd_kafka_message_t` that both delivery reports and consumed records need.
enum NativeMessage {
    static func topicName(_ message: UnsafePointer<rd_kafka_message_t>) -> String {
        guard let topic = message.pointee.rkt, let name = rd_kafka_topic_name(topic) else {
            return ""
        }
        return String(cString: name)
    }

    static func timestamp(_ message: UnsafePointer<rd_kafka_message_t>) -> Int64? {
        var kind = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let value = rd_kafka_message_timestamp(message, &kind)
        return kind == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE || value < 0 ? nil : value
    }

    static func headers(_ message: UnsafePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var headers: OpaquePointer?
        guard rd_kafka_message_headers(message, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR, let headers else {
            return []
        }
        var result: [KafkaHeader] = []
        var index = 0
        while true {
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            guard rd_kafka_header_get_all(headers, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR else {
                break
            }
            let key = name.map { String(cString: $0) } ?? ""
            result.append(KafkaHeader(key: key, value: copyBytes(value, count: size)))
            index += 1
        }
        return result
    }

    /// Builds librdkafka's header list; nil for none, so librdkafka skips the allocation.
    static func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
        guard !headers.isEmpty, let list = rd_kafka_headers_new(headers.count) else {
            return nil
        }
        for header in headers {
            withOptionalBytes(header.value) { pointer, count in
                _ = rd_kafka_header_add(list, header.key, -1, pointer, count)
            }
        }
        return list
    }
}
