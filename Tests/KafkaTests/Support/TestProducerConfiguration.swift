import Kafka

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
