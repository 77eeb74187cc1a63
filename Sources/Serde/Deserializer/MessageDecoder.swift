import RegistryCore
import Synchronization

/// A framed message turned back into JSON text, with what decided its shape.
public struct DecodedMessage: Sendable, Equatable {
    public var schemaID: Int
    public var schemaType: SchemaType
    /// Avro: the datum in Avro's plain JSON form; JSON: the payload as written.
    public var json: String

    public init(schemaID: Int, schemaType: SchemaType, json: String) {
        self.schemaID = schemaID
        self.schemaType = schemaType
        self.json = json
    }
}

/// Decodes any Confluent-framed message to JSON text, whatever format its writer schema has: the id in the
/// header names a registry schema, whose `schemaType` picks the Avro or the JSON Schema deserializer. This is
/// what a consumer that prints records (`consume`) needs when a topic may carry either.
public final class MessageDecoder: Sendable {
    public let registry: any SchemaRegistryService
    private let avro: AvroDeserializer
    private let json: JSONSchemaDeserializer
    private let types = Mutex<[Int: SchemaType]>([:])

    /// - Parameter validateJSON: Whether JSON payloads are checked against their schema (Avro payloads always
    ///   are, by decoding).
    public init(registry: any SchemaRegistryService, validateJSON: Bool = true) throws(SerdeError) {
        self.registry = registry
        self.avro = try AvroDeserializer(registry: registry)
        self.json = JSONSchemaDeserializer(registry: registry, validate: validateJSON)
    }

    /// - Throws: `SerdeError`: not framed, unknown id, a PROTOBUF schema, or a payload its schema does not decode.
    public func decodeToJSON(_ bytes: [UInt8]) async throws(SerdeError) -> DecodedMessage {
        let id = Int(try ConfluentFraming.parseHeader(bytes).schemaID)
        let type = try await schemaType(id: id)
        switch type {
        case .avro:
            return DecodedMessage(schemaID: id, schemaType: type, json: try await avro.deserializeJSON(bytes))
        case .json:
            return DecodedMessage(schemaID: id, schemaType: type, json: try await json.deserializeText(bytes))
        case .protobuf:
            throw .unsupportedSchemaType(type, schemaID: id)
        }
    }

    private func schemaType(id: Int) async throws(SerdeError) -> SchemaType {
        if let known = types.withLock({ $0[id] }) { return known }
        let stored: StoredSchema
        do {
            stored = try await registry.schema(id: id)
        } catch {
            throw .registry(error, context: "fetching schema id \(id)")
        }
        types.withLock { $0[id] = stored.schemaType }
        return stored.schemaType
    }
}
