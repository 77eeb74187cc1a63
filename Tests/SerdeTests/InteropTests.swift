import Avro
import Foundation
import JSONValue
import Kafka
import RegistryCore
import Serde
import Testing

/// Interoperability with Confluent's own serdes (Python confluent-kafka + fastavro), through our registry
/// server and a real broker, in both directions.
@Suite("Interop with confluent-kafka's Python Avro serdes", .enabled(if: PythonInterop.available))
struct InteropTests {
    @Test func confluentDeserializerDecodesWhatOurProducerWrote() async throws {
        try await TestRegistry.servedWithBroker { broker, url, registry, client in
            let topic = uniqueTopic("to-python")
            _ = try await registry.register(subject: "\(topic)-value", SchemaSubmission(schema: TestSchemas.order), normalize: false)
            let kafka = try KafkaProducer(configuration: broker.producerConfiguration())
            let producer = ValidatingProducer(producer: kafka, registry: client)
            let count = 30
            for n in 0..<count {
                try await producer.enqueue(topic: topic, key: Array("\(n)".utf8), json: Array(TestSchemas.orderJSON(n).utf8))
            }
            try await producer.flush(timeout: .seconds(20))
            await kafka.close()

            let result = await PythonInterop.runAsync(
                ["decode", "--registry", url, "--broker", broker.bootstrapServers, "--topic", topic, "--count", String(count)], input: nil
            )
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
                // fastavro renders the datum as plain JSON: the same document we sent.
                #expect(decoded[n] == (try JSONParser.parse(TestSchemas.orderJSON(n))), "record \(n)")
            }
            print("interop: confluent-kafka AvroDeserializer decoded \(decoded.count)/\(count) records written by ValidatingProducer")
        }
    }

    @Test func ourDeserializerDecodesWhatConfluentSerializerWrote() async throws {
        try await TestRegistry.servedWithBroker { broker, url, registry, client in
            let topic = uniqueTopic("from-python")
            let schemaFile = NSTemporaryDirectory() + "interop-schema-\(UUID().uuidString).avsc"
            try TestSchemas.order.write(toFile: schemaFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: schemaFile) }
            let count = 30
            let input = (0..<count).map { TestSchemas.orderJSON($0) }.joined(separator: "\n") + "\n"
            let result = await PythonInterop.runAsync(
                ["produce", "--registry", url, "--broker", broker.bootstrapServers, "--topic", topic, "--schema-file", schemaFile], input: input
            )
            #expect(result.status == 0, "python produce failed: \(result.stderr)")

            // Confluent's serializer registered the schema in our registry, under TopicNameStrategy.
            let registered = try await registry.version(subject: "\(topic)-value", .latest, includeDeleted: false)
            let codec = try AvroCodec(AvroSchemaParser.parse(TestSchemas.order))
            let ours = AvroSerializer(registry: client)
            // Byte for byte: our serializer writes what Confluent's wrote for the same datum.
            for line in result.lines {
                guard let key = line["key"] as? String, let n = Int(key), let hex = line["hex"] as? String else { continue }
                let theirs = hexBytes(hex)
                #expect(theirs == (try await ours.serialize(topic: topic, json: Array(TestSchemas.orderJSON(n).utf8))), "record \(n)")
            }
            #expect(result.lines.count == count)

            let messages = try await broker.readAll(topic: topic, expected: count)
            #expect(messages.count == count)
            let deserializer = try AvroDeserializer(registry: client)
            var seen = Set<Int>()
            for message in messages {
                guard let key = message.key.map({ String(decoding: $0, as: UTF8.self) }), let n = Int(key), let value = message.value else {
                    Issue.record("record without key or value")
                    continue
                }
                #expect(try AvroDeserializer.schemaID(of: value) == registered.id)
                #expect(try await deserializer.deserialize(value) == (try codec.decode(codec.encode(json: TestSchemas.orderJSON(n)))), "record \(n)")
                seen.insert(n)
            }
            #expect(seen == Set(0..<count))
            print("interop: our AvroDeserializer decoded \(seen.count)/\(count) records written by confluent-kafka AvroSerializer, bytes identical")
        }
    }
}

private func hexBytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
        bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
        index = next
    }
    return bytes
}
