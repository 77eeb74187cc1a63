import Avro
import JSONSchema
import JSONValue
import RegistryCore

/// Reads Confluent-framed JSON (JSON Schema subjects): finds the writer schema by the id in the header (fetched
/// and compiled once per id) and, unless told otherwise, validates the payload against it, as confluent-kafka's
/// `JSONDeserializer` does by default.
public final class JSONSchemaDeserializer: Sendable {
    let loader: JSONSchemaLoader
    /// Whether payloads are checked against their writer schema. Off trusts the producer and skips the schema
    /// fetch entirely.
    public let validate: Bool

    public init(registry: any SchemaRegistryService, validate: Bool = true) {
        self.loader = JSONSchemaLoader(registry: registry)
        self.validate = validate
    }

    /// The payload as JSON text, exactly as written.
    /// - Throws: `.notFramed`; `.undecodable` when the payload is not UTF-8 JSON or (validating) does not fit
    ///   its schema; `.registry`/`.unsupportedSchemaType` when the id is unknown or not a JSON schema.
    public func deserializeText(_ bytes: [UInt8]) async throws(SerdeError) -> String {
        let (id, offset) = try ConfluentFraming.parseHeader(bytes)
        let payload = bytes[offset...]
        guard let text = String(validating: payload, as: UTF8.self) else {
            throw .undecodable(schemaID: Int(id), AvroDataError(.invalidUTF8, expected: "UTF-8 JSON text", actual: "bytes that are not UTF-8"))
        }
        guard validate else {
            // Still refuse what is not JSON at all: a consumer should not hand garbage on as a document.
            do {
                _ = try JSONParser.parse(text)
            } catch {
                throw .undecodable(schemaID: Int(id), AvroDataError(.invalidJSON, expected: "JSON text", actual: error.description))
            }
            return text
        }
        let schema = try await loader.schema(id: Int(id))
        guard schema.validator.isValid(jsonText: text) else {
            let instance = try? JSONParser.parse(text)
            let errors = instance.map { schema.validator.validate($0) } ?? schema.validator.validate(jsonText: text)
            throw .undecodable(schemaID: schema.id, JSONSchemaFailure.dataError(errors, instance: instance, schema: schema.root))
        }
        return text
    }

    /// The payload parsed.
    public func deserialize(_ bytes: [UInt8]) async throws(SerdeError) -> JSONValue {
        let text = try await deserializeText(bytes)
        do {
            return try JSONParser.parse(text)
        } catch {
            throw .undecodable(schemaID: Int(try ConfluentFraming.parseHeader(bytes).schemaID), AvroDataError(.invalidJSON, expected: "JSON text", actual: error.description))
        }
    }
}
