import CRdKafka

/// A librdkafka producer with delivery reports surfaced as async results.
///
/// Two ways to send: `send` awaits the broker's acknowledgement and returns where the message was stored;
/// `enqueue` only hands the message to librdkafka (for throughput) and leaves the outcome to `statistics` and
/// `flush`. Both copy key, value and headers before returning. Call `close` when done: it delivers what it can
/// within its timeout and answers every waiting `send`, so no task is left suspended.
public final class KafkaProducer: Sendable {
    let client: NativeClient
    let ledger: DeliveryLedger
    private let poller: PollingThread

    public init(configuration: KafkaConfiguration) throws(KafkaError) {
        let ledger = DeliveryLedger()
        let native = try configuration.makeNative()
        rd_kafka_conf_set_dr_msg_cb(native, deliveryReportCallback)
        // Unretained: the client below keeps the ledger alive until after rd_kafka_destroy.
        rd_kafka_conf_set_opaque(native, Unmanaged.passUnretained(ledger).toOpaque())
        let client = try NativeClient(kind: RD_KAFKA_PRODUCER, configuration: native, context: ledger)
        self.client = client
        self.ledger = ledger
        self.poller = PollingThread.start(client: client, name: "kafka-producer-poll")
    }

    deinit {
        poller.stop()
    }

