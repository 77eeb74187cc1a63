import Avro
import RegistryCore
import Synchronization

/// Writes Avro data in Confluent's wire format, byte for byte what Confluent's `KafkaAvroSerializer` writes
/// for the same schema id and datum. Each topic's schema is resolved once (see `SerializerConfiguration`)
/// and compiled once; after that a message costs one dictionary lookup plus the encoding.
///
/// Give it a `CachingRegistryClient` (or the in-process `Registry`) so that resolution stays cheap when
/// many serializers share a registry.
public final class AvroSerializer: Sendable {
    public let configuration: SerializerConfiguration
    /// Keys and values of one topic live under different subjects (`-key` / `-value`).
    public let isKey: Bool
    let loader: SchemaLoader
    private let targets = Mutex<[String: SerializationTarget]>([:])
    private let localSchema = Mutex<AvroParsedSchema?>(nil)

    public init(registry: any SchemaRegistryService, configuration: SerializerConfiguration = SerializerConfiguration(), isKey: Bool = false) {
        self.configuration = configuration
        self.isKey = isKey
        self.loader = SchemaLoader(registry: registry)
    }

    var registry: any SchemaRegistryService { loader.registry }

    // MARK: Serializing

    /// Validates `value` against the topic's schema and frames it.
    /// - Throws: `ValidationError` when the value does not fit; `SerdeError` when no schema could be had.
    public func serialize(topic: String, _ value: AvroValue) async throws -> [UInt8] {
        let target = try await target(topic: topic)
        return try encode(value, topic: topic, with: target)
    }

    /// Validates JSON text (UTF-8, Avro's plain JSON: union branches inferred or `{"type": value}` wrapped)
    /// and frames its Avro encoding.
    public func serialize(topic: String, json: some Collection<UInt8>) async throws -> [UInt8] {
        let target = try await target(topic: topic)
        return try encode(json: json, topic: topic, with: target)
    }

    /// The synchronous half of `serialize`, for callers that resolved `target` already.
    public func encode(_ value: AvroValue, topic: String, with target: SerializationTarget) throws(ValidationError) -> [UInt8] {
        var out: [UInt8] = []
        ConfluentFraming.writeHeader(schemaID: Int32(truncatingIfNeeded: target.schemaID), into: &out)
        do {
            try target.schema.codec.encode(value, into: &out)
        } catch {
            throw validationError(error, topic: topic, target: target)
        }
        return out
    }

    public func encode(json: some Collection<UInt8>, topic: String, with target: SerializationTarget) throws(ValidationError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ConfluentFraming.headerSize + json.count)
        ConfluentFraming.writeHeader(schemaID: Int32(truncatingIfNeeded: target.schemaID), into: &out)
        do {
            try target.schema.codec.encode(json: json, into: &out)
        } catch {
            throw validationError(error, topic: topic, target: target)
        }
        return out
    }

    func validationError(_ error: AvroDataError, topic: String, target: SerializationTarget) -> ValidationError {
        ValidationError(topic: topic, subject: target.subject, schemaID: target.schemaID, schemaVersion: target.version, isKey: isKey, error: error)
    }

    // MARK: Resolving the schema

    /// The schema `topic` is written with: cached, or resolved from the registry now.
    public func target(topic: String) async throws(SerdeError) -> SerializationTarget {
        if let hit = cachedTarget(topic: topic) { return hit }
        let target = try await resolve(topic: topic)
        targets.withLock { $0[topic] = target }
        return target
    }

    /// The cached target when still fresh; no suspension, for the hot path.
    public func cachedTarget(topic: String) -> SerializationTarget? {
        guard let hit = targets.withLock({ $0[topic] }) else { return nil }
        if let refresh = hit.refreshAfter, ContinuousClock.now >= refresh { return nil }
        return hit
    }

    private func resolve(topic: String) async throws(SerdeError) -> SerializationTarget {
        let strategy = configuration.subjectNameStrategy
        if let id = configuration.schemaID {
            let schema = try await loader.schema(id: id)
            let recordName = try await localRecordName() ?? schema.recordName
            let subject = try? strategy.subject(topic: topic, isKey: isKey, recordName: recordName)
            return SerializationTarget(subject: subject, schema: schema, version: await versionOf(id: id, under: subject), refreshAfter: nil)
        }
        let subject = try strategy.subject(topic: topic, isKey: isKey, recordName: try await localRecordName())
        if let number = configuration.schemaVersion {
            return try await fetch(subject: subject, .number(number), refreshAfter: nil)
        }
        guard let text = configuration.schema, !configuration.useLatestVersion else {
            return try await fetch(subject: subject, .latest, refreshAfter: ContinuousClock.now + configuration.latestRefresh)
        }
        let submission = SchemaSubmission(schema: text, schemaType: .avro, references: configuration.references)
        let found = try await SubjectVersionLookup.configured(submission, subject: subject, configuration: configuration,
                                                              registry: registry, label: "configured schema")
        return SerializationTarget(subject: subject, schema: try await loader.compile(found.schema), version: found.version, refreshAfter: nil)
    }

    private func fetch(subject: String, _ selector: VersionSelector, refreshAfter: ContinuousClock.Instant?) async throws(SerdeError) -> SerializationTarget {
        let found = try await SubjectVersionLookup.version(subject: subject, selector, registry: registry)
        return SerializationTarget(subject: subject, schema: try await loader.compile(found.schema), version: found.version, refreshAfter: refreshAfter)
    }

    private func versionOf(id: Int, under subject: String?) async -> Int? {
        await SubjectVersionLookup.version(ofID: id, under: subject, registry: registry)
    }

    /// The record name of the configured schema, parsed once; nil without one or when no strategy needs it.
    private func localRecordName() async throws(SerdeError) -> String? {
        guard configuration.subjectNameStrategy.needsRecordName, let text = configuration.schema else { return nil }
        if let parsed = localSchema.withLock({ $0 }) { return parsed.root.fullName?.fullName }
        let parsed = try await loader.compileLocal(text, references: configuration.references)
        localSchema.withLock { $0 = parsed }
        return parsed.root.fullName?.fullName
    }
}
