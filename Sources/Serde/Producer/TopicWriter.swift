import Avro
import Kafka
import RegistryCore

extension ValidatingProducer {
    /// A writer for one topic, for producing many messages to it. Resolves what `enqueue(topic:...)` looks up
    /// per message (the value schema, Avro or JSON Schema by the subject's `schemaType`; the metrics; the
    /// librdkafka topic) once, here.
    /// - Throws: `SerdeError` when the topic has no usable schema, `KafkaError` when librdkafka refuses the name.
    public func writer(topic: String) async throws -> TopicWriter {
        let format = try await format(topic: topic)
        let kafkaTopic = try producer.topic(topic)
        return TopicWriter(owner: self, kafkaTopic: kafkaTopic, format: format, metrics: metrics.recorder(topic))
    }

    /// The topic's value schema; the Avro serializer resolves first and says when the subject is JSON Schema.
    func format(topic: String) async throws -> TopicFormat {
        if let json = try await jsonTarget(topic: topic) {
            return .json(json)
        }
        return .avro(try await valueSerializer.target(topic: topic))
    }
}

/// The schema a `TopicWriter` validates values with.
enum TopicFormat: Sendable {
    case avro(SerializationTarget)
    case json(JSONSerializationTarget)

    var schemaID: Int {
        switch self {
        case .avro(let target): target.schemaID
        case .json(let target): target.schemaID
        }
    }

    var subject: String? {
        switch self {
        case .avro(let target): target.subject
        case .json(let target): target.subject
        }
    }

    var version: Int? {
        switch self {
        case .avro(let target): target.version
        case .json(let target): target.version
        }
    }

    var refreshAfter: ContinuousClock.Instant? {
        switch self {
        case .avro(let target): target.refreshAfter
        case .json(let target): target.refreshAfter
        }
    }
}

/// One topic's validating path with everything resolved up front and one output buffer reused for every
/// message: per message it costs the validation and encoding, one copy into librdkafka, and no suspension.
/// Made by `ValidatingProducer.writer(topic:)`; validation, errors, dead letters and metrics are those of the
/// producer's `enqueue`.
///
/// Two ways in: `tryEnqueue` is synchronous and returns false whenever it would have to wait (librdkafka's
/// queue is full, or a latest-version schema is due for its refresh); `enqueue` does the same work and waits
/// when needed. A hot loop calls the first and falls back to the second for that one message.
///
/// Keys are raw bytes; for Avro-encoded keys use the producer's `enqueue(topic:key:value:)`.
public struct TopicWriter: Sendable {
    private let owner: ValidatingProducer
    private let kafkaTopic: KafkaTopic
    private var format: TopicFormat
    /// The Avro codec when the subject is Avro, kept apart so the hot path touches no enum payload.
    private var codec: AvroCodec?
    private let metrics: ProducerMetrics.Topic?
    /// When a latest-version schema is due to be asked for again; nil for a pinned one.
    private var refreshAfter: ContinuousClock.Instant?
    /// The framing header of the current schema followed by the last message's payload.
    private var buffer: [UInt8] = []
    /// Messages left before the clock is read again to see whether a latest-version schema is due.
    private var checksUntilRefresh = 0

    init(owner: ValidatingProducer, kafkaTopic: KafkaTopic, format: TopicFormat, metrics: ProducerMetrics.Topic?) {
        self.owner = owner
        self.kafkaTopic = kafkaTopic
        self.format = format
        self.metrics = metrics
        self.codec = nil
        self.refreshAfter = nil
        adopt(format)
    }

    public var topic: String { kafkaTopic.name }
    public var schemaID: Int { format.schemaID }
    /// Nil only for a schema pinned by id when no subject could be derived.
    public var subject: String? { format.subject }
    public var schemaVersion: Int? { format.version }
    public var schemaType: SchemaType {
        switch format {
        case .avro: .avro
        case .json: .json
        }
    }

    // MARK: Without waiting

    /// Validates JSON text (UTF-8; Avro's plain JSON for an Avro subject), encodes it and hands it to
    /// librdkafka, all before returning.
    /// - Returns: false when nothing was sent because it would have to wait; call `enqueue` for this message
    ///   (which validates it again: the encoded bytes are not kept across calls).
    /// - Throws: `ValidationError` (never sent; dead-lettered when configured), `KafkaError` for a message
    ///   librdkafka refuses outright (too large, closed).
    public mutating func tryEnqueue(json: UnsafeBufferPointer<UInt8>, key: UnsafeRawBufferPointer? = nil, partition: Int32? = nil) throws -> Bool {
        if refreshIsDue() {
            return false
        }
        if let refusal = encode(json: json) {
            guard let error = owner.rejectWithoutWaiting(refusal, key: key.map { Array($0) }, original: Array(json)) else {
                return false
            }
            throw error
        }
        return try handOver(key: key, partition: partition)
    }

