import CRdKafka

/// One topic of a `KafkaProducer`, for producing many messages to it quickly.
///
/// librdkafka's by-name produce call looks the topic up (and takes a lock for it) on every message; this
/// handle resolves it once. It also takes borrowed bytes, so a caller that encodes each message into one reused
/// buffer pays for a single copy, the one librdkafka makes. `tryEnqueue` is synchronous and never waits: a full
/// local queue is answered with `false`, so a hot loop only suspends (`waitForQueueSpace`) when it must.
///
/// Delivery outcomes go to the producer's `statistics` and `flush`, as for `KafkaProducer.enqueue`. The handle
/// keeps its producer alive; closing the producer makes every handle refuse new messages with `.closed`.
public final class KafkaTopic: @unchecked Sendable {
    // @unchecked: `rd_kafka_topic_t` is documented thread-safe for producing, and the pointer never changes.
    public let name: String
    public let producer: KafkaProducer
    private let handle: OpaquePointer

    init(producer: KafkaProducer, name: String) throws(KafkaError) {
        guard let handle = rd_kafka_topic_new(producer.client.pointer, name, nil) else {
            throw KafkaError(native: rd_kafka_last_error(), context: "topic \"\(name)\"")
        }
        self.name = name
        self.producer = producer
        self.handle = handle
    }

    deinit {
        // Before the client: this object holds the producer, so the `rd_kafka_t` outlives its topic handle.
        rd_kafka_topic_destroy(handle)
    }

    /// Hands one message to librdkafka, which copies key and value before this returns; never waits.
    ///
    /// - Parameters:
    ///   - value: nil sends a null value (a tombstone); an empty buffer sends an empty one.
    ///   - partition: nil lets librdkafka's partitioner choose (by key hash when there is a key).
    /// - Returns: false when librdkafka's local queue is full: nothing was queued; await `waitForQueueSpace()`
    ///   and try again.
    /// - Throws: `KafkaError` for a message librdkafka refuses outright (`.messageSizeTooLarge`,
    ///   `.unknownPartition`) or when the producer is closed.
    public func tryEnqueue(value: UnsafeRawBufferPointer?, key: UnsafeRawBufferPointer? = nil, partition: Int32? = nil) throws(KafkaError) -> Bool {
        let ledger = producer.ledger
        guard ledger.beginEnqueue() else {
            throw KafkaProducer.closedError(topic: name)
        }
        defer { ledger.endEnqueue() }
        let result = withOptionalRawBytes(key) { keyBytes, keyCount in
            withOptionalRawBytes(value) { valueBytes, valueCount in
                rd_kafka_produce(
                    handle, partition ?? crdkafka_partition_unassigned(), RD_KAFKA_MSG_F_COPY,
                    valueBytes.map { UnsafeMutableRawPointer(mutating: $0) }, valueCount, keyBytes, keyCount, nil
                )
            }
        }
        if result == 0 {
            return true
        }
        let code = rd_kafka_last_error()
        if code == RD_KAFKA_RESP_ERR__QUEUE_FULL {
            return false
        }
        let place = partition.map { "topic \"\(name)\" partition \($0)" } ?? "topic \"\(name)\""
        let size = value.map { ", value of \($0.count) bytes" } ?? ""
        throw KafkaError(native: code, context: "produce to \(place)\(size)")
    }

    /// The same for arrays, waiting while librdkafka's local queue is full; with headers it goes through the
    /// producer's general path (librdkafka's fixed-argument produce call carries no headers).
    nonisolated(nonsending) public func enqueue(value: [UInt8]?, key: [UInt8]? = nil, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws(KafkaError) {
        if !headers.isEmpty {
            try await producer.enqueue(topic: name, partition: partition, key: key, value: value, headers: headers)
            return
        }
        while true {
            let accepted = try withOptionalArrayBytes(key) { (keyBuffer) throws(KafkaError) -> Bool in
                try withOptionalArrayBytes(value) { (valueBuffer) throws(KafkaError) -> Bool in
                    try tryEnqueue(value: valueBuffer, key: keyBuffer, partition: partition)
                }
            }
            if accepted {
                return
            }
            try await waitForQueueSpace()
        }
    }

    /// Back-pressure after `tryEnqueue` returned false: serves delivery reports (which frees queue slots) and
    /// pauses briefly. Throws `.closed` once the producer is closed, `.queueFull` when the task is cancelled.
    nonisolated(nonsending) public func waitForQueueSpace() async throws(KafkaError) {
        try await producer.waitForQueueSpace(topic: name)
    }
}

/// Passes (pointer, length) to C, keeping Kafka's null vs empty distinction: an empty buffer may have no base
/// address, so a one-byte stand-in gives it a non-NULL one.
@inline(__always)
private func withOptionalRawBytes<Result>(_ bytes: UnsafeRawBufferPointer?, _ body: (UnsafeRawPointer?, Int) -> Result) -> Result {
    guard let bytes else {
        return body(nil, 0)
    }
    if let base = bytes.baseAddress {
        return body(base, bytes.count)
    }
    var placeholder: UInt8 = 0
    return withUnsafeBytes(of: &placeholder) { stand in body(stand.baseAddress, 0) }
}

@inline(__always)
private func withOptionalArrayBytes<Result>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) throws(KafkaError) -> Result) throws(KafkaError) -> Result {
    guard let bytes else {
        return try body(nil)
    }
    let outcome = bytes.withUnsafeBytes { buffer -> Swift.Result<Result, KafkaError> in
        do throws(KafkaError) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    return try outcome.get()
}
