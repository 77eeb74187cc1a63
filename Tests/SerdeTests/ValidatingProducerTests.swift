import Avro
import Foundation
import Kafka
import MetricsTestKit
import RegistryClient
import RegistryCore
import Serde
import Testing

/// End to end with real parts: the registry server on 127.0.0.1 (over SQLite), reached through the HTTP
/// client; a tansu broker; our producer in front of librdkafka; records read back with `KafkaConsumer`.
@Suite("Validating producer against a real registry and broker", .enabled(if: TestBroker.shouldRun))
struct ValidatingProducerTests {
    /// Invalid lines: wrong type deep inside, unknown enum symbol, missing field, not JSON at all.
    static let invalid: [(json: String, path: String)] = [
        (#"{"id":1,"customer":"c","status":"NEW","lines":[{"sku":"a","quantity":1.5,"price":1.0}],"tags":{},"coupon":null}"#, "/lines/0/quantity"),
        (#"{"id":2,"customer":"c","status":"LOST","lines":[],"tags":{},"coupon":null}"#, "/status"),
        (#"{"id":3,"status":"NEW","lines":[],"tags":{},"coupon":null}"#, "/customer"),
        (#"{"id":4,"customer":"c","status":"NEW","lines":[],"tags":{"k":7},"coupon":null}"#, "/tags/k"),
        (#"{"id":5,"customer":"c""#, ""),
    ]

    @Test func validMessagesArriveIntactAndInvalidOnesNever() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("orders")
            let registered = try await registry.register(subject: "\(topic)-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)

            let count = 40
            var rejected: [ValidationError] = []
            for n in 0..<count {
                try await producer.send(topic: topic, key: Array("k\(n)".utf8), json: TestSchemas.orderJSON(n))
                if n % 8 == 0 {
                    let bad = Self.invalid[(n / 8) % Self.invalid.count]
                    do {
                        try await producer.send(topic: topic, key: Array("bad\(n)".utf8), json: bad.json)
                        Issue.record("invalid message \(bad.json) was accepted")
                    } catch let error as ValidationError {
                        #expect(error.path == bad.path, "\(error)")
                        #expect(error.topic == topic)
                        #expect(error.subject == "\(topic)-value")
                        #expect(error.schemaVersion == 1)
                        #expect(error.deadLetter == .notConfigured)
                        rejected.append(error)
                    }
                }
            }
            #expect(rejected.count == Self.invalid.count)
            await kafka.close()

            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            let codec = try AvroCodec(AvroSchemaParser.parse(TestSchemas.order))
            let deserializer = try AvroDeserializer(registry: client)
            var seen = Set<Int>()
            for message in messages {
                let key = String(decoding: message.key ?? [], as: UTF8.self)
                #expect(!key.hasPrefix("bad"), "an invalid message reached the topic")
                guard let n = Int(key.dropFirst()), let value = message.value else {
                    Issue.record("unexpected record \(key)")
                    continue
                }
                seen.insert(n)
                // Bytes: magic 0, the registered id big-endian, then exactly the Avro encoding of the JSON.
                let expected = ConfluentFraming.frame(schemaID: Int32(registered.id), payload: try codec.encode(json: TestSchemas.orderJSON(n)))
                #expect(value == expected)
                #expect(try await deserializer.deserialize(value) == (try codec.decode(codec.encode(json: TestSchemas.orderJSON(n)))))
            }
            #expect(seen == Set(0..<count))
            print("validating producer: \(seen.count)/\(count) valid messages read back intact, \(rejected.count) invalid refused")
        }
    }

    @Test func swiftValuesAndAvroKeysAreValidatedTooAndEnqueueThenFlushDeliversAll() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("keyed")
            let keySchema = try await registry.register(subject: "\(topic)-key", SchemaSubmission(schema: TestSchemas.key), normalize: false)
            let valueSchema = try await registry.register(subject: "\(topic)-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)
            let count = 200
            for n in 0..<count {
                let value: AvroValue = [
                    "id": .long(Int64(n)), "customer": .string("swift \(n)"), "status": "PAID",
                    "lines": [["sku": "s", "quantity": .int(Int32(n % 5)), "price": 2.5]], "tags": ["source": "test"],
                    "coupon": n % 2 == 0 ? nil : .string("C\(n)"),
                ]
                try await producer.enqueue(topic: topic, key: ["id": .long(Int64(n))], value: value)
            }
            // A key that does not fit its schema is refused like a value.
            let keyError = await #expect(throws: ValidationError.self) {
                try await producer.enqueue(topic: topic, key: AvroValue.map(["id": .string("not a number")]), value: AvroValue.map(["id": .long(1)]))
            }
            #expect(keyError?.isKey == true)
            #expect(keyError?.subject == "\(topic)-key")
            #expect(keyError?.path == "/id")
            try await producer.flush(timeout: .seconds(20))
            #expect(kafka.statistics.delivered == count)
            #expect(kafka.statistics.failed == 0)
            await kafka.close()

            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            let deserializer = try AvroDeserializer(registry: client)
            var ids = Set<Int64>()
            for message in messages {
                guard let keyBytes = message.key, let valueBytes = message.value else { continue }
                #expect(try AvroDeserializer.schemaID(of: keyBytes) == keySchema.id)
                #expect(try AvroDeserializer.schemaID(of: valueBytes) == valueSchema.id)
                guard case .record(let key) = try await deserializer.deserialize(keyBytes),
                      case .record(let fields) = try await deserializer.deserialize(valueBytes),
                      case .long(let id)? = key.first
                else {
                    Issue.record("key or value is not a record")
                    continue
                }
                #expect(fields[0] == .long(id))
                #expect(fields[1] == .string("swift \(id)"))
                #expect(fields[2] == .enumeration("PAID"))
                #expect(fields[5] == (id % 2 == 0 ? .union(branch: 0, .null) : .union(branch: 1, .string("C\(id)"))))
                ids.insert(id)
            }
            #expect(ids == Set((0..<Int64(count))))
            print("validating producer (enqueue): \(ids.count)/\(count) keyed messages read back intact")
        }
    }

    @Test func rejectedMessagesGoToTheDeadLetterTopicWithTheReason() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("dlq-source")
            let deadLetters = uniqueTopic("dlq")
            let registered = try await registry.register(subject: "\(topic)-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let (kafka, metrics, producer) = try makeDeadLetterProducer(broker: broker, client: client, deadLetters: deadLetters)
            try await producer.send(topic: topic, json: TestSchemas.orderJSON(1))
            let bad = Self.invalid[1].json
            let error = await #expect(throws: ValidationError.self) {
                try await producer.send(topic: topic, key: Array("bad".utf8), json: bad, headers: [KafkaHeader(key: "trace", value: "t-1")])
            }
            #expect(error?.deadLetter == .written(topic: deadLetters))
            await kafka.close()
            #expect(try metrics.expectCounter("validating_producer_sent_total", [("topic", topic)]).totalValue == 1)
            #expect(try metrics.expectCounter("validating_producer_rejected_total", [("topic", topic), ("reason", "unknownSymbol")]).totalValue == 1)
            #expect(try metrics.expectTimer("validating_producer_validation_duration", [("topic", topic)]).values.count == 2)

            #expect(try await broker.readAll(topic: topic, expected: 1).count == 1)
            let letters = try await broker.readAll(topic: deadLetters, expected: 1)
            #expect(letters.count == 1)
            guard let letter = letters.first else { return }
            #expect(letter.value == Array(bad.utf8))
            #expect(letter.key == Array("bad".utf8))
            let headers = Dictionary(letter.headers.map { ($0.key, String(decoding: $0.value ?? [], as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
            #expect(headers["trace"] == "t-1")
            #expect(headers["validation.error.reason"] == "unknownSymbol")
            #expect(headers["validation.error.path"] == "/status")
            #expect(headers["validation.error.schema.id"] == String(registered.id))
            #expect(headers["validation.error.subject"] == "\(topic)-value")
            #expect(headers["validation.error.topic"] == topic)
        }
    }

    @Test func unknownSubjectAndRegistryDownAreTypedAndSendNothing() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let topic = uniqueTopic("nowhere")
        let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
        try await TestRegistry.served { _, _, client in
            let producer = ValidatingProducer(producer: kafka, registry: client)
            let error = await #expect(throws: SerdeError.self) {
                try await producer.send(topic: topic, json: TestSchemas.orderJSON(1))
            }
            guard case .registry(let cause, _)? = error else {
                Issue.record("expected a registry error, got \(String(describing: error))")
                return
            }
            #expect(cause == .subjectNotFound("\(topic)-value"))
        }
        let down = HTTPRegistryClient(configuration: RegistryClientConfiguration(
            baseURLs: ["http://127.0.0.1:\(try LoopbackPort.free())"], connectTimeout: .milliseconds(500),
            retry: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10))
        ))
        let producer = ValidatingProducer(producer: kafka, registry: down)
        let error = await #expect(throws: SerdeError.self) {
            try await producer.send(topic: topic, json: TestSchemas.orderJSON(1))
        }
        try await down.shutdown()
        guard case .registry(.unreachable, _)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        await kafka.close()
        #expect(kafka.statistics.delivered == 0)
    }
}
