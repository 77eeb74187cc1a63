/// Outcomes of every message this producer handed to librdkafka, awaited or fire-and-forget, so that the
/// failures of fire-and-forget messages remain visible.
public struct DeliveryStatistics: Sendable, Hashable {
    public let delivered: Int
    public let failed: Int
    public let lastFailure: KafkaError?

    public init(delivered: Int, failed: Int, lastFailure: KafkaError?) {
        self.delivered = delivered
        self.failed = failed
        self.lastFailure = lastFailure
    }
}
