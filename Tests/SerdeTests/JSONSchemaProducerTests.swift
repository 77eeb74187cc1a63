import Foundation
import JSONValue
import Kafka
import RegistryCore
import Serde
import Testing

/// The validating producer on JSON Schema subjects, end to end: registry server over SQLite reached through the
/// HTTP client, a tansu broker, records read back with `KafkaConsumer` and decoded by `MessageDecoder`.
@Suite("Validating producer with JSON Schema subjects against a real registry and broker", .enabled(if: TestBroker.shouldRun))
struct JSONSchemaProducerTests {
    @Test func validJSONArrivesFramedAndInvalidJSONNever() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("json-orders")
            let registered = try await registry.register(subject: "\(topic)-value", JSONTestSchemas.submission(), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)
            let count = 40
            var rejected = 0
            for n in 0..<count {
                if n % 2 == 0 {
                    try await producer.send(topic: topic, key: Array("k\(n)".utf8), json: TestSchemas.orderJSON(n))
                } else {
                    try await producer.enqueue(topic: topic, key: Array("k\(n)".utf8), json: Array(TestSchemas.orderJSON(n).utf8))
                }
                if n % 5 == 0 {
                    let bad = JSONTestSchemas.invalid[(n / 5) % JSONTestSchemas.invalid.count]
                    let error = await #expect(throws: ValidationError.self) {
                        try await producer.send(topic: topic, key: Array("bad\(n)".utf8), json: bad.json)
                    }
                    #expect(error?.path == bad.path, "\(bad.json): \(String(describing: error))")
                    #expect(error?.reason.rawValue == bad.reason)
                    #expect(error?.subject == "\(topic)-value")
                    #expect(error?.schemaID == registered.id)
                    #expect(error?.schemaVersion == 1)
                    rejected += 1
                }
            }
            try await producer.flush(timeout: .seconds(20))
            await kafka.close()

            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            let decoder = try MessageDecoder(registry: client)
            var seen = Set<Int>()
            for message in messages {
                let key = String(decoding: message.key ?? [], as: UTF8.self)
                #expect(!key.hasPrefix("bad"), "an invalid message reached the topic")
                guard let n = Int(key.dropFirst()), let value = message.value else {
                    Issue.record("unexpected record \(key)")
                    continue
                }
                #expect(value == ConfluentFraming.frame(schemaID: Int32(registered.id), payload: Array(TestSchemas.orderJSON(n).utf8)))
                #expect(try await decoder.decodeToJSON(value) == DecodedMessage(schemaID: registered.id, schemaType: .json, json: TestSchemas.orderJSON(n)))
                seen.insert(n)
            }
            #expect(seen == Set(0..<count))
            print("validating producer (JSON Schema): \(seen.count)/\(count) valid messages read back intact, \(rejected) invalid refused")
        }
    }

    @Test func aRefusedJSONMessageGoesToTheDeadLetterTopicWithItsPath() async throws {
        try await TestRegistry.servedWithBroker { broker, _, registry, client in
            let topic = uniqueTopic("json-dlq-source")
            let deadLetters = uniqueTopic("json-dlq")
            _ = try await registry.register(subject: "\(topic)-value", JSONTestSchemas.submission(), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client, configuration: ValidatingProducerConfiguration(deadLetterTopic: deadLetters))
            let bad = JSONTestSchemas.invalid[0].json
            let error = await #expect(throws: ValidationError.self) {
                try await producer.send(topic: topic, key: Array("bad".utf8), json: bad)
            }
            #expect(error?.deadLetter == .written(topic: deadLetters))
            await kafka.close()
            let letters = try await broker.readAll(topic: deadLetters, expected: 1)
            #expect(letters.count == 1)
            guard let letter = letters.first else { return }
            #expect(letter.value == Array(bad.utf8))
            let headers = Dictionary(letter.headers.map { ($0.key, String(decoding: $0.value ?? [], as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
            #expect(headers["validation.error.path"] == "/lines/0/quantity")
            #expect(headers["validation.error.reason"] == "typeMismatch")
        }
    }
}
