import RegistryCore

/// The registry reads both loaders (Avro and JSON Schema) go through: one schema by id, and the schemas a
/// reference list reaches, walked the way the registry resolves them.
enum ReferenceResolution {
    /// Bound on reference chains: a cycle or an absurdly deep chain is refused rather than followed forever.
    static let maxDepth = 32

    static func schema(id: Int, from registry: any SchemaRegistryService) async throws(SerdeError) -> StoredSchema {
        do {
            return try await registry.schema(id: id)
        } catch {
            throw .registry(error, context: "fetching schema id \(id)")
        }
    }

    /// Every schema the references reach, each once, dependencies before the schemas that use them. `accept`
    /// sees each referenced schema before its own references are followed, so a wrong kind is refused first.
    static func resolve(
        _ references: [SchemaReference], from registry: any SchemaRegistryService,
        accept: (SchemaReference, StoredSchema) throws(SerdeError) -> Void = { _, _ in }
    ) async throws(SerdeError) -> [(reference: SchemaReference, schema: StoredSchema)] {
        var resolved: [(reference: SchemaReference, schema: StoredSchema)] = []
        var seen = Set<SchemaReference>()
        try await collect(references, from: registry, accept: accept, into: &resolved, seen: &seen, depth: 0)
        return resolved
    }

    private static func collect(
        _ references: [SchemaReference], from registry: any SchemaRegistryService,
        accept: (SchemaReference, StoredSchema) throws(SerdeError) -> Void,
        into resolved: inout [(reference: SchemaReference, schema: StoredSchema)],
        seen: inout Set<SchemaReference>, depth: Int
    ) async throws(SerdeError) {
        guard depth < maxDepth else {
            throw .invalidSchema("schema references nest deeper than \(maxDepth) levels")
        }
        for reference in references where seen.insert(reference).inserted {
            let version: SubjectVersion
            do {
                version = try await registry.version(subject: reference.subject, .number(reference.version), includeDeleted: true)
            } catch {
                throw .registry(error, context: "resolving reference \(reference.name) (\(reference.subject) version \(reference.version))")
            }
            try accept(reference, version.schema)
            try await collect(version.schema.references, from: registry, accept: accept, into: &resolved, seen: &seen, depth: depth + 1)
            resolved.append((reference, version.schema))
        }
    }
}
