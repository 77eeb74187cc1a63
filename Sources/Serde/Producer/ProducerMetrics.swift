import Metrics
import Synchronization

/// Counters and timers per topic, created once per topic so the hot path does no factory lookup:
/// `<prefix>_sent_total{topic}`, `<prefix>_rejected_total{topic,reason}` and
/// `<prefix>_validation_duration{topic}` (nanoseconds; the backend picks buckets and units).
final class ProducerMetrics: Sendable {
    struct Topic: Sendable {
        let sent: Counter
        let validation: Metrics.Timer
    }

    private let prefix: String
    private let factory: any MetricsFactory
    private let topics = Mutex<[String: Topic]>([:])

    init(prefix: String, factory: (any MetricsFactory)?) {
        self.prefix = prefix
        self.factory = factory ?? MetricsSystem.factory
    }

    func topic(_ name: String) -> Topic {
        if let hit = topics.withLock({ $0[name] }) { return hit }
        let created = Topic(
            sent: Counter(label: "\(prefix)_sent_total", dimensions: [("topic", name)], factory: factory),
            validation: Metrics.Timer(label: "\(prefix)_validation_duration", dimensions: [("topic", name)], factory: factory)
        )
        topics.withLock { $0[name] = created }
        return created
    }

    /// The topic's instruments, or nil when metrics go nowhere (no backend bootstrapped and none given), so
    /// that a hot path can skip the clock reads as well as the calls.
    func recorder(_ name: String) -> Topic? {
        factory is NOOPMetricsHandler ? nil : topic(name)
    }

    /// Refusals are the rare path: the counter is looked up each time.
    func rejected(topic: String, reason: String) {
        Counter(label: "\(prefix)_rejected_total", dimensions: [("topic", topic), ("reason", reason)], factory: factory).increment()
    }
}
