import Metrics

/// What a `ValidatingProducer` checks messages against and what it does with the ones it refuses.
public struct ValidatingProducerConfiguration: Sendable {
    /// How values find their schema (by default the latest version of `<topic>-value`).
    public var value: SerializerConfiguration
    /// How Avro keys find theirs (by default the latest version of `<topic>-key`). Raw byte keys skip it.
    public var key: SerializerConfiguration
    /// Where refused messages go, with the reason in headers; nil (the default) drops them after throwing.
    public var deadLetterTopic: String?
    /// Prefix of the metric labels, e.g. `validating_producer_sent_total`.
    public var metricsPrefix: String
    /// Where metrics go; nil uses the process-wide `MetricsSystem` (what `MetricsSystem.bootstrap` installed).
    public var metricsFactory: (any MetricsFactory)?

    public init(
        value: SerializerConfiguration = SerializerConfiguration(),
        key: SerializerConfiguration = SerializerConfiguration(),
        deadLetterTopic: String? = nil,
        metricsPrefix: String = "validating_producer",
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.value = value
        self.key = key
        self.deadLetterTopic = deadLetterTopic
        self.metricsPrefix = metricsPrefix
        self.metricsFactory = metricsFactory
    }
}
