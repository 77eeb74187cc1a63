import Avro
import JSONSchema
import JSONValue
import RegistryCore
import Synchronization

/// Writes JSON in Confluent's wire format for JSON Schema subjects: magic byte 0, the schema id (4 bytes, big
/// endian), then the UTF-8 JSON text, as Confluent's `KafkaJsonSchemaSerializer` and confluent-kafka's
/// `JSONSerializer` frame it. A message is written only after it validates against the subject's schema.
///
/// The text is written as given, not re-encoded: validation proves it is JSON, and re-encoding would cost a
/// parse and could change how numbers are spelled. Schema selection follows `SerializerConfiguration` exactly
/// as `AvroSerializer` does; a local `schema` is registered or looked up as `schemaType: JSON`.
public final class JSONSchemaSerializer: Sendable {
    public let configuration: SerializerConfiguration
    public let isKey: Bool
    let loader: JSONSchemaLoader
    private let targets = Mutex<[String: JSONSerializationTarget]>([:])

    public init(registry: any SchemaRegistryService, configuration: SerializerConfiguration = SerializerConfiguration(), isKey: Bool = false) {
        self.configuration = configuration
        self.isKey = isKey
        self.loader = JSONSchemaLoader(registry: registry)
    }

    var registry: any SchemaRegistryService { loader.registry }

    // MARK: Serializing

    /// Validates UTF-8 JSON text against the topic's schema and frames it.
    /// - Throws: `ValidationError` when the text is not JSON or does not fit; `SerdeError` when no schema could be had.
    public func serialize(topic: String, json: some Collection<UInt8>) async throws -> [UInt8] {
        let target = try await target(topic: topic)
        return try encode(json: json, topic: topic, with: target)
    }

    /// The synchronous half of `serialize`, for callers that resolved `target` already.
    public func encode(json: some Collection<UInt8>, topic: String, with target: JSONSerializationTarget) throws(ValidationError) -> [UInt8] {
        try validate(json: json, topic: topic, with: target)
        var out: [UInt8] = []
        out.reserveCapacity(ConfluentFraming.headerSize + json.count)
        ConfluentFraming.writeHeader(schemaID: Int32(truncatingIfNeeded: target.schemaID), into: &out)
        out.append(contentsOf: json)
        return out
    }

    /// The check `encode` makes before framing, for callers that frame into a buffer of their own.
    func validate(json: some Collection<UInt8>, topic: String, with target: JSONSerializationTarget) throws(ValidationError) {
        guard let text = String(validating: json, as: UTF8.self) else {
            throw validationError(AvroDataError(.invalidUTF8, expected: "UTF-8 JSON text", actual: "bytes that are not UTF-8"), target: target, topic: topic)
        }
        let validator = target.schema.validator
        guard validator.isValid(jsonText: text) else {
            let instance = try? JSONParser.parse(text)
            let errors = instance.map { validator.validate($0) } ?? validator.validate(jsonText: text)
            throw validationError(JSONSchemaFailure.dataError(errors, instance: instance, schema: target.schema.root), target: target, topic: topic)
        }
    }

    private func validationError(_ error: AvroDataError, target: JSONSerializationTarget, topic: String) -> ValidationError {
        ValidationError(topic: topic, subject: target.subject, schemaID: target.schemaID, schemaVersion: target.version, isKey: isKey, error: error)
    }

    // MARK: Resolving the schema

    /// The schema `topic` is written with: cached, or resolved from the registry now.
    public func target(topic: String) async throws(SerdeError) -> JSONSerializationTarget {
        if let hit = cachedTarget(topic: topic) { return hit }
        let target = try await resolve(topic: topic)
        targets.withLock { $0[topic] = target }
        return target
    }

    /// The cached target when still fresh; no suspension, for the hot path.
    public func cachedTarget(topic: String) -> JSONSerializationTarget? {
        guard let hit = targets.withLock({ $0[topic] }) else { return nil }
        if let refresh = hit.refreshAfter, ContinuousClock.now >= refresh { return nil }
        return hit
    }

    private func resolve(topic: String) async throws(SerdeError) -> JSONSerializationTarget {
        let strategy = configuration.subjectNameStrategy
        if let id = configuration.schemaID {
            let schema = try await loader.schema(id: id)
            let subject = try? strategy.subject(topic: topic, isKey: isKey, recordName: try localTitle() ?? schema.title)
            return JSONSerializationTarget(subject: subject, schema: schema, version: await versionOf(id: id, under: subject), refreshAfter: nil)
        }
        let subject = try strategy.subject(topic: topic, isKey: isKey, recordName: try localTitle())
        if let number = configuration.schemaVersion {
            return try await fetch(subject: subject, .number(number), refreshAfter: nil)
        }
        guard let text = configuration.schema, !configuration.useLatestVersion else {
            return try await fetch(subject: subject, .latest, refreshAfter: ContinuousClock.now + configuration.latestRefresh)
        }
        let submission = SchemaSubmission(schema: text, schemaType: .json, references: configuration.references)
        let found = try await SubjectVersionLookup.configured(submission, subject: subject, configuration: configuration,
                                                              registry: registry, label: "configured JSON schema")
        return JSONSerializationTarget(subject: subject, schema: try await loader.compile(found.schema), version: found.version, refreshAfter: nil)
    }

    private func fetch(subject: String, _ selector: VersionSelector, refreshAfter: ContinuousClock.Instant?) async throws(SerdeError) -> JSONSerializationTarget {
        let found = try await SubjectVersionLookup.version(subject: subject, selector, registry: registry)
        return JSONSerializationTarget(subject: subject, schema: try await loader.compile(found.schema), version: found.version, refreshAfter: refreshAfter)
    }

    private func versionOf(id: Int, under subject: String?) async -> Int? {
        await SubjectVersionLookup.version(ofID: id, under: subject, registry: registry)
    }

    /// The configured schema's `title`: what record-name strategies use for JSON, as in Confluent's serializer.
    private func localTitle() throws(SerdeError) -> String? {
        guard configuration.subjectNameStrategy.needsRecordName, let text = configuration.schema else { return nil }
        return try JSONSchemaLoader.parse(text, what: "the configured JSON schema")["title"]?.stringValue
    }
}
