import ArgumentParser
import Kafka
import Serde

/// `schema-registry consume`: a topic's Confluent-framed records back to JSON lines on stdout, each decoded with
/// the writer schema its header names. Records that do not decode are reported on stderr with their partition
/// and offset and skipped.
struct ConsumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consume",
        abstract: "Decode a topic's records (Confluent wire format) to JSON lines on stdout.",
        discussion: """
        Reads every partition of the topic by assignment (no consumer group, no committed offsets): from the \
        start with --from-beginning, otherwise only records produced from now on. Stops after --max records, \
        after --idle-timeout seconds without a record, or on Ctrl-C.

        Exit status: 0; 1 when some records could not be decoded (they are reported); 2 when the broker or \
        registry could not be used.
        """
    )

    @OptionGroup var brokerOptions: BrokerOptions
    @OptionGroup var registryOptions: RegistrySourceOptions

    @Option(name: .long, help: "Topic to read.")
    var topic: String

    @Flag(name: .long, help: "Start at the first record of each partition instead of the end.")
    var fromBeginning = false

    @Option(name: .long, help: ArgumentHelp("Stop after this many records.", valueName: "n"))
    var max: Int?

    @Option(name: .long, help: ArgumentHelp("Stop after this many seconds without a new record.", valueName: "seconds"))
    var idleTimeout: Double?

    @Flag(name: .long, help: "Report progress on stderr even when it is not a terminal.")
    var progress = false

    func validate() throws {
        guard !topic.isEmpty else { throw ArgumentParser.ValidationError("--topic must name a topic") }
        try registryOptions.requireOne()
        if let max, max < 1 { throw ArgumentParser.ValidationError("--max must be at least 1") }
        if let idleTimeout, idleTimeout <= 0 { throw ArgumentParser.ValidationError("--idle-timeout must be positive") }
    }

    func run() async throws {
        let result: (printed: Int, undecodable: Int)
        do {
            result = try await consume()
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        Console.error("consume: \(result.printed) record(s) from topic \"\(topic)\", \(result.undecodable) undecodable")
        if result.undecodable > 0 { throw ExitCode(1) }
    }

    private func consume() async throws(CLIFailure) -> (printed: Int, undecodable: Int) {
        let registry = try registryOptions.open()
        do {
            let result = try await consume(registry: registry)
            await registry.close()
            return result
        } catch {
            await registry.close()
            throw error
        }
    }

    private func consume(registry: OpenRegistry) async throws(CLIFailure) -> (printed: Int, undecodable: Int) {
        // Serde's decoder picks Avro or JSON Schema by the writer schema's type, so both kinds of topic print.
        let decoder: MessageDecoder
        do {
            decoder = try MessageDecoder(registry: registry.service)
        } catch {
            throw CLIFailure("cannot set up the decoder: \(error)")
        }
        let consumer: KafkaConsumer
        do {
            consumer = try KafkaConsumer(configuration: brokerOptions.consumerConfiguration())
            let partitions = try consumer.partitions(of: topic, timeout: brokerOptions.timeoutDuration)
            let start: KafkaOffset = fromBeginning ? .beginning : .end
            try consumer.assign(partitions.map { TopicPartitionOffset(topic: topic, partition: $0, offset: start) })
        } catch {
            throw CLIFailure("cannot read topic \"\(topic)\": \(FailureText.delivery(error, broker: brokerOptions.broker, timeout: brokerOptions.timeout))")
        }

        var output = OutputBuffer()
        var meter = Progress(verb: "consumed", forced: progress)
        var printed = 0
        var undecodable = 0
        var seen = 0
        var lastRecord = ContinuousClock.now
        let idleLimit = idleTimeout.map { Duration.milliseconds(Int64($0 * 1000)) }
        var failure: CLIFailure?

        while max.map({ seen < $0 }) ?? true {
            let message: KafkaMessage?
            do {
                message = try consumer.poll(timeout: .milliseconds(100))
            } catch {
                // librdkafka keeps retrying connections; a transport error is worth a line, not an exit.
                if error.code == .transport || error.code == .allBrokersDown {
                    Console.error("warning: \(error)")
                    continue
                }
                failure = CLIFailure("reading topic \"\(topic)\": \(error)")
                break
            }
            guard let message else {
                output.flush()
                if let idleLimit, ContinuousClock.now - lastRecord >= idleLimit { break }
                continue
            }
            lastRecord = ContinuousClock.now
            seen += 1
            meter.update(seen)
            let place = "partition \(message.partition) offset \(message.offset)"
            guard let value = message.value else {
                Console.error("\(place): no value (a tombstone); skipped")
                continue
            }
            do {
                output.line(try await decoder.decodeToJSON(value).json)
                printed += 1
            } catch {
                undecodable += 1
                Console.error("\(place): cannot decode: \(error)")
                if case .registry(.unreachable, _) = error {
                    failure = CLIFailure("\(place): \(FailureText.serde(error, source: registry.description))")
                    break
                }
            }
        }
        output.flush()
        meter.finish(seen)
        await consumer.close()
        if let failure { throw failure }
        return (printed, undecodable)
    }
}
