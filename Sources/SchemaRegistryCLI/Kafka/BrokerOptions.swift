import ArgumentParser
import Kafka

/// The broker and librdkafka settings shared by `produce` and `consume`.
struct BrokerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Bootstrap broker(s), HOST:PORT, comma-separated.", valueName: "host:port"))
    var broker: String

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the broker: per message when producing, for metadata when consuming.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: [.customShort("X"), .long], help: ArgumentHelp("A librdkafka property (repeatable), e.g. -X linger.ms=20.", valueName: "key=value"))
    var property: [String] = []

    func validate() throws {
        guard !broker.isEmpty, broker.split(separator: ",").allSatisfy({ $0.contains(":") }) else {
            throw ValidationError("--broker must be HOST:PORT (comma-separated for several), got \"\(broker)\"")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        for entry in property where !entry.contains("=") {
            throw ValidationError("-X/--property must be key=value, got \"\(entry)\"")
        }
    }

    var timeoutDuration: Duration { .milliseconds(Int64(timeout * 1000)) }

    /// Settings for the producer: the raw and the validating path use exactly these, so they compare fairly.
    func producerConfiguration() -> KafkaConfiguration {
        var configuration = KafkaConfiguration(bootstrapServers: broker, [
            "message.timeout.ms": String(Int64(timeout * 1000)),
            "linger.ms": "5",
            "log.connection.close": "false",
            // librdkafka logs every failed connection attempt, many a second while a broker is down; the command
            // reports the outcome itself. `-X log_level=6` brings the log back.
            "log_level": "2",
        ])
        applyProperties(to: &configuration)
        return configuration
    }

    func consumerConfiguration() -> KafkaConfiguration {
        var configuration = KafkaConfiguration(bootstrapServers: broker, ["log.connection.close": "false", "log_level": "2"])
        applyProperties(to: &configuration)
        return configuration
    }

    private func applyProperties(to configuration: inout KafkaConfiguration) {
        for entry in property {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            configuration[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
    }
}
