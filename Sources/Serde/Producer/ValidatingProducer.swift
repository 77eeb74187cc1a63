import Avro
import Kafka
import RegistryCore

/// A `KafkaProducer` that lets only valid data through: each message is validated against its topic's
/// registered schema and encoded in Confluent's wire format before librdkafka sees it. A message that does not
/// fit throws `ValidationError` (topic, subject, schema id and version, JSON pointer, expected vs actual) and is
/// never sent to its topic; with a dead-letter topic configured, a copy goes there with the reason in headers.
/// JSON text sent to a topic whose subject holds a JSON schema is validated with the JSON Schema engine and
/// written as is (magic byte, id, UTF-8 JSON); for an Avro subject it is Avro-encoded.
///
/// Errors thrown: `ValidationError` (the message), `SerdeError` (no usable schema: unknown subject, registry
/// down, ...), `KafkaError` (the broker side). The wrapped producer is not closed by this type.
public final class ValidatingProducer: Sendable {
    public let producer: KafkaProducer
    public let configuration: ValidatingProducerConfiguration
    public let valueSerializer: AvroSerializer
    public let keySerializer: AvroSerializer
    /// Validates values of topics whose subject holds a JSON schema; the JSON-text entry points choose it by
    /// the registered `schemaType`.
    public let jsonValueSerializer: JSONSchemaSerializer
    let metrics: ProducerMetrics

    public init(producer: KafkaProducer, registry: any SchemaRegistryService, configuration: ValidatingProducerConfiguration = ValidatingProducerConfiguration()) {
        self.producer = producer
        self.configuration = configuration
        self.valueSerializer = AvroSerializer(registry: registry, configuration: configuration.value, isKey: false)
        self.keySerializer = AvroSerializer(registry: registry, configuration: configuration.key, isKey: true)
        self.jsonValueSerializer = JSONSchemaSerializer(registry: registry, configuration: configuration.value, isKey: false)
        self.metrics = ProducerMetrics(prefix: configuration.metricsPrefix, factory: configuration.metricsFactory)
    }

    // MARK: Send and wait for the broker