    /// The same for an Avro value (Avro subjects only).
    /// - Throws: also `SerdeError.unsupportedSchemaType` when the subject holds a JSON schema.
    public mutating func tryEnqueue(value: AvroValue, key: UnsafeRawBufferPointer? = nil, partition: Int32? = nil) throws -> Bool {
        if refreshIsDue() {
            return false
        }
        if let refusal = try encode(value: value) {
            guard let error = owner.rejectWithoutWaiting(refusal, key: key.map { Array($0) }, original: Array(String(describing: value).utf8)) else {
                return false
            }
            throw error
        }
        return try handOver(key: key, partition: partition)
    }

    // MARK: Encoding apart from handing over

    /// Validates and encodes JSON text into `batch` without sending it; a refusal is kept in the batch (not
    /// counted or dead-lettered yet). Uses the schema this writer holds: a latest-version schema is refreshed
    /// only by the calls that send.
    public mutating func encode(json: UnsafeBufferPointer<UInt8>, into batch: inout EncodedBatch) {
        if let refusal = encode(json: json) {
            batch.entries.append(.refused(refusal, original: Array(json)))
            return
        }
        let start = batch.bytes.count
        batch.bytes.append(contentsOf: buffer)
        batch.entries.append(.encoded(start..<batch.bytes.count))
    }

    /// Hands over the batch's next entry (at `batch.position`) and moves past it: an encoded message goes to
    /// librdkafka; a refused one is counted, dead-lettered when configured, and thrown.
    /// - Returns: false when it would have to wait (nothing handed over, position unchanged): await
    ///   `waitForQueueSpace()` and call again. Also false for a finished batch.
    /// - Throws: the entry's `ValidationError`, or `KafkaError` for a message librdkafka refuses outright; the
    ///   position has moved past that entry either way.
    public func tryEnqueue(from batch: inout EncodedBatch, key: UnsafeRawBufferPointer? = nil, partition: Int32? = nil) throws -> Bool {
        guard batch.position < batch.entries.count else {
            return false
        }
        switch batch.entries[batch.position] {
        case .refused(let error, let original):
            guard let refused = owner.rejectWithoutWaiting(error, key: key.map { Array($0) }, original: original) else {
                return false
            }
            batch.position += 1
            throw refused
        case .encoded(let range):
            let kafkaTopic = self.kafkaTopic
            let outcome = batch.bytes.withUnsafeBytes { all -> Result<Bool, KafkaError> in
                do throws(KafkaError) {
                    return .success(try kafkaTopic.tryEnqueue(value: UnsafeRawBufferPointer(rebasing: all[range]), key: key, partition: partition))
                } catch {
                    return .failure(error)
                }
            }
            if case .failure = outcome {
                batch.position += 1
            }
            guard try outcome.get() else {
                return false
            }
            batch.position += 1
            metrics?.sent.increment()
            return true
        }
    }

    /// Back-pressure after a `tryEnqueue` returned false for a full queue.
    nonisolated(nonsending) public func waitForQueueSpace() async throws(KafkaError) {
        try await kafkaTopic.waitForQueueSpace()
    }

    // MARK: Waiting when needed

    /// Validates, encodes and hands over one JSON message, waiting for librdkafka's queue and refreshing a
    /// latest-version schema when due. Headers go with the message (and with its dead-letter copy).
    nonisolated(nonsending) public mutating func enqueue(json: UnsafeBufferPointer<UInt8>, key: [UInt8]? = nil, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        try await refreshIfDue()
        if let refusal = encode(json: json) {
            throw await owner.reject(refusal, key: key, original: Array(json), headers: headers, wait: false)
        }
        try await send(key: key, headers: headers, partition: partition)
    }

    nonisolated(nonsending) public mutating func enqueue(json: [UInt8], key: [UInt8]? = nil, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        try await refreshIfDue()
        if let refusal = json.withUnsafeBufferPointer({ encode(json: $0) }) {
            throw await owner.reject(refusal, key: key, original: json, headers: headers, wait: false)
        }
        try await send(key: key, headers: headers, partition: partition)
    }

