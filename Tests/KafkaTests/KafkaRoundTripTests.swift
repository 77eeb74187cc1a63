import Foundation
import Kafka
import Testing

@Suite("Kafka round trips against a real broker", .enabled(if: TestBroker.shouldRun))
struct KafkaRoundTripTests {
    @Test("Messages with keys and headers come back unchanged, where the delivery reports said")
    func roundTripWithKeysAndHeaders() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let topic = uniqueTopic("round-trip")
        try broker.createTopic(topic, partitions: 3)

        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers))
        let count = 60
        var reports: [String: DeliveryReport] = [:]
        var sent: [String: (value: [UInt8], headers: [KafkaHeader])] = [:]
        for index in 0..<count {
            let key = "key-\(index)"
            let value = Array("{\"order\":\(index),\"note\":\"é ✓\"}".utf8)
            let headers = [
                KafkaHeader(key: "trace-id", value: "trace-\(index)"),
                KafkaHeader(key: "binary", value: [0, 255, UInt8(index % 256)]),
                KafkaHeader(key: "no-value", value: nil),
            ]
            // Every third message pins its partition; the rest go through the key partitioner.
            let partition: Int32? = index % 3 == 0 ? Int32(index % 3 + 1) : nil
            let report = try await producer.send(
                topic: topic, partition: partition, key: Array(key.utf8), value: value, headers: headers
            )
            #expect(report.topic == topic)
            #expect((0..<3).contains(report.partition))
            if let partition {
                #expect(report.partition == partition)
            }
            #expect(report.offset >= 0)
            reports[key] = report
            sent[key] = (value, headers)
        }
        await producer.close()
        #expect(producer.statistics.delivered == count)
        #expect(producer.statistics.failed == 0)

        // Offsets in each partition are 0, 1, 2, ... in the order they were acknowledged.
        let byPartition = Dictionary(grouping: reports.values, by: \.partition)
        for (partition, partitionReports) in byPartition {
            let offsets = partitionReports.map(\.offset).sorted()
            #expect(offsets == Array(0..<Int64(offsets.count)), "partition \(partition) offsets \(offsets)")
        }

        let messages = try await broker.readAll(topic: topic, expected: count)
        #expect(messages.count == count)
        for message in messages {
            let key = String(decoding: message.key ?? [], as: UTF8.self)
            guard let expected = sent[key], let report = reports[key] else {
                Issue.record("unexpected record with key \(key)")
                continue
            }
            #expect(message.topic == topic)
            #expect(message.value == expected.value)
            #expect(message.headers == expected.headers)
            #expect(message.partition == report.partition)
            #expect(message.offset == report.offset)
        }
        #expect(Set(messages.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }) == Set(sent.keys))
        print("kafka round trip: \(messages.count)/\(count) messages read back intact")
    }

    @Test("Absent and empty keys and values stay distinct")
    func absentAndEmptyPayloads() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let topic = uniqueTopic("payloads")
        try broker.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers))
        let cases: [(key: [UInt8]?, value: [UInt8]?)] = [(nil, [1, 2, 3]), ([], [4]), ([7], nil), ([8], [])]
        for entry in cases {
            _ = try await producer.send(topic: topic, partition: 0, key: entry.key, value: entry.value)
        }
        await producer.close()
        let messages = try await broker.readAll(topic: topic, expected: cases.count)
            .sorted { $0.offset < $1.offset }
        #expect(messages.map(\.key) == cases.map(\.key))
        #expect(messages.map(\.value) == cases.map(\.value))
    }

    @Test("Fire-and-forget enqueue waits on a full queue and loses nothing")
    func enqueueWithBackPressure() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let topic = uniqueTopic("bulk")
        try broker.createTopic(topic, partitions: 2)
        // A 50-message local queue forces the queue-full path many times over.
        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers, [
            "queue.buffering.max.messages": "50",
            "linger.ms": "1",
        ]))
        let count = 3000
        for index in 0..<count {
            try await producer.enqueue(topic: topic, key: Array("k\(index)".utf8), value: Array("v\(index)".utf8))
        }
        try await producer.flush(timeout: .seconds(30))
        #expect(producer.outstandingCount == 0)
        let statistics = producer.statistics
        #expect(statistics.delivered == count)
        #expect(statistics.failed == 0)
        await producer.close()

        let messages = try await broker.readAll(topic: topic, expected: count)
        #expect(messages.count == count)
        let values = Set(messages.compactMap { $0.value.map { String(decoding: $0, as: UTF8.self) } })
        #expect(values == Set((0..<count).map { "v\($0)" }))
        print("kafka enqueue: \(statistics.delivered)/\(count) delivered through a 50-message queue")
    }

    @Test("Concurrent sends from many tasks each get their own delivery report")
    func concurrentSends() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let topic = uniqueTopic("concurrent")
        try broker.createTopic(topic, partitions: 4)
        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers))
        let count = 200
        let reports = try await withThrowingTaskGroup(of: (Int, DeliveryReport).self) { group in
            for index in 0..<count {
                group.addTask {
                    let report = try await producer.send(topic: topic, key: Array("c\(index)".utf8), value: [UInt8(index % 256)])
                    return (index, report)
                }
            }
            var collected: [Int: DeliveryReport] = [:]
            for try await (index, report) in group {
                collected[index] = report
            }
            return collected
        }
        await producer.close()
        #expect(reports.count == count)
        let positions = Set(reports.values.map { "\($0.partition)/\($0.offset)" })
        #expect(positions.count == count, "two sends were given the same partition/offset")

        let messages = try await broker.readAll(topic: topic, expected: count)
        for message in messages {
            let key = String(decoding: message.key ?? [], as: UTF8.self)
            guard let index = Int(key.dropFirst()), let report = reports[index] else {
                Issue.record("unexpected record with key \(key)")
                continue
            }
            #expect(message.partition == report.partition && message.offset == report.offset)
        }
        #expect(messages.count == count)
    }
}
