import Foundation
import Kafka

/// Reads every partition of `topic` from offset 0 until `expected` records arrived or the attempts run out,
/// the way the broker guide recommends (assignment, not a consumer group).
func readBack(topic: String, from broker: TestBroker, expected: Int) async throws -> [KafkaMessage] {
    let consumer = try KafkaConsumer(configuration: KafkaConfiguration(bootstrapServers: broker.bootstrapServers))
    let partitions = try consumer.partitions(of: topic, timeout: .seconds(10))
    try consumer.assign(partitions.map { TopicPartitionOffset(topic: topic, partition: $0, offset: .beginning) })
    var messages: [KafkaMessage] = []
    var idlePolls = 0
    // Bounded: stops after 100 consecutive empty polls (about 20 s) rather than waiting forever for a lost record.
    while messages.count < expected && idlePolls < 100 {
        if let message = try consumer.poll(timeout: .milliseconds(200)) {
            messages.append(message)
            idlePolls = 0
        } else {
            idlePolls += 1
        }
    }
    await consumer.close()
    return messages
}

/// Settings shared by test producers: short timeouts so error paths settle quickly, quiet logs.
func testProducerConfiguration(_ bootstrapServers: String, _ extra: [String: String] = [:]) -> KafkaConfiguration {
    var configuration = KafkaConfiguration(bootstrapServers: bootstrapServers, [
        "message.timeout.ms": "10000",
        "log.connection.close": "false",
    ])
    for (key, value) in extra {
        configuration[key] = value
    }
    return configuration
}

func uniqueTopic(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}
