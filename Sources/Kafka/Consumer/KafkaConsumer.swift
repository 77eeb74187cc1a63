import CRdKafka
import Synchronization

/// A minimal consumer for reading topics back: explicit partition assignment from a chosen offset, no consumer
/// group and no offset commits (the test broker's group handling is slow and quirky, and reading back needs none).
///
/// `poll` blocks the calling thread for up to its timeout, as librdkafka's consumer poll does; keep timeouts
/// short when calling from async code.
public final class KafkaConsumer: Sendable {
    private let client: NativeClient
    private let closed = Mutex(false)

    /// Defaults that suit assignment without a group: no auto-commit, and a placeholder `group.id` because
    /// librdkafka 2.16's `rd_kafka_assign` refuses to work without one (`_UNKNOWN_GROUP`), although it never joins
    /// the group. Entries in `configuration` win.
    public init(configuration: KafkaConfiguration) throws(KafkaError) {
        var effective = configuration
        for (key, value) in [
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "enable.partition.eof": "false",
            "group.id": "swift-kafka-reader",
        ] where effective[key] == nil {
            effective[key] = value
        }
        let native = try effective.makeNative()
        let client = try NativeClient(kind: RD_KAFKA_CONSUMER, configuration: native, context: nil)
        // Route everything to the consumer queue so that consumer poll also serves errors and logs.
        rd_kafka_poll_set_consumer(client.pointer)
        self.client = client
    }

    /// Replaces the current assignment; an empty list stops fetching.
    public func assign(_ partitions: [TopicPartitionOffset]) throws(KafkaError) {
        try ensureOpen(action: "assign")
        guard let list = rd_kafka_topic_partition_list_new(Int32(clamping: partitions.count)) else {
            throw KafkaError(code: .invalidArgument, message: "assign: could not allocate a partition list")
        }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for entry in partitions {
            guard let element = rd_kafka_topic_partition_list_add(list, entry.topic, entry.partition) else {
                throw KafkaError(
                    code: .invalidArgument,
                    message: "assign: could not add topic \"\(entry.topic)\" partition \(entry.partition)"
                )
            }
            switch entry.offset {
            case .beginning:
                element.pointee.offset = crdkafka_offset_beginning()
            case .end:
                element.pointee.offset = crdkafka_offset_end()
            case .exact(let offset):
                element.pointee.offset = offset
            }
        }
        let result = rd_kafka_assign(client.pointer, list)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(native: result, context: "assign \(partitions.count) partition(s)")
        }
    }

    /// The next record from the assigned partitions, or nil when none arrived within `timeout`.
    /// - Throws: `KafkaError` for a consumer error (e.g. `.unknownTopicOrPartition`, `.transport`); librdkafka
    ///   keeps retrying connections, so polling again after a transport error is fine.
    public func poll(timeout: Duration) throws(KafkaError) -> KafkaMessage? {
        try ensureOpen(action: "poll")
        guard let message = rd_kafka_consumer_poll(client.pointer, timeout.clampedMilliseconds) else {
            return nil
        }
        defer { rd_kafka_message_destroy(message) }
        let topic = NativeMessage.topicName(message)
        let error = message.pointee.err
        if error == RD_KAFKA_RESP_ERR__PARTITION_EOF {
            return nil
        }
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let place = topic.isEmpty ? "consumer" : "topic \"\(topic)\" partition \(message.pointee.partition)"
            throw KafkaError(native: error, context: "poll (\(place))")
        }
        return KafkaMessage(
            topic: topic,
            partition: message.pointee.partition,
            offset: message.pointee.offset,
            key: copyBytes(message.pointee.key, count: message.pointee.key_len),
            value: copyBytes(message.pointee.payload, count: message.pointee.len),
            headers: NativeMessage.headers(message),
            timestamp: NativeMessage.timestamp(message)
        )
    }

    /// The partition ids of `topic`, from the broker's metadata.
    /// - Throws: `.unknownTopicOrPartition` when the broker does not know the topic, `.timedOut` without answer.
    public func partitions(of topic: String, timeout: Duration) throws(KafkaError) -> [Int32] {
        try ensureOpen(action: "metadata")
        guard let handle = rd_kafka_topic_new(client.pointer, topic, nil) else {
            throw KafkaError(native: rd_kafka_last_error(), context: "metadata for topic \"\(topic)\"")
        }
        defer { rd_kafka_topic_destroy(handle) }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let result = rd_kafka_metadata(client.pointer, 0, handle, &metadata, timeout.clampedMilliseconds)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw KafkaError(native: result, context: "metadata for topic \"\(topic)\"")
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
        guard let entry = topics.first(where: { $0.topic.map { String(cString: $0) } == topic }) else {
            throw KafkaError(code: .unknownTopicOrPartition, message: "metadata for topic \"\(topic)\": not listed")
        }
        guard entry.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(native: entry.err, context: "metadata for topic \"\(topic)\"")
        }
        let list = UnsafeBufferPointer(start: entry.partitions, count: Int(entry.partition_cnt))
        return list.map(\.id).sorted()
    }

    /// Stops fetching and leaves; further calls throw `.closed`. Calling it again does nothing.
    public func close() async {
        let wasOpen = closed.withLock { isClosed in
            defer { isClosed = true }
            return !isClosed
        }
        guard wasOpen else {
            return
        }
        let client = self.client
        _ = await runBlocking(name: "kafka-consumer-close") {
            rd_kafka_consumer_close(client.pointer).rawValue
        }
    }

    private func ensureOpen(action: String) throws(KafkaError) {
        if closed.withLock({ $0 }) {
            throw KafkaError(code: .closed, message: "\(action): the consumer is closed")
        }
    }
}
