/// A position to start reading from, for `KafkaConsumer.assign`.
public struct TopicPartitionOffset: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: KafkaOffset

    public init(topic: String, partition: Int32, offset: KafkaOffset) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}

/// An absolute offset or one of the logical ones librdkafka resolves against the broker.
public enum KafkaOffset: Sendable, Hashable {
    case beginning
    case end
    case exact(Int64)
}
