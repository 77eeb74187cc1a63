import Foundation
import Kafka
import Testing

@Suite("Kafka error paths")
struct KafkaErrorPathTests {
    /// A loopback port with nothing listening on it.
    private func deadBroker() throws -> String {
        "127.0.0.1:\(try LoopbackPort.free())"
    }

    @Test("Broker down: send fails with messageTimedOut once message.timeout.ms passes")
    func brokerDown() async throws {
        let producer = try KafkaProducer(configuration: testProducerConfiguration(try deadBroker(), [
            "message.timeout.ms": "1500",
            "log_level": "0",
        ]))
        do {
            let report = try await producer.send(topic: "nowhere", key: [1], value: [2])
            Issue.record("expected a delivery failure, got \(report)")
        } catch {
            #expect(error.code == .messageTimedOut)
            #expect(error.name == "_MSG_TIMED_OUT")
            #expect(error.message.contains("nowhere"))
        }
        await producer.close(timeout: .seconds(1))
        #expect(producer.statistics.failed == 1)
        #expect(producer.statistics.lastFailure?.code == .messageTimedOut)
    }

    @Test("Message larger than message.max.bytes is refused before sending, for send and enqueue")
    func messageTooLarge() async throws {
        let producer = try KafkaProducer(configuration: testProducerConfiguration(try deadBroker(), [
            "message.max.bytes": "1000",
            "log_level": "0",
        ]))
        let value = [UInt8](repeating: 0x41, count: 5000)
        await #expect(throws: KafkaError.self) {
            _ = try await producer.send(topic: "big", value: value)
        }
        do {
            _ = try await producer.send(topic: "big", value: value)
        } catch {
            #expect(error.code == .messageSizeTooLarge)
            #expect(error.name == "MSG_SIZE_TOO_LARGE")
            #expect(error.message.contains("5000 bytes"))
        }
        do {
            try await producer.enqueue(topic: "big", value: value)
            Issue.record("enqueue accepted a 5000-byte message with message.max.bytes=1000")
        } catch {
            #expect(error.code == .messageSizeTooLarge)
        }
        // Nothing was handed to librdkafka, so nothing can be reported later either.
        #expect(producer.statistics == DeliveryStatistics(delivered: 0, failed: 0, lastFailure: nil))
        await producer.close(timeout: .milliseconds(100))
    }

    @Test("Closing with a send still waiting answers it instead of leaving it suspended")
    func closeAnswersWaitingSends() async throws {
        let producer = try KafkaProducer(configuration: testProducerConfiguration(try deadBroker(), [
            "message.timeout.ms": "60000",
            "log_level": "0",
        ]))
        let waiting = Task { () -> KafkaError? in
            do throws(KafkaError) {
                _ = try await producer.send(topic: "stuck", value: [1])
                return nil
            } catch {
                return error
            }
        }
        // Let the send reach librdkafka's queue before closing.
        while producer.outstandingCount == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        await producer.close(timeout: .milliseconds(200))
        let error = await waiting.value
        #expect(error != nil)
        if let code = error?.code {
            #expect([KafkaError.Code.purgedFromQueue, .purgedInFlight, .closed].contains(code), "got \(String(describing: error))")
        }
        do {
            _ = try await producer.send(topic: "stuck", value: [1])
            Issue.record("send after close succeeded")
        } catch {
            #expect(error.code == .closed)
        }
        do {
            try await producer.enqueue(topic: "stuck", value: [1])
            Issue.record("enqueue after close succeeded")
        } catch {
            #expect(error.code == .closed)
        }
    }

    @Test("An unknown configuration property is named in the error")
    func invalidConfiguration() throws {
        do {
            _ = try KafkaProducer(configuration: KafkaConfiguration(["no.such.property": "1"]))
            Issue.record("an unknown property was accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("no.such.property"))
        }
        do {
            _ = try KafkaConsumer(configuration: KafkaConfiguration(["message.max.bytes": "not-a-number"]))
            Issue.record("an invalid value was accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("message.max.bytes"))
        }
    }

    @Test("A partition the topic does not have fails the send", .enabled(if: TestBroker.shouldRun))
    func unknownPartition() async throws {
        let broker = try await TestBroker.start()
        defer { broker.stop() }
        let topic = uniqueTopic("two-partitions")
        try broker.createTopic(topic, partitions: 2)
        let producer = try KafkaProducer(configuration: testProducerConfiguration(broker.bootstrapServers, [
            "message.timeout.ms": "5000",
        ]))
        do {
            let report = try await producer.send(topic: topic, partition: 7, value: [1])
            Issue.record("expected a failure for partition 7 of a 2-partition topic, got \(report)")
        } catch {
            #expect(error.code == .unknownPartition, "\(error)")
            #expect(error.message.contains(topic))
        }
        // The producer stays usable after a failed send.
        let report = try await producer.send(topic: topic, partition: 1, value: [2])
        #expect(report.partition == 1)
        await producer.close()
    }

    @Test("The consumer refuses to poll after close")
    func consumerClosed() async throws {
        let consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(bootstrapServers: try deadBroker(), ["log_level": "0"])
        )
        await consumer.close()
        do {
            _ = try consumer.poll(timeout: .milliseconds(10))
            Issue.record("poll after close succeeded")
        } catch {
            #expect(error.code == .closed)
        }
    }
}
