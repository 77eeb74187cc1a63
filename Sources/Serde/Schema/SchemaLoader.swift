import Avro
import RegistryCore
import Synchronization

/// Fetches schemas from the registry by id, resolves their references (recursively, dependencies first, as
/// the registry does) and compiles each one once. Later requests for the same id are a dictionary lookup.
final class SchemaLoader: Sendable {
    let registry: any SchemaRegistryService
    private let compiled = Mutex<[Int: CompiledSchema]>([:])
    /// Bound on reference chains: a cycle or an absurdly deep chain is refused rather than followed forever.
    private let maxReferenceDepth = 32

    init(registry: any SchemaRegistryService) {
        self.registry = registry
    }

    func cached(id: Int) -> CompiledSchema? {
        compiled.withLock { $0[id] }
    }

    func schema(id: Int) async throws(SerdeError) -> CompiledSchema {
        if let hit = cached(id: id) { return hit }
        let stored: StoredSchema
        do {
            stored = try await registry.schema(id: id)
        } catch {
            throw .registry(error, context: "fetching schema id \(id)")
        }
        return try await compile(stored)
    }

    /// Compiles a schema the registry returned (from a lookup, register or version fetch).
    func compile(_ stored: StoredSchema) async throws(SerdeError) -> CompiledSchema {
        if let hit = cached(id: stored.id) { return hit }
        guard stored.schemaType == .avro else { throw .unsupportedSchemaType(stored.schemaType, schemaID: stored.id) }
        var texts: [String] = []
        var seen = Set<SchemaReference>()
        try await collectReferences(stored.references, into: &texts, seen: &seen, depth: 0)
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
        var texts: [String] = []
        var seen = Set<SchemaReference>()
        try await collectReferences(references, into: &texts, seen: &seen, depth: 0)
        do {
            return try AvroSchemaParser.parse(text, references: texts)
        } catch {
            throw .invalidSchema("configured schema: \(error)")
        }
    }

    private func collectReferences(
        _ references: [SchemaReference], into texts: inout [String], seen: inout Set<SchemaReference>, depth: Int
    ) async throws(SerdeError) {
        guard depth < maxReferenceDepth else {
            throw .invalidSchema("schema references nest deeper than \(maxReferenceDepth) levels")
        }
        for reference in references where seen.insert(reference).inserted {
            let version: SubjectVersion
            do {
                version = try await registry.version(subject: reference.subject, .number(reference.version), includeDeleted: true)
            } catch {
                throw .registry(error, context: "resolving reference \(reference.name) (\(reference.subject) version \(reference.version))")
            }
            try await collectReferences(version.schema.references, into: &texts, seen: &seen, depth: depth + 1)
            texts.append(version.schema.schema)
        }
    }
}
