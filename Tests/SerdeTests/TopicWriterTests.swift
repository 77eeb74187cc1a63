import Avro
import Foundation
import Kafka
import MetricsTestKit
import RegistryCore
import Serde
import Testing

/// `ValidatingProducer.writer(topic:)` end to end: registry server over SQLite through the HTTP client, a tansu
/// broker, records read back with `KafkaConsumer`. The writer must judge, frame, dead-letter and count exactly
/// as the producer's `enqueue` does.
@Suite("Topic writer against a real registry and broker", .enabled(if: TestBroker.shouldRun))
struct TopicWriterTests {
    @Test func avroSubjectValidMessagesArriveByteExactAndInvalidOnesOnlyInTheDeadLetterTopic() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("writer")
            let deadLetters = uniqueTopic("writer-dlq")
            let registered = try await registry.register(subject: "\(topic)-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let (kafka, metrics, producer) = try makeDeadLetterProducer(broker: broker, client: client, deadLetters: deadLetters)
            var writer = try await producer.writer(topic: topic)
            #expect(writer.topic == topic)
            #expect(writer.schemaType == .avro)
            #expect(writer.schemaID == registered.id)
            #expect(writer.subject == "\(topic)-value")
            #expect(writer.schemaVersion == 1)

            let count = 60
            var rejected: [ValidationError] = []
            for n in 0..<count {
                let key = Array("k\(n)".utf8)
                // Three ways in: the synchronous one (falling back when it must wait), JSON text, a Swift value.
                switch n % 3 {
                case 0:
                    let json = Array(TestSchemas.orderJSON(n).utf8)
                    let sent = try json.withUnsafeBufferPointer { line in
                        try key.withUnsafeBytes { keyBytes in try writer.tryEnqueue(json: line, key: keyBytes) }
                    }
                    if !sent { try await writer.enqueue(json: json, key: key) }
                case 1:
                    try await writer.enqueue(json: TestSchemas.orderJSON(n), key: key)
                default:
                    try await writer.enqueue(value: try AvroCodec(AvroSchemaParser.parse(TestSchemas.order)).decode(
                        AvroCodec(AvroSchemaParser.parse(TestSchemas.order)).encode(json: TestSchemas.orderJSON(n))), key: key)
                }
                if n % 12 == 0 {
                    let bad = ValidatingProducerTests.invalid[(n / 12) % ValidatingProducerTests.invalid.count]
                    let badKey = Array("bad\(n)".utf8)
                    let error: ValidationError? = if n % 24 == 0 {
                        #expect(throws: ValidationError.self) {
                            try Array(bad.json.utf8).withUnsafeBufferPointer { line in
                                try badKey.withUnsafeBytes { try writer.tryEnqueue(json: line, key: $0) }
                            }
                        }
                    } else {
                        await #expect(throws: ValidationError.self) {
                            try await writer.enqueue(json: bad.json, key: badKey)
                        }
                    }
                    #expect(error?.path == bad.path, "\(bad.json): \(String(describing: error))")
                    #expect(error?.topic == topic)
                    #expect(error?.schemaID == registered.id)
                    #expect(error?.schemaVersion == 1)
                    #expect(error?.deadLetter == .written(topic: deadLetters))
                    if let error { rejected.append(error) }
                }
            }
            try await producer.flush(timeout: .seconds(20))
            #expect(kafka.statistics.delivered == count + rejected.count)
            await kafka.close()
            #expect(try metrics.expectCounter("validating_producer_sent_total", [("topic", topic)]).totalValue == Int64(count))
            let refusals = try metrics.expectCounter("validating_producer_rejected_total", [("topic", topic), ("reason", rejected[0].reason.rawValue)])
            #expect(refusals.totalValue == Int64(rejected.filter { $0.reason == rejected[0].reason }.count))
            #expect(try metrics.expectTimer("validating_producer_validation_duration", [("topic", topic)]).values.count == count + rejected.count)

            let codec = try AvroCodec(AvroSchemaParser.parse(TestSchemas.order))
            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            var seen = Set<Int>()
            for message in messages {
                let key = String(decoding: message.key ?? [], as: UTF8.self)
                guard key.hasPrefix("k"), let n = Int(key.dropFirst()) else {
                    Issue.record("unexpected record \(key) in the topic")
                    continue
                }
                #expect(message.value == ConfluentFraming.frame(schemaID: Int32(registered.id), payload: try codec.encode(json: TestSchemas.orderJSON(n))))
                seen.insert(n)
            }
            #expect(seen == Set(0..<count))
            let letters = try await broker.readAll(topic: deadLetters, expected: rejected.count)
            #expect(Set(letters.compactMap(\.value)) == Set(rejected.indices.map { Array(ValidatingProducerTests.invalid[$0 % ValidatingProducerTests.invalid.count].json.utf8) }))
            #expect(letters.allSatisfy { $0.headers.contains { $0.key == "validation.error.reason" } })
            print("topic writer (Avro): \(seen.count)/\(count) read back byte-exact, \(letters.count)/\(rejected.count) refusals in the dead-letter topic")
        }
    }

    @Test func jsonSchemaSubjectIsValidatedAndWrittenAsIs() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("writer-json")
            let registered = try await registry.register(subject: "\(topic)-value", JSONTestSchemas.submission(), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)
            var writer = try await producer.writer(topic: topic)
            #expect(writer.schemaType == .json)
            #expect(writer.schemaID == registered.id)

            let count = 20
            for n in 0..<count {
                let json = Array(TestSchemas.orderJSON(n).utf8)
                let sent = try json.withUnsafeBufferPointer { try writer.tryEnqueue(json: $0) }
                if !sent { try await writer.enqueue(json: json) }
            }
            for bad in JSONTestSchemas.invalid {
                let error = #expect(throws: ValidationError.self) {
                    try Array(bad.json.utf8).withUnsafeBufferPointer { try writer.tryEnqueue(json: $0) }
                }
                #expect(error?.path == bad.path, "\(bad.json): \(String(describing: error))")
                #expect(error?.reason.rawValue == bad.reason)
            }
            // A Swift value has no meaning for a JSON Schema subject.
            let unsupported = #expect(throws: SerdeError.self) {
                try writer.tryEnqueue(value: .long(1))
            }
            #expect(unsupported == .unsupportedSchemaType(.json, schemaID: registered.id))
            try await producer.flush(timeout: .seconds(20))
            await kafka.close()

            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            let expected = Set((0..<count).map { ConfluentFraming.frame(schemaID: Int32(registered.id), payload: Array(TestSchemas.orderJSON($0).utf8)) })
            #expect(Set(messages.compactMap(\.value)) == expected)
            print("topic writer (JSON Schema): \(messages.count)/\(count) framed as is, \(JSONTestSchemas.invalid.count) invalid refused")
        }
    }

    @Test func batchesEncodedOnTwoTasksAreHandedOverInInputOrder() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("writer-batch")
            let registered = try await registry.register(subject: "\(topic)-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            // A 30-message queue so that the hand-over meets a full queue; one key, so one partition.
            var configuration = broker.producerConfiguration()
            configuration["queue.buffering.max.messages"] = "30"
            let kafka = try KafkaProducer(configuration: configuration)
            let producer = ValidatingProducer(producer: kafka, registry: client)
            var writer = try await producer.writer(topic: topic)
            // Every 7th input is invalid; the rest must arrive in input order.
            let inputs: [String] = (0..<400).map { n in
                n % 7 == 3 ? ValidatingProducerTests.invalid[n % ValidatingProducerTests.invalid.count].json : TestSchemas.orderJSON(n)
            }
            let halves = [Array(inputs[..<200]), Array(inputs[200...])]
            let helper = writer
            async let firstBatch = Self.encodeAll(halves[0], with: helper)
            var secondBatch = EncodedBatch()
            for json in halves[1] {
                Array(json.utf8).withUnsafeBufferPointer { writer.encode(json: $0, into: &secondBatch) }
            }
            var batches = [await firstBatch, secondBatch]
            #expect(batches.map(\.count) == [200, 200])

            var refusedAt: [Int] = []
            var waits = 0
            let key = Array("same".utf8)
            for index in batches.indices {
                while !batches[index].isFinished {
                    let input = index * 200 + batches[index].position
                    do {
                        let sent = try key.withUnsafeBytes { try writer.tryEnqueue(from: &batches[index], key: $0) }
                        if !sent {
                            waits += 1
                            try await writer.waitForQueueSpace()
                        }
                    } catch let error as ValidationError {
                        #expect(error.path == ValidatingProducerTests.invalid[input % ValidatingProducerTests.invalid.count].path)
                        refusedAt.append(input)
                    }
                }
            }
            #expect(refusedAt == (0..<400).filter { $0 % 7 == 3 })
            #expect(waits > 0, "the 30-message queue never filled up")
            try await producer.flush(timeout: .seconds(20))
            await kafka.close()

            let expected = (0..<400).filter { $0 % 7 != 3 }
            let messages = try await broker.readAll(topic: topic, expected: expected.count).sorted { $0.offset < $1.offset }
            #expect(Set(messages.map(\.partition)).count == 1)
            let codec = try AvroCodec(AvroSchemaParser.parse(TestSchemas.order))
            let frames = try expected.map { ConfluentFraming.frame(schemaID: Int32(registered.id), payload: try codec.encode(json: TestSchemas.orderJSON($0))) }
            #expect(messages.compactMap(\.value) == frames)
            print("topic writer (batches on two tasks): \(messages.count)/\(expected.count) in input order, \(refusedAt.count) refused at their positions, \(waits) waits for queue space")
        }
    }

    /// Encodes on its own task with its own copy of the writer.
    private static func encodeAll(_ inputs: [String], with writer: TopicWriter) async -> EncodedBatch {
        var writer = writer
        var batch = EncodedBatch()
        for json in inputs {
            Array(json.utf8).withUnsafeBufferPointer { writer.encode(json: $0, into: &batch) }
        }
        return batch
    }

    @Test func unknownSubjectFailsWhenTheWriterIsMade() async throws {
        try await TestRegistry.servedWithBroker { broker, _, _, client in
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)
            let topic = uniqueTopic("writer-nowhere")
            let error = await #expect(throws: SerdeError.self) {
                _ = try await producer.writer(topic: topic)
            }
            guard case .registry(let cause, _)? = error else {
                Issue.record("expected a registry error, got \(String(describing: error))")
                await kafka.close()
                return
            }
            #expect(cause == .subjectNotFound("\(topic)-value"))
            await kafka.close()
            #expect(kafka.statistics.delivered == 0)
        }
    }
}
