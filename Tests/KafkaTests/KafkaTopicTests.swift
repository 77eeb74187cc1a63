import Foundation
import Kafka
import Testing

@Suite("KafkaTopic handle against a real broker", .enabled(if: TestBroker.shouldRun))
struct KafkaTopicTests {
    @Test("tryEnqueue answers false on a full queue, queues nothing then, and loses nothing after waiting")
    func tryEnqueueWithBackPressure() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let name = uniqueTopic("handle")
        try broker.createTopic(name, partitions: 2)
        // A 20-message local queue: a tight loop of tryEnqueue is bound to find it full.
        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers, [
            "queue.buffering.max.messages": "20",
            "linger.ms": "1",
        ]))
        let topic = try producer.topic(name)
        #expect(topic.name == name)
        let count = 1500
        var refusals = 0
        for index in 0..<count {
            let key = Array("k\(index)".utf8)
            let value = Array("v\(index)".utf8)
            while true {
                let accepted = try key.withUnsafeBytes { keyBytes in
                    try value.withUnsafeBytes { valueBytes in try topic.tryEnqueue(value: valueBytes, key: keyBytes) }
                }
                if accepted { break }
                refusals += 1
                try await topic.waitForQueueSpace()
            }
        }
        // Kafka tells a null value (tombstone) from an empty one; both go through the array form too.
        try await topic.enqueue(value: nil, key: Array("null".utf8))
        try await topic.enqueue(value: [], key: Array("empty".utf8))
        try await topic.enqueue(value: Array("with-header".utf8), key: Array("h".utf8), headers: [KafkaHeader(key: "trace", value: "t")])
        try await producer.flush(timeout: .seconds(30))
        #expect(refusals > 0, "the 20-message queue never filled up")
        #expect(producer.statistics.delivered == count + 3)
        #expect(producer.statistics.failed == 0)

        // A closed producer refuses through its handles too.
        await producer.close()
        let closed = #expect(throws: KafkaError.self) {
            try Array("late".utf8).withUnsafeBytes { try topic.tryEnqueue(value: $0) }
        }
        #expect(closed?.code == .closed)

        let messages = try await broker.readAll(topic: name, expected: count + 3)
        #expect(messages.count == count + 3)
        var values: [String: [UInt8]?] = [:]
        for message in messages {
            values[String(decoding: message.key ?? [], as: UTF8.self)] = message.value
        }
        #expect(Set(values.keys) == Set((0..<count).map { "k\($0)" } + ["null", "empty", "h"]))
        #expect((0..<count).allSatisfy { values["k\($0)"] == Array("v\($0)".utf8) })
        #expect(values["null"] == .some(nil))
        #expect(values["empty"] == .some([]))
        #expect(messages.first { $0.key == Array("h".utf8) }?.headers == [KafkaHeader(key: "trace", value: "t")])
        print("kafka topic handle: \(count + 3)/\(count + 3) delivered, \(refusals) queue-full answers")
    }

    @Test("A message over message.max.bytes is refused with its size, not queued")
    func oversizedMessageIsRefused() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers, ["message.max.bytes": "2000"]))
        let topic = try producer.topic(uniqueTopic("large"))
        let error = #expect(throws: KafkaError.self) {
            try [UInt8](repeating: 7, count: 5000).withUnsafeBytes { try topic.tryEnqueue(value: $0) }
        }
        #expect(error?.code == .messageSizeTooLarge)
        #expect(error?.message.contains("value of 5000 bytes") == true, "\(String(describing: error))")
        #expect(producer.outstandingCount == 0)
        await producer.close()
    }
}
