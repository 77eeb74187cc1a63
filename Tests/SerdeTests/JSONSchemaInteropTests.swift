import Foundation
import JSONValue
import Kafka
import RegistryCore
import Serde
import Testing

extension PythonInterop {
    /// Whether confluent-kafka's JSON Schema serdes import (the `json` extra); prints why when they do not.
    static let jsonAvailable: Bool = {
        guard TestBroker.shouldRun else { return false }
        let result = run(["check"], input: nil, script: jsonScript)
        if result.status == 0 || TestBroker.isRequired { return true }
        print("SerdeTests: JSON Schema interop tests skipped: \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) "
            + "(scripts/kafka/setup.sh installs it; REQUIRE_KAFKA=1 makes this a failure)")
        return false
    }()
}

/// Interoperability with confluent-kafka's Python `JSONSerializer`/`JSONDeserializer`, through our registry
/// server and a real broker, in both directions.
@Suite("Interop with confluent-kafka's Python JSON Schema serdes", .enabled(if: PythonInterop.jsonAvailable))
struct JSONSchemaInteropTests {
    @Test func confluentDeserializerReadsWhatOurProducerWrote() async throws {
        try await TestRegistry.servedWithBroker { broker, url, registry, client in
            let topic = uniqueTopic("json-to-python")
            _ = try await registry.register(subject: "\(topic)-value", JSONTestSchemas.submission(), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)
            let count = 30
            for n in 0..<count {
                try await producer.enqueue(topic: topic, key: Array("\(n)".utf8), json: Array(TestSchemas.orderJSON(n).utf8))
            }
            try await producer.flush(timeout: .seconds(20))
            await kafka.close()

            let result = await PythonInterop.runAsync(
                ["decode", "--registry", url, "--broker", broker.bootstrapServers, "--topic", topic, "--count", String(count)],
                input: nil, script: PythonInterop.jsonScript)
            #expect(result.status == 0, "python decode failed: \(result.stderr)")
            var decoded: [Int: JSONValue] = [:]
            for line in result.stdout.split(separator: "\n") {
                let record = try JSONParser.parse(String(line))
                guard let key = record["key"]?.stringValue, let n = Int(key), let value = record["value"] else {
                    Issue.record("unexpected line \(line)")
                    continue
                }
                decoded[n] = value
            }
            #expect(decoded.count == count)
            for n in 0..<count {
                #expect(decoded[n] == (try JSONParser.parse(TestSchemas.orderJSON(n))), "record \(n)")
            }
            print("interop: confluent-kafka JSONDeserializer decoded and validated \(decoded.count)/\(count) records written by ValidatingProducer")
        }
    }

    @Test func ourDeserializerReadsWhatConfluentSerializerWrote() async throws {
        try await TestRegistry.servedWithBroker { broker, url, registry, client in
            let topic = uniqueTopic("json-from-python")
            let schemaFile = NSTemporaryDirectory() + "interop-schema-\(UUID().uuidString).json"
            try JSONTestSchemas.order.write(toFile: schemaFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: schemaFile) }
            let count = 30
            let input = (0..<count).map { TestSchemas.orderJSON($0) }.joined(separator: "\n") + "\n"
            let result = await PythonInterop.runAsync(
                ["produce", "--registry", url, "--broker", broker.bootstrapServers, "--topic", topic, "--schema-file", schemaFile],
                input: input, script: PythonInterop.jsonScript)
            #expect(result.status == 0, "python produce failed: \(result.stderr)")
            #expect(result.lines.count == count)

            // Confluent's serializer registered the schema in our registry as JSON, under TopicNameStrategy.
            let registered = try await registry.version(subject: "\(topic)-value", .latest, includeDeleted: false)
            #expect(registered.schema.schemaType == .json)
            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            let deserializer = JSONSchemaDeserializer(registry: client)
            let decoder = try MessageDecoder(registry: client)
            var seen = Set<Int>()
            for message in messages {
                guard let key = message.key.map({ String(decoding: $0, as: UTF8.self) }), let n = Int(key), let value = message.value else {
                    Issue.record("record without key or value")
                    continue
                }
                #expect(Array(value.prefix(5)) == Array(ConfluentFraming.frame(schemaID: Int32(registered.id), payload: []).prefix(5)))
                let expected = try JSONParser.parse(TestSchemas.orderJSON(n))
                #expect(try await deserializer.deserialize(value) == expected, "record \(n)")
                #expect(try JSONParser.parse(await decoder.decodeToJSON(value).json) == expected, "record \(n)")
                seen.insert(n)
            }
            #expect(seen == Set(0..<count))
            print("interop: our JSONSchemaDeserializer decoded and validated \(seen.count)/\(count) records written by confluent-kafka JSONSerializer")
        }
    }
}