    /// Sends one message and waits for the broker's acknowledgement.
    ///
    /// - Parameter partition: nil lets librdkafka's partitioner choose (by key hash when there is a key).
    /// - Throws: `KafkaError` right away for a message librdkafka refuses (`.messageSizeTooLarge`,
    ///   `.unknownPartition`, `.closed`), or later for a failed delivery (`.messageTimedOut` when the broker is
    ///   unreachable for `message.timeout.ms`). Waits while the local queue is full.
    ///   Cancelling the task does not recall a message already handed over; the call still waits for its report.
    nonisolated(nonsending) public func send(
        topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8]?, headers: [KafkaHeader] = []
    ) async throws(KafkaError) -> DeliveryReport {
        while true {
            let outcome = await withCheckedContinuation { (waiter: DeliveryLedger.Waiter) in
                guard let id = ledger.register(waiter) else {
                    waiter.resume(returning: .failure(Self.closedError(topic: topic)))
                    return
                }
                do throws(KafkaError) {
                    try produce(
                        topic: topic, partition: partition, key: key, value: value, headers: headers,
                        opaque: UnsafeMutableRawPointer(bitPattern: id)
                    )
                } catch {
                    // Refused before it was queued: there will be no delivery report for this id.
                    ledger.take(id)?.resume(returning: .failure(error))
                }
            }
            if case .failure(let error) = outcome, error.code == .queueFull {
                try await waitForQueueSpace(topic: topic)
                continue
            }
            return try outcome.get()
        }
    }

    /// Hands one message to librdkafka without waiting for its delivery; for bulk producing.
    ///
    /// Applies back-pressure: while librdkafka's queue is full it serves delivery reports and retries.
    /// Delivery failures are counted in `statistics`; `flush` waits until every queued message is settled.
    /// - Throws: `KafkaError` for a message librdkafka refuses outright (too large, unknown partition, closed).
    nonisolated(nonsending) public func enqueue(
        topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8]?, headers: [KafkaHeader] = []
    ) async throws(KafkaError) {
        guard ledger.beginEnqueue() else {
            throw Self.closedError(topic: topic)
        }
        defer { ledger.endEnqueue() }
        while true {
            do throws(KafkaError) {
                try produce(topic: topic, partition: partition, key: key, value: value, headers: headers, opaque: nil)
                return
            } catch where error.code == .queueFull {
                try await waitForQueueSpace(topic: topic)
            }
        }
    }

    /// Hands one message to librdkafka without waiting for anything, not even for queue space: returns false
    /// when the local queue is full (nothing was queued). For callers that must not suspend; `KafkaTopic` is
    /// the faster form for many messages to one topic.
    /// - Throws: `KafkaError` for a message librdkafka refuses outright (too large, unknown partition, closed).
    public func tryEnqueue(
        topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8]?, headers: [KafkaHeader] = []
    ) throws(KafkaError) -> Bool {
        guard ledger.beginEnqueue() else {
            throw Self.closedError(topic: topic)
        }
        defer { ledger.endEnqueue() }
        do throws(KafkaError) {
            try produce(topic: topic, partition: partition, key: key, value: value, headers: headers, opaque: nil)
            return true
        } catch where error.code == .queueFull {
            return false
        }
    }

    /// A handle for producing to `name` that resolves the topic once; see `KafkaTopic`.
    /// - Throws: `.invalidArgument` when librdkafka refuses the name.
    public func topic(_ name: String) throws(KafkaError) -> KafkaTopic {
        try KafkaTopic(producer: self, name: name)
    }

    /// Waits until every message handed over so far has been delivered or has failed.
    /// - Throws: `.timedOut` when messages are still outstanding after `timeout`.
    public func flush(timeout: Duration) async throws(KafkaError) {
        let client = self.client
        let milliseconds = timeout.clampedMilliseconds
        let result = await runBlocking(name: "kafka-producer-flush") {
            rd_kafka_flush(client.pointer, milliseconds).rawValue
        }
        let code = rd_kafka_resp_err_t(rawValue: result)
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            let left = rd_kafka_outq_len(client.pointer)
            throw KafkaError(native: code, context: "flush: \(left) message(s) still outstanding after \(timeout)")
        }
    }

    /// Counts of delivered and failed messages so far.
    public var statistics: DeliveryStatistics {
        ledger.statistics
    }

    /// Messages (and requests) librdkafka still holds: queued, in flight, or awaiting their report.
    public var outstandingCount: Int {
        Int(rd_kafka_outq_len(client.pointer))
    }

    /// Refuses new messages, delivers what is queued within `timeout`, then purges the rest so that every
    /// waiting `send` gets an answer (`.purgedFromQueue` / `.purgedInFlight`) instead of hanging.
    /// Calling it again does nothing.
    public func close(timeout: Duration = .seconds(30)) async {
        guard ledger.close() else {
            return
        }
        let client = self.client
        let milliseconds = timeout.clampedMilliseconds
        _ = await runBlocking(name: "kafka-producer-close") {
            rd_kafka_flush(client.pointer, milliseconds).rawValue
        }
        // Purged messages are reported through the polling thread; give it a bounded time to hand them out.
        let purgeFlags = Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
        var rounds = 0
        while (ledger.hasOutstanding || rd_kafka_outq_len(client.pointer) > 0) && rounds < 500 {
            _ = rd_kafka_purge(client.pointer, purgeFlags)
            try? await Task.sleep(for: .milliseconds(10))
            rounds += 1
        }
        ledger.failAll(with: KafkaError(code: .closed, message: "the producer was closed before delivery was reported"))
        poller.stop()
    }

    func produce(
        topic: String, partition: Int32?, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader],
        opaque: UnsafeMutableRawPointer?
    ) throws(KafkaError) {
        let nativeHeaders = NativeMessage.makeHeaders(headers)
        let target = partition ?? crdkafka_partition_unassigned()
        let pointer = client.pointer
        let result = topic.withCString { topicName in
            withOptionalBytes(key) { keyBytes, keyCount in
                withOptionalBytes(value) { valueBytes, valueCount in
                    crdkafka_produce(
                        pointer, topicName, target, keyBytes, keyCount, valueBytes, valueCount, nativeHeaders, opaque
                    )
                }
            }
        }
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            // librdkafka takes the headers over only when it accepts the message.
            if let nativeHeaders {
                rd_kafka_headers_destroy(nativeHeaders)
            }
            let place = partition.map { "topic \"\(topic)\" partition \($0)" } ?? "topic \"\(topic)\""
            let size = value.map { ", value of \($0.count) bytes" } ?? ""
            throw KafkaError(native: result, context: "produce to \(place)\(size)")
        }
    }

    /// Back-pressure for a full local queue: serve delivery reports (which frees queue slots) and pause briefly.
    nonisolated(nonsending) func waitForQueueSpace(topic: String) async throws(KafkaError) {
        if ledger.isClosed {
            throw Self.closedError(topic: topic)
        }
        if Task.isCancelled {
            throw KafkaError(code: .queueFull, message: "produce to topic \"\(topic)\": cancelled while the local queue was full")
        }
        rd_kafka_poll(client.pointer, 0)
        try? await Task.sleep(for: .microseconds(500))
    }

    static func closedError(topic: String) -> KafkaError {
        KafkaError(code: .closed, message: "produce to topic \"\(topic)\": the producer is closed")
    }
}