    nonisolated(nonsending) public mutating func enqueue(json: String, key: [UInt8]? = nil, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        try await enqueue(json: Array(json.utf8), key: key, headers: headers, partition: partition)
    }

    /// An Avro value (Avro subjects only).
    nonisolated(nonsending) public mutating func enqueue(value: AvroValue, key: [UInt8]? = nil, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        try await refreshIfDue()
        if let refusal = try encode(value: value) {
            throw await owner.reject(refusal, key: key, original: Array(String(describing: value).utf8), headers: headers, wait: false)
        }
        try await send(key: key, headers: headers, partition: partition)
    }

    // MARK: Encoding

    /// Encodes into `buffer` after the header; the refusal when the message does not fit.
    private mutating func encode(json: UnsafeBufferPointer<UInt8>) -> ValidationError? {
        buffer.removeSubrange(ConfluentFraming.headerSize...)
        guard let metrics else {
            return encodeUntimed(json: json)
        }
        let start = ContinuousClock.now
        let refusal = encodeUntimed(json: json)
        metrics.validation.recordNanoseconds((ContinuousClock.now - start).wholeNanoseconds)
        return refusal
    }

    private mutating func encodeUntimed(json: UnsafeBufferPointer<UInt8>) -> ValidationError? {
        if let codec {
            do {
                try codec.encode(json: json, dialect: .plain, into: &buffer)
                return nil
            } catch {
                return refusal(error)
            }
        }
        guard case .json(let target) = format else {
            return nil
        }
        do {
            try owner.jsonValueSerializer.validate(json: json, topic: kafkaTopic.name, with: target)
        } catch {
            return error
        }
        buffer.append(contentsOf: json)
        return nil
    }

    private mutating func encode(value: AvroValue) throws(SerdeError) -> ValidationError? {
        guard let codec else {
            throw .unsupportedSchemaType(.json, schemaID: format.schemaID)
        }
        buffer.removeSubrange(ConfluentFraming.headerSize...)
        let start = metrics == nil ? nil : ContinuousClock.now
        var refusal: ValidationError?
        do {
            try codec.encode(value, into: &buffer)
        } catch {
            refusal = self.refusal(error)
        }
        if let start, let metrics {
            metrics.validation.recordNanoseconds((ContinuousClock.now - start).wholeNanoseconds)
        }
        return refusal
    }

    private func refusal(_ error: AvroDataError) -> ValidationError {
        ValidationError(
            topic: kafkaTopic.name, subject: format.subject, schemaID: format.schemaID, schemaVersion: format.version,
            isKey: false, error: error
        )
    }

    // MARK: Handing over

    private func handOver(key: UnsafeRawBufferPointer?, partition: Int32?) throws(KafkaError) -> Bool {
        let kafkaTopic = self.kafkaTopic
        let outcome = buffer.withUnsafeBytes { value -> Result<Bool, KafkaError> in
            do throws(KafkaError) {
                return .success(try kafkaTopic.tryEnqueue(value: value, key: key, partition: partition))
            } catch {
                return .failure(error)
            }
        }
        let accepted = try outcome.get()
        if accepted {
            metrics?.sent.increment()
        }
        return accepted
    }

    nonisolated(nonsending) private func send(key: [UInt8]?, headers: [KafkaHeader], partition: Int32?) async throws(KafkaError) {
        try await kafkaTopic.enqueue(value: buffer, key: key, headers: headers, partition: partition)
        metrics?.sent.increment()
    }

    // MARK: Schema refresh

    /// Reads the clock once per 256 messages, and only for a schema resolved as "latest".
    private mutating func refreshIsDue() -> Bool {
        guard let refreshAfter else {
            return false
        }
        if checksUntilRefresh > 0 {
            checksUntilRefresh -= 1
            return false
        }
        if ContinuousClock.now >= refreshAfter {
            return true
        }
        checksUntilRefresh = 255
        return false
    }

    nonisolated(nonsending) private mutating func refreshIfDue() async throws {
        guard let refreshAfter, ContinuousClock.now >= refreshAfter else {
            return
        }
        adopt(try await owner.format(topic: kafkaTopic.name))
    }

    private mutating func adopt(_ format: TopicFormat) {
        self.format = format
        refreshAfter = format.refreshAfter
        if case .avro(let target) = format {
            codec = target.schema.codec
        } else {
            codec = nil
        }
        buffer.removeAll(keepingCapacity: true)
        ConfluentFraming.writeHeader(schemaID: Int32(truncatingIfNeeded: format.schemaID), into: &buffer)
        checksUntilRefresh = 0
    }
}