    /// Validates and sends `value` (key as raw bytes), then waits for the broker's acknowledgement.
    @discardableResult
    public func send(topic: String, key: [UInt8]? = nil, value: AvroValue, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws -> DeliveryReport {
        let bytes = try await encodeValue(Payload<[UInt8]>.value(value), topic: topic, key: key, headers: headers, wait: true)
        return try await deliver(topic: topic, partition: partition, key: key, value: bytes, headers: headers)
    }

    /// The same for JSON text (what services and the CLI usually hold). For an Avro subject the text is Avro's
    /// plain JSON form and is sent Avro-encoded; for a JSON Schema subject it is validated and sent as is.
    @discardableResult
    public func send(topic: String, key: [UInt8]? = nil, json: String, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws -> DeliveryReport {
        let bytes = try await encodeValue(.json(Array(json.utf8)), topic: topic, key: key, headers: headers, wait: true)
        return try await deliver(topic: topic, partition: partition, key: key, value: bytes, headers: headers)
    }

    /// Key and value both validated, each against its own subject (`<topic>-key`, `<topic>-value` by default).
    @discardableResult
    public func send(topic: String, key: AvroValue, value: AvroValue, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws -> DeliveryReport {
        let keyBytes = try await encodeKey(key, topic: topic, headers: headers, wait: true)
        let bytes = try await encodeValue(Payload<[UInt8]>.value(value), topic: topic, key: keyBytes, headers: headers, wait: true)
        return try await deliver(topic: topic, partition: partition, key: keyBytes, value: bytes, headers: headers)
    }

    // MARK: Enqueue for throughput

    /// Validates `value` and hands it to librdkafka without waiting for delivery; `flush` waits for all of them,
    /// and `producer.statistics` counts delivered and failed. Validation errors still throw right away.
    public func enqueue(topic: String, key: [UInt8]? = nil, value: AvroValue, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        let bytes = try await encodeValue(Payload<[UInt8]>.value(value), topic: topic, key: key, headers: headers, wait: false)
        try await producer.enqueue(topic: topic, partition: partition, key: key, value: bytes, headers: headers)
        metrics.topic(topic).sent.increment()
    }

    public func enqueue(topic: String, key: [UInt8]? = nil, json: some Collection<UInt8>, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        let bytes = try await encodeValue(.json(json), topic: topic, key: key, headers: headers, wait: false)
        try await producer.enqueue(topic: topic, partition: partition, key: key, value: bytes, headers: headers)
        metrics.topic(topic).sent.increment()
    }

    public func enqueue(topic: String, key: AvroValue, value: AvroValue, headers: [KafkaHeader] = [], partition: Int32? = nil) async throws {
        let keyBytes = try await encodeKey(key, topic: topic, headers: headers, wait: false)
        let bytes = try await encodeValue(Payload<[UInt8]>.value(value), topic: topic, key: keyBytes, headers: headers, wait: false)
        try await producer.enqueue(topic: topic, partition: partition, key: keyBytes, value: bytes, headers: headers)
        metrics.topic(topic).sent.increment()
    }

    /// Waits until everything enqueued so far is delivered or failed.
    public func flush(timeout: Duration) async throws(KafkaError) {
        try await producer.flush(timeout: timeout)
    }

    // MARK: Validation

    private func deliver(topic: String, partition: Int32?, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]) async throws -> DeliveryReport {
        let report = try await producer.send(topic: topic, partition: partition, key: key, value: value, headers: headers)
        metrics.topic(topic).sent.increment()
        return report
    }

    private func encodeValue(_ payload: Payload<some Collection<UInt8>>, topic: String, key: [UInt8]?, headers: [KafkaHeader], wait: Bool) async throws -> [UInt8] {
        if case .json(let json) = payload, let target = try await jsonTarget(topic: topic) {
            return try await encodeJSON(json, topic: topic, target: target, key: key, headers: headers, wait: wait)
        }
        let target: SerializationTarget
        if let hit = valueSerializer.cachedTarget(topic: topic) {
            target = hit
        } else {
            target = try await valueSerializer.target(topic: topic)
        }
        let topicMetrics = metrics.topic(topic)
        let start = ContinuousClock.now
        do {
            let bytes: [UInt8]
            switch payload {
            case .value(let value): bytes = try valueSerializer.encode(value, topic: topic, with: target)
            case .json(let json): bytes = try valueSerializer.encode(json: json, topic: topic, with: target)
            }
            topicMetrics.validation.recordNanoseconds((ContinuousClock.now - start).wholeNanoseconds)
            return bytes
        } catch {
            topicMetrics.validation.recordNanoseconds((ContinuousClock.now - start).wholeNanoseconds)
            throw await reject(error, key: key, original: payload.originalBytes, headers: headers, wait: wait)
        }
    }

    /// The topic's JSON Schema target when its value subject holds a JSON schema; nil for any other type. The
    /// Avro serializer resolves first (the common case) and says when the schema is JSON; each serializer then
    /// caches its own answer, so the choice costs nothing per message.
    func jsonTarget(topic: String) async throws -> JSONSerializationTarget? {
        if let hit = jsonValueSerializer.cachedTarget(topic: topic) { return hit }
        if valueSerializer.cachedTarget(topic: topic) != nil { return nil }
        do {
            _ = try await valueSerializer.target(topic: topic)
            return nil
        } catch .unsupportedSchemaType(.json, _) {
            return try await jsonValueSerializer.target(topic: topic)
        }
    }

    private func encodeJSON(_ json: some Collection<UInt8>, topic: String, target: JSONSerializationTarget, key: [UInt8]?, headers: [KafkaHeader], wait: Bool) async throws -> [UInt8] {
        let topicMetrics = metrics.topic(topic)
        let start = ContinuousClock.now
        do {
            let bytes = try jsonValueSerializer.encode(json: json, topic: topic, with: target)
            topicMetrics.validation.recordNanoseconds((ContinuousClock.now - start).wholeNanoseconds)
            return bytes
        } catch {
            topicMetrics.validation.recordNanoseconds((ContinuousClock.now - start).wholeNanoseconds)
            throw await reject(error, key: key, original: Array(json), headers: headers, wait: wait)
        }
    }

    private func encodeKey(_ key: AvroValue, topic: String, headers: [KafkaHeader], wait: Bool) async throws -> [UInt8] {
        let target = try await keySerializer.target(topic: topic)
        do {
            return try keySerializer.encode(key, topic: topic, with: target)
        } catch {
            throw await reject(error, key: nil, original: Array(String(describing: key).utf8), headers: headers, wait: wait)
        }
    }

    /// Counts the refusal and, when configured, writes the original to the dead-letter topic.
    func reject(_ error: ValidationError, key: [UInt8]?, original: [UInt8], headers: [KafkaHeader], wait: Bool) async -> ValidationError {
        metrics.rejected(topic: error.topic, reason: error.reason.rawValue)
        guard let deadLetterTopic = configuration.deadLetterTopic else { return error }
        var result = error
        let letterHeaders = DeadLetterHeaders.make(for: error, original: headers)
        do throws(KafkaError) {
            if wait {
                _ = try await producer.send(topic: deadLetterTopic, key: key, value: original, headers: letterHeaders)
            } else {
                try await producer.enqueue(topic: deadLetterTopic, key: key, value: original, headers: letterHeaders)
            }
            result.deadLetter = .written(topic: deadLetterTopic)
        } catch {
            result.deadLetter = .failed(topic: deadLetterTopic, error)
        }
        return result
    }
}

extension ValidatingProducer {
    /// `reject` for callers that must not suspend: the dead-letter copy is handed over only if librdkafka's
    /// queue has room. Nil when it has none; nothing is counted or written then, and the caller falls back to
    /// the waiting path, which refuses the message again and waits for room.
    func rejectWithoutWaiting(_ error: ValidationError, key: [UInt8]?, original: [UInt8]) -> ValidationError? {
        var result = error
        if let deadLetterTopic = configuration.deadLetterTopic {
            do throws(KafkaError) {
                let letterHeaders = DeadLetterHeaders.make(for: error, original: [])
                guard try producer.tryEnqueue(topic: deadLetterTopic, key: key, value: original, headers: letterHeaders) else { return nil }
                result.deadLetter = .written(topic: deadLetterTopic)
            } catch {
                result.deadLetter = .failed(topic: deadLetterTopic, error)
            }
        }
        metrics.rejected(topic: error.topic, reason: error.reason.rawValue)
        return result
    }
}

/// A message as the caller gave it: a value to encode, or JSON text to validate and convert.
private enum Payload<JSON: Collection<UInt8>> {
    case value(AvroValue)
    case json(JSON)

    /// What the dead-letter topic receives: the JSON text as given, or a rendering of the value.
    var originalBytes: [UInt8] {
        switch self {
        case .value(let value): return Array(String(describing: value).utf8)
        case .json(let json): return Array(json)
        }
    }
}

extension Duration {
    var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue + attoseconds / 1_000_000_000
    }
}
