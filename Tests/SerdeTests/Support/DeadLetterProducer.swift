import Kafka
import MetricsTestKit
import RegistryClient
import Serde

/// A validating producer over `client` that writes refusals to `deadLetters` and records its metrics where the
/// test can read them.
func makeDeadLetterProducer(
    broker: TestBroker, client: CachingRegistryClient, deadLetters: String
) throws -> (kafka: KafkaProducer, metrics: TestMetrics, producer: ValidatingProducer) {
    let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
    let metrics = TestMetrics()
    let producer = ValidatingProducer(
        producer: kafka, registry: client,
        configuration: ValidatingProducerConfiguration(deadLetterTopic: deadLetters, metricsFactory: metrics)
    )
    return (kafka, metrics, producer)
}
