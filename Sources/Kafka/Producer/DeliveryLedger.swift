import CRdKafka
import Synchronization

/// Pairs librdkafka's delivery reports with the Swift tasks waiting for them, and counts the outcomes of
/// fire-and-forget messages so that nothing is lost silently.
///
/// Each awaited message carries a small integer id as its librdkafka opaque; id 0 (a NULL opaque) marks a
/// fire-and-forget message. Delivery callbacks run on the producer's polling thread.
final class DeliveryLedger: Sendable {
    typealias Waiter = CheckedContinuation<Result<DeliveryReport, KafkaError>, Never>

    private struct Book {
        var nextID: UInt = 1
        var waiting: [UInt: Waiter] = [:]
        var closed = false
    }

    private let book = Mutex(Book())
    /// Mirrors `book.closed` and counts enqueues under way without a lock: both are touched once per message on
    /// the bulk path. Sequentially consistent on both sides, so an enqueue either sees the close or is seen by
    /// it (and then waited for).
    private let closedFlag = Atomic<Bool>(false)
    private let enqueuesInProgress = Atomic<Int>(0)
    private let deliveredCount = Atomic<Int>(0)
    private let failedCount = Atomic<Int>(0)
    private let lastFailureBox = Mutex<KafkaError?>(nil)

    /// Registers a waiter and returns its id, or nil once the producer is closed.
    func register(_ waiter: Waiter) -> UInt? {
        book.withLock { book -> UInt? in
            guard !book.closed else {
                return nil
            }
            let id = book.nextID
            book.nextID &+= 1
            if book.nextID == 0 {
                book.nextID = 1
            }
            book.waiting[id] = waiter
            return id
        }
    }

    func take(_ id: UInt) -> Waiter? {
        book.withLock { $0.waiting.removeValue(forKey: id) }
    }

    /// Marks a fire-and-forget enqueue as started; false once the producer is closed.
    func beginEnqueue() -> Bool {
        enqueuesInProgress.add(1, ordering: .sequentiallyConsistent)
        if closedFlag.load(ordering: .sequentiallyConsistent) {
            enqueuesInProgress.subtract(1, ordering: .sequentiallyConsistent)
            return false
        }
        return true
    }

    func endEnqueue() {
        enqueuesInProgress.subtract(1, ordering: .sequentiallyConsistent)
    }

    var isClosed: Bool {
        closedFlag.load(ordering: .sequentiallyConsistent)
    }

    /// Refuses new messages from now on; returns false when it was already closed.
    func close() -> Bool {
        let wasOpen = book.withLock { book in
            defer { book.closed = true }
            return !book.closed
        }
        closedFlag.store(true, ordering: .sequentiallyConsistent)
        return wasOpen
    }

    /// Whether some task still waits for a report or is still handing a message to librdkafka.
    var hasOutstanding: Bool {
        enqueuesInProgress.load(ordering: .sequentiallyConsistent) > 0 || book.withLock { !$0.waiting.isEmpty }
    }

    /// Answers every remaining waiter with `error`, for when librdkafka will never report on them.
    func failAll(with error: KafkaError) {
        let waiters = book.withLock { book in
            defer { book.waiting.removeAll() }
            return Array(book.waiting.values)
        }
        for waiter in waiters {
            record(.failure(error))
            waiter.resume(returning: .failure(error))
        }
    }

    var statistics: DeliveryStatistics {
        DeliveryStatistics(
            delivered: deliveredCount.load(ordering: .relaxed),
            failed: failedCount.load(ordering: .relaxed),
            lastFailure: lastFailureBox.withLock { $0 }
        )
    }

    /// Called from librdkafka's delivery-report callback.
    func deliver(_ message: UnsafePointer<rd_kafka_message_t>) {
        let id = UInt(bitPattern: message.pointee._private)
        // Fast path for bulk producing: a fire-and-forget success only needs counting.
        if id == 0 && message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            deliveredCount.add(1, ordering: .relaxed)
            return
        }
        let outcome: Result<DeliveryReport, KafkaError>
        let topic = NativeMessage.topicName(message)
        let partition = message.pointee.partition
        if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            outcome = .success(DeliveryReport(
                topic: topic, partition: partition, offset: message.pointee.offset,
                timestamp: NativeMessage.timestamp(message)
            ))
        } else {
            let place = partition >= 0 ? "topic \"\(topic)\" partition \(partition)" : "topic \"\(topic)\""
            outcome = .failure(KafkaError(native: message.pointee.err, context: "delivery to \(place)"))
        }
        record(outcome)
        if id != 0, let waiter = take(id) {
            waiter.resume(returning: outcome)
        }
    }

    private func record(_ outcome: Result<DeliveryReport, KafkaError>) {
        switch outcome {
        case .success:
            deliveredCount.add(1, ordering: .relaxed)
        case .failure(let error):
            failedCount.add(1, ordering: .relaxed)
            lastFailureBox.withLock { $0 = error }
        }
    }
}

/// The C delivery-report callback; the configuration opaque is the producer's ledger.
let deliveryReportCallback: @convention(c) (
    OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?
) -> Void = { _, message, opaque in
    guard let message, let opaque else {
        return
    }
    Unmanaged<DeliveryLedger>.fromOpaque(opaque).takeUnretainedValue().deliver(message)
}
