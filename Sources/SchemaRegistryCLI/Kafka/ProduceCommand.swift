import ArgumentParser
import Kafka
import RegistryCore
import Serde

/// `schema-registry produce`: JSON lines to a topic through the validating producer. Every line is checked
/// against the subject's schema and encoded in Confluent's wire format before librdkafka sees it; a line that
/// does not fit is reported with its line number and JSON pointer and is not sent.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Validate JSON lines against a subject's schema and produce the valid ones to a topic.",
        discussion: """
        Reads FILE (or stdin) as one JSON value per line, validates each against the latest version of the \
        subject (<topic>-value unless --subject is given) and produces it in Confluent's wire format: Avro-encoded \
        for an Avro subject (the lines in Avro's plain JSON form), as is for a JSON Schema subject. Rejected lines are listed on stderr with their line number and the JSON pointer of the \
        offending value, followed by a summary.

        Exit status: 0 when every line was delivered; 1 when lines were rejected (0 with --skip-invalid); 2 when \
        the run could not complete (registry or broker unreachable, unknown subject, failed deliveries, \
        interrupted). On Ctrl-C (SIGINT) or SIGTERM, reading stops, what was sent is still delivered and the \
        summary says where the run stopped; a second signal ends the process at once.
        """
    )

    @OptionGroup var brokerOptions: BrokerOptions
    @OptionGroup var registryOptions: RegistrySourceOptions

    @Option(name: .long, help: "Topic to produce to.")
    var topic: String

    @Option(name: .long, help: "Subject whose latest schema the values must fit (default: <topic>-value).")
    var subject: String?

    @Flag(name: .long, help: "Exit 0 even if some lines were rejected (they are still reported).")
    var skipInvalid = false

    @Option(name: .long, help: ArgumentHelp("Also write rejected lines to this topic, with the reason in headers.", valueName: "topic"))
    var deadLetterTopic: String?

    @Flag(name: .long, help: "Report progress on stderr even when it is not a terminal.")
    var progress = false

    /// Benchmark baseline: FILE holds already framed messages (4-byte big-endian length + bytes) that go to
    /// librdkafka as they are, through the same producer settings and loop, with no registry and no validation.
    @Flag(name: .long, help: .hidden)
    var rawFramed = false

    @Argument(help: "JSON lines to produce; stdin when absent or \"-\".")
    var file: String?

    func validate() throws {
        guard !topic.isEmpty else { throw ArgumentParser.ValidationError("--topic must name a topic") }
        if rawFramed {
            guard registryOptions.registry == nil, registryOptions.db == nil else {
                throw ArgumentParser.ValidationError("--raw-framed sends bytes as they are; it takes no --registry or --db")
            }
        } else {
            try registryOptions.requireOne()
        }
    }

    func run() async throws {
        let outcome: ProduceOutcome
        do {
            outcome = rawFramed ? try await produceRaw() : try await produceValidated()
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        if outcome.failed { throw ExitCode(2) }
        if outcome.tally.rejected > 0 && !skipInvalid { throw ExitCode(1) }
    }

    // MARK: Validated

    private func produceValidated() async throws(CLIFailure) -> ProduceOutcome {
        let registry = try registryOptions.open()
        let subjectName = subject ?? "\(topic)-value"
        let schema: SubjectVersion
        do {
            schema = try await registry.service.version(subject: subjectName, .latest, includeDeleted: false)
        } catch {
            await registry.close()
            throw CLIFailure(FailureText.registry(error, subject: subjectName, source: registry.description))
        }
        let interruption = Interruption()
        let reader: LineReader
        let kafka: KafkaProducer
        do throws(CLIFailure) {
            reader = try LineReader(path: file, shouldStop: { interruption.signalNumber != nil })
            kafka = try makeProducer()
        } catch {
            await registry.close()
            throw error
        }
        // Pinned to the version just read, so every line of this run is judged by the same schema.
        let producer = ValidatingProducer(
            producer: kafka,
            registry: registry.service,
            configuration: ValidatingProducerConfiguration(
                value: SerializerConfiguration(schemaID: schema.id), deadLetterTopic: deadLetterTopic
            )
        )
        let target = "topic \"\(topic)\" (subject \"\(subjectName)\" version \(schema.version), schema id \(schema.id))"

        // Read once: an `@Option` property goes through ArgumentParser's storage on every access.
        let topic = self.topic
        var tally = ProduceTally()
        var meter = Progress(verb: "read", forced: progress)
        // Everything per topic is resolved once; each line then costs a synchronous validate, encode and
        // hand-over, with a suspension only when librdkafka's queue is full.
        var writer: TopicWriter
        do {
            writer = try await producer.writer(topic: topic)
        } catch {
            await kafka.close(timeout: .seconds(1))
            await registry.close()
            switch error {
            case let error as SerdeError: throw CLIFailure(FailureText.serde(error, source: registry.description))
            case let error as KafkaError: throw CLIFailure("cannot produce to topic \"\(topic)\": \(error)")
            default: throw CLIFailure("\(error)")
            }
        }
        do {
            while let line = try reader.next() {
                if interruption.signalNumber != nil {
                    tally.stopReason = "interrupted by \(interruption.name) before line \(reader.lineNumber)"
                    break
                }
                tally.read += 1
                meter.update(tally.read)
                if line.isBlank {
                    tally.blank += 1
                    continue
                }
                do {
                    if try !writer.tryEnqueue(json: line) {
                        try await writer.enqueue(json: line)
                    }
                    tally.enqueued += 1
                } catch let error as Serde.ValidationError {
                    tally.reject(line: reader.lineNumber, error)
                } catch let error as KafkaError where error.code == .messageSizeTooLarge {
                    tally.reject(line: reader.lineNumber, error)
                } catch let error as KafkaError {
                    tally.stopReason = "line \(reader.lineNumber): \(FailureText.delivery(error, broker: brokerOptions.broker, timeout: brokerOptions.timeout))"
                    break
                } catch let error as SerdeError {
                    tally.stopReason = "line \(reader.lineNumber): \(FailureText.serde(error, source: registry.description))"
                    break
                } catch {
                    tally.stopReason = "line \(reader.lineNumber): \(error)"
                    break
                }
                if tally.enqueued & 1023 == 0, let failure = deliveryFailure(kafka) {
                    tally.stopReason = "stopped reading at line \(reader.lineNumber): \(failure)"
                    break
                }
            }
        } catch {
            tally.stopReason = error.description
        }
        if tally.stopReason == nil, interruption.signalNumber != nil {
            tally.stopReason = "interrupted by \(interruption.name) after line \(tally.read)"
        }
        meter.finish(tally.read)
        let outcome = await finish(kafka, tally: tally, target: target, unit: "lines")
        await registry.close()
        return outcome
    }

    // MARK: Raw

    private func produceRaw() async throws(CLIFailure) -> ProduceOutcome {
        guard let file else { throw CLIFailure("--raw-framed needs a FILE of framed records") }
        let reader = try FrameReader(path: file)
        let kafka = try makeProducer()
        // The same hand-over as the validated path (a topic handle, synchronous until the queue is full), so
        // the two differ only by the validation and encoding.
        let kafkaTopic: KafkaTopic
        do {
            kafkaTopic = try kafka.topic(topic)
        } catch {
            await kafka.close(timeout: .seconds(1))
            throw CLIFailure("cannot produce to topic \"\(topic)\": \(error)")
        }
        let topic = self.topic
        let interruption = Interruption()
        var tally = ProduceTally()
        var meter = Progress(verb: "read", forced: progress)
        do {
            while let record = try reader.next() {
                if interruption.signalNumber != nil {
                    tally.stopReason = "interrupted by \(interruption.name) before record \(reader.recordNumber)"
                    break
                }
                tally.read += 1
                meter.update(tally.read)
                do throws(KafkaError) {
                    if try !kafkaTopic.tryEnqueue(value: UnsafeRawBufferPointer(record)) {
                        try await kafkaTopic.enqueue(value: Array(record))
                    }
                    tally.enqueued += 1
                } catch where error.code == .messageSizeTooLarge {
                    tally.reject(line: reader.recordNumber, error)
                } catch {
                    tally.stopReason = "record \(reader.recordNumber): \(error)"
                    break
                }
                if tally.enqueued & 1023 == 0, let failure = deliveryFailure(kafka) {
                    tally.stopReason = "stopped reading at record \(reader.recordNumber): \(failure)"
                    break
                }
            }
        } catch {
            tally.stopReason = error.description
        }
        meter.finish(tally.read)
        return await finish(kafka, tally: tally, target: "topic \"\(topic)\" (raw framed records)", unit: "records")
    }

    // MARK: Shared

    private func makeProducer() throws(CLIFailure) -> KafkaProducer {
        do {
            return try KafkaProducer(configuration: brokerOptions.producerConfiguration())
        } catch {
            throw CLIFailure("cannot create the Kafka producer: \(error)")
        }
    }

    /// A failed delivery stops the run: the broker is refusing or unreachable, and going on would only queue
    /// more records to fail the same way.
    private func deliveryFailure(_ kafka: KafkaProducer) -> String? {
        let statistics = kafka.statistics
        guard statistics.failed > 0 else { return nil }
        let reason = statistics.lastFailure.map { FailureText.delivery($0, broker: brokerOptions.broker, timeout: brokerOptions.timeout) } ?? "unknown error"
        return "\(statistics.failed) message(s) failed delivery: \(reason)"
    }

    /// Waits for every queued record, then prints the summary. Nothing enqueued goes unaccounted: delivered and
    /// failed come from librdkafka's delivery reports, and records still queued at the end are counted as failed.
    private func finish(_ kafka: KafkaProducer, tally: ProduceTally, target: String, unit: String) async -> ProduceOutcome {
        var flushProblem: String?
        do {
            try await kafka.flush(timeout: brokerOptions.timeoutDuration + .seconds(5))
        } catch {
            flushProblem = FailureText.delivery(error, broker: brokerOptions.broker, timeout: brokerOptions.timeout)
        }
        let unsettled = kafka.outstandingCount
        await kafka.close(timeout: .seconds(1))
        let statistics = kafka.statistics

        if let stop = tally.stopReason { Console.error("error: \(stop)") }
        if statistics.failed > 0, tally.stopReason == nil {
            let reason = statistics.lastFailure.map { FailureText.delivery($0, broker: brokerOptions.broker, timeout: brokerOptions.timeout) } ?? "unknown error"
            Console.error("error: \(statistics.failed) message(s) failed delivery: \(reason)")
        }
        if let flushProblem { Console.error("error: \(unsettled) message(s) unsettled at the end: \(flushProblem)") }

        var summary = "produce: \(tally.read) \(unit) read from \(target): \(tally.enqueued) sent, \(tally.rejected) rejected"
        if tally.blank > 0 { summary += ", \(tally.blank) blank skipped" }
        summary += "; broker acknowledged \(statistics.delivered), failed \(statistics.failed)"
        if tally.stopReason != nil { summary += "; input after \(unit == "lines" ? "line" : "record") \(tally.read) not read" }
        Console.error(summary)

        let failed = tally.stopReason != nil || statistics.failed > 0 || flushProblem != nil
        return ProduceOutcome(tally: tally, failed: failed)
    }
}

struct ProduceOutcome {
    let tally: ProduceTally
    /// Something other than rejected records went wrong: unreachable registry or broker, failed deliveries.
    let failed: Bool
}
