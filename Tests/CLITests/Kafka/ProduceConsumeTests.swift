import Foundation
import JSONValue
import Kafka
import Testing

/// `schema-registry produce` and `consume` run as child processes against a real tansu broker and a real
/// registry (`serve` from the same binary, or the database through `--db`).
@Suite("produce and consume against a real broker and registry", .enabled(if: KafkaTestBroker.shouldRun))
struct ProduceConsumeTests {
    private func topic(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    @Test func fileWithInvalidLinesReportsEachAndOnlyValidOnesArriveAndDecodeBack() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = topic("orders")
        let registry = try await KafkaTestRegistry.make(["\(topic)-value": CLIOrders.schema])
        let server = try await ServedRegistryProcess.start(database: registry.databasePath)
        defer { server.stop(); broker.stop() }

        let valid = (1...6).map(CLIOrders.valid)
        let input = [valid[0], valid[1], CLIOrders.wrongType, valid[2], CLIOrders.notJSON, valid[3], "",
                     CLIOrders.missingField, valid[4], valid[5]]
        let file = try registry.file("orders.jsonl", input.joined(separator: "\n") + "\n")

        let produced = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--registry", server.url, "--topic", topic, "--timeout", "10", file,
        ])
        #expect(produced.status == 1, "stderr: \(produced.error)")
        #expect(produced.error.contains("line 3: rejected at /lines/1/qty"), "stderr: \(produced.error)")
        #expect(produced.error.contains("line 5: rejected"), "stderr: \(produced.error)")
        #expect(produced.error.contains("line 8: rejected"), "stderr: \(produced.error)")
        #expect(!produced.error.contains("line 7:"), "a blank line is not a rejection: \(produced.error)")
        #expect(produced.error.contains("6 sent, 3 rejected"), "stderr: \(produced.error)")
        #expect(produced.error.contains("broker acknowledged 6, failed 0"), "stderr: \(produced.error)")
        #expect(produced.output.isEmpty)

        // Straight from the broker: exactly the valid records, each in Confluent's framing with the registered id.
        let records = try await broker.readAll(topic: topic, expected: valid.count)
        #expect(records.count == valid.count)
        for record in records {
            let bytes = record.value ?? []
            #expect(bytes.count > 5 && bytes[0] == 0 && Array(bytes[1..<5]) == [0, 0, 0, 1])
        }

        let consumed = try await CLIProcess.run([
            "consume", "--broker", broker.bootstrapServers, "--registry", server.url, "--topic", topic,
            "--from-beginning", "--max", String(valid.count), "--idle-timeout", "20",
        ])
        #expect(consumed.status == 0, "stderr: \(consumed.error)")
        let lines = CLIOrders.nonEmptyLines(consumed.output)
        // Partitions interleave, so compare as multisets of parsed values.
        #expect(Set(try CLIOrders.parsed(lines)) == Set(try CLIOrders.parsed(valid)))
        #expect(lines.count == valid.count)
        #expect(consumed.error.contains("\(valid.count) record(s) from topic"))
    }

    @Test func skipInvalidExitsZeroAndStdinWithTheDatabaseWorks() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = topic("stdin")
        let registry = try await KafkaTestRegistry.make(["\(topic)-value": CLIOrders.schema])
        defer { broker.stop() }

        let valid = (10...14).map(CLIOrders.valid)
        let input = ([CLIOrders.wrongType] + valid).joined(separator: "\n")  // no final newline
        let produced = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic, "--skip-invalid",
        ], input: Data(input.utf8))
        #expect(produced.status == 0, "stderr: \(produced.error)")
        #expect(produced.error.contains("line 1: rejected at /lines/1/qty"))
        #expect(produced.error.contains("5 sent, 1 rejected"), "stderr: \(produced.error)")

        let consumed = try await CLIProcess.run([
            "consume", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
            "--from-beginning", "--max", "5", "--idle-timeout", "20",
        ])
        #expect(consumed.status == 0, "stderr: \(consumed.error)")
        #expect(Set(try CLIOrders.parsed(CLIOrders.nonEmptyLines(consumed.output))) == Set(try CLIOrders.parsed(valid)))
    }

    @Test func explicitSubjectIsUsedAndAnUnknownOneSendsNothing() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = topic("subject")
        let registry = try await KafkaTestRegistry.make(["shared-orders": CLIOrders.schema])
        defer { broker.stop() }
        let input = Data((CLIOrders.valid(1) + "\n").utf8)

        let unknown = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
        ], input: input)
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("subject \"\(topic)-value\" has no schema"), "stderr: \(unknown.error)")

        let named = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic, "--subject", "shared-orders",
        ], input: input)
        #expect(named.status == 0, "stderr: \(named.error)")
        #expect(named.error.contains("subject \"shared-orders\" version 1"))
        // Only the run with a known subject wrote anything.
        #expect(try await broker.readAll(topic: topic, expected: 1).count == 1)
    }

    @Test func brokerDownIsAClearErrorAndNonZeroExitWithinTheTimeout() async throws {
        let registry = try await KafkaTestRegistry.make(["down-value": CLIOrders.schema])
        let closedPort = try LoopbackPort.free()
        let input = Data(((1...3).map(CLIOrders.valid).joined(separator: "\n") + "\n").utf8)
        // The watchdog (60 s) would end a hung run with a signal, which is not exit status 2.
        let produced = try await CLIProcess.run([
            "produce", "--broker", "127.0.0.1:\(closedPort)", "--db", registry.databasePath, "--topic", "down",
            "--timeout", "3",
        ], input: input, timeout: 60)
        #expect(produced.status == 2, "stderr: \(produced.error)")
        #expect(produced.error.contains("broker 127.0.0.1:\(closedPort) did not answer within 3 s"), "stderr: \(produced.error)")
        #expect(produced.error.contains("3 sent, 0 rejected; broker acknowledged 0, failed 3"), "stderr: \(produced.error)")

        let consumed = try await CLIProcess.run([
            "consume", "--broker", "127.0.0.1:\(closedPort)", "--db", registry.databasePath, "--topic", "down", "--timeout", "3",
        ], timeout: 60)
        #expect(consumed.status == 2, "stderr: \(consumed.error)")
        #expect(consumed.error.contains("cannot read topic \"down\": broker 127.0.0.1:\(closedPort) did not answer within 3 s"), "stderr: \(consumed.error)")
    }

    @Test func registryDownIsAClearErrorAndNothingIsSent() async throws {
        let broker = try await KafkaTestBroker.start()
        defer { broker.stop() }
        let closedPort = try LoopbackPort.free()
        let topic = topic("noregistry")
        let produced = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--registry", "http://127.0.0.1:\(closedPort)", "--topic", topic,
            "--registry-timeout", "2",
        ], input: Data((CLIOrders.valid(1) + "\n").utf8), timeout: 60)
        #expect(produced.status == 2, "stderr: \(produced.error)")
        #expect(produced.error.contains("cannot reach the registry http://127.0.0.1:\(closedPort)"), "stderr: \(produced.error)")
    }

    @Test func oversizedMessageIsRejectedWithItsLineAndOthersStillArrive() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = topic("large")
        let registry = try await KafkaTestRegistry.make(["\(topic)-value": CLIOrders.schema])
        defer { broker.stop() }
        let huge = #"{"id":7,"customer":"\#(String(repeating: "x", count: 5000))","amount":1.5,"lines":[],"note":null}"#
        let input = [CLIOrders.valid(1), huge, CLIOrders.valid(2)].joined(separator: "\n")
        let produced = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
            "-X", "message.max.bytes=2000",
        ], input: Data(input.utf8))
        #expect(produced.status == 1, "stderr: \(produced.error)")
        #expect(produced.error.contains("line 2: rejected: the encoded message is larger than the producer's message.max.bytes"), "stderr: \(produced.error)")
        #expect(produced.error.contains("2 sent, 1 rejected"), "stderr: \(produced.error)")
        #expect(try await broker.readAll(topic: topic, expected: 2).count == 2)
    }

    @Test func consumeReportsRecordsThatAreNotFramedAndDecodesTheRest() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = topic("mixed")
        let registry = try await KafkaTestRegistry.make(["\(topic)-value": CLIOrders.schema])
        defer { broker.stop() }
        let produced = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
        ], input: Data((CLIOrders.valid(3) + "\n").utf8))
        #expect(produced.status == 0, "stderr: \(produced.error)")
        try await broker.produceRaw(topic: topic, values: [Array("plain text".utf8)])

        let consumed = try await CLIProcess.run([
            "consume", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
            "--from-beginning", "--max", "2", "--idle-timeout", "20",
        ])
        #expect(consumed.status == 1, "stderr: \(consumed.error)")
        #expect(consumed.error.contains("cannot decode: not a Confluent-framed message"), "stderr: \(consumed.error)")
        #expect(consumed.error.contains("1 record(s) from topic \"\(topic)\", 1 undecodable"))
        #expect(try CLIOrders.parsed(CLIOrders.nonEmptyLines(consumed.output)) == CLIOrders.parsed([CLIOrders.valid(3)]))
    }

    @Test func jsonSchemaSubjectIsValidatedAndDecodedBackToo() async throws {
        let broker = try await KafkaTestBroker.start()
        let topic = topic("jsonschema")
        let schema = #"{"type":"object","properties":{"id":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}},"required":["id"],"additionalProperties":false}"#
        let registry = try await KafkaTestRegistry.make([:], jsonSchemas: ["\(topic)-value": schema])
        defer { broker.stop() }
        let valid = [#"{"id":1,"tags":["a","b"]}"#, #"{"id":2}"#]
        let input = [valid[0], #"{"id":3,"tags":["a",4]}"#, valid[1]].joined(separator: "\n")
        let produced = try await CLIProcess.run([
            "produce", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
        ], input: Data(input.utf8))
        #expect(produced.status == 1, "stderr: \(produced.error)")
        #expect(produced.error.contains("line 2: rejected at /tags/1"), "stderr: \(produced.error)")
        #expect(produced.error.contains("2 sent, 1 rejected"), "stderr: \(produced.error)")

        let consumed = try await CLIProcess.run([
            "consume", "--broker", broker.bootstrapServers, "--db", registry.databasePath, "--topic", topic,
            "--from-beginning", "--max", "2", "--idle-timeout", "20",
        ])
        #expect(consumed.status == 0, "stderr: \(consumed.error)")
        #expect(Set(try CLIOrders.parsed(CLIOrders.nonEmptyLines(consumed.output))) == Set(try CLIOrders.parsed(valid)))
    }
}
