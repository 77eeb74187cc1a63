import Avro
import RegistryCore
import Synchronization

/// Fetches schemas from the registry by id, resolves their references (recursively, dependencies first, as
/// the registry does) and compiles each one once. Later requests for the same id are a dictionary lookup.
final class SchemaLoader: Sendable {
    let registry: any SchemaRegistryService
    private let compiled = Mutex<[Int: CompiledSchema]>([:])

    init(registry: any SchemaRegistryService) {
        self.registry = registry
    }

    func cached(id: Int) -> CompiledSchema? {
        compiled.withLock { $0[id] }
    }

    func schema(id: Int) async throws(SerdeError) -> CompiledSchema {
        if let hit = cached(id: id) { return hit }
        return try await compile(try await ReferenceResolution.schema(id: id, from: registry))
    }

    /// Compiles a schema the registry returned (from a lookup, register or version fetch).
    func compile(_ stored: StoredSchema) async throws(SerdeError) -> CompiledSchema {
        if let hit = cached(id: stored.id) { return hit }
        guard stored.schemaType == .avro else { throw .unsupportedSchemaType(stored.schemaType, schemaID: stored.id) }
        let texts = try await referenceTexts(stored.references)
        let parsed: AvroParsedSchema
        do {
            parsed = try AvroSchemaParser.parse(stored.schema, references: texts)
        } catch {
            throw .invalidSchema("schema \(stored.id): \(error)")
        }
        let schema = try CompiledSchema(id: stored.id, parsed: parsed)
        compiled.withLock { $0[stored.id] = schema }
        return schema
    }

    /// Parses and compiles a schema given as text (the application's own), with references from the registry.
    func compileLocal(_ text: String, references: [SchemaReference]) async throws(SerdeError) -> AvroParsedSchema {
        let texts = try await referenceTexts(references)
        do {
            return try AvroSchemaParser.parse(text, references: texts)
        } catch {
            throw .invalidSchema("configured schema: \(error)")
        }
    }

    /// The referenced schemas' texts, dependencies first, as the Avro parser takes them.
    private func referenceTexts(_ references: [SchemaReference]) async throws(SerdeError) -> [String] {
        try await ReferenceResolution.resolve(references, from: registry).map(\.schema.schema)
    }
}
