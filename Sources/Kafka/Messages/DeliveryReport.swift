/// Where the broker stored a produced message, from librdkafka's delivery report.
public struct DeliveryReport: Sendable, Hashable {
    public let topic: String
    public let partition: Int32
    public let offset: Int64
    /// Milliseconds since the epoch, when the broker or client assigned one.
    public let timestamp: Int64?

    public init(topic: String, partition: Int32, offset: Int64, timestamp: Int64?) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.timestamp = timestamp
    }
}
