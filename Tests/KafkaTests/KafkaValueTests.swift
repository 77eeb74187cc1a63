import Testing

@testable import Kafka

@Suite("Kafka value types")
struct KafkaValueTests {
    @Test("Timeouts convert to librdkafka milliseconds without overflow or negatives")
    func timeoutConversion() {
        #expect(Duration.milliseconds(1500).clampedMilliseconds == 1500)
        #expect(Duration.microseconds(999).clampedMilliseconds == 0)
        #expect(Duration.seconds(-3).clampedMilliseconds == 0)
        #expect(Duration.seconds(Int64(Int32.max)).clampedMilliseconds == Int32.max)
        #expect(Duration.seconds(Int64.max).clampedMilliseconds == Int32.max)
    }

    @Test("Errors carry librdkafka's symbolic name and print code, name and context")
    func errorDescription() {
        let error = KafkaError(code: .messageSizeTooLarge, message: "produce to topic \"t\", value of 5000 bytes")
        #expect(error.name == "MSG_SIZE_TOO_LARGE")
        #expect(error.description == "MSG_SIZE_TOO_LARGE (10): produce to topic \"t\", value of 5000 bytes")
        #expect(KafkaError(code: .queueFull, message: "").name == "_QUEUE_FULL")
    }

    @Test("Configuration collects properties from the initialiser and the subscript")
    func configurationMerging() {
        var configuration = KafkaConfiguration(bootstrapServers: "127.0.0.1:1", ["linger.ms": "5"])
        configuration["acks"] = "all"
        #expect(configuration.properties == ["bootstrap.servers": "127.0.0.1:1", "linger.ms": "5", "acks": "all"])
    }
}
