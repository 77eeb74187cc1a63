import JSONValue
import RegistryCore
import Synchronization

/// Fetches JSON schemas from the registry by id, gathers what their references name (recursively, by reference
/// name, as the registry resolves `$ref`s) and compiles each one once.
final class JSONSchemaLoader: Sendable {
    let registry: any SchemaRegistryService
    private let compiled = Mutex<[Int: CompiledJSONSchema]>([:])
    /// Bound on reference chains, as for Avro: a cycle or an absurd chain is refused, not followed forever.
    private let maxReferenceDepth = 32

    init(registry: any SchemaRegistryService) {
        self.registry = registry
    }

    func cached(id: Int) -> CompiledJSONSchema? {
        compiled.withLock { $0[id] }
    }

    func schema(id: Int) async throws(SerdeError) -> CompiledJSONSchema {
        if let hit = cached(id: id) { return hit }
        let stored: StoredSchema
        do {
            stored = try await registry.schema(id: id)
        } catch {
            throw .registry(error, context: "fetching schema id \(id)")
        }
        return try await compile(stored)
    }

    /// Compiles a schema the registry returned; anything but JSON is `unsupportedSchemaType`.
    func compile(_ stored: StoredSchema) async throws(SerdeError) -> CompiledJSONSchema {
        if let hit = cached(id: stored.id) { return hit }
        guard stored.schemaType == .json else { throw .unsupportedSchemaType(stored.schemaType, schemaID: stored.id) }
        let schema = try CompiledJSONSchema(
            id: stored.id, root: try Self.parse(stored.schema, what: "schema \(stored.id)"),
            references: try await references(of: stored.references))
        compiled.withLock { $0[stored.id] = schema }
        return schema
    }

    /// Every schema the references reach, by reference name.
    func references(of references: [SchemaReference]) async throws(SerdeError) -> [String: JSONValue] {
        var named: [String: JSONValue] = [:]
        var seen = Set<SchemaReference>()
        try await collect(references, into: &named, seen: &seen, depth: 0)
        return named
    }

    private func collect(_ references: [SchemaReference], into named: inout [String: JSONValue], seen: inout Set<SchemaReference>, depth: Int) async throws(SerdeError) {
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
            guard version.schema.schemaType == .json else {
                throw .invalidSchema("reference \(reference.name) is a \(version.schema.schemaType.rawValue) schema, not JSON")
            }
            try await collect(version.schema.references, into: &named, seen: &seen, depth: depth + 1)
            named[reference.name] = try Self.parse(version.schema.schema, what: "reference \(reference.name)")
        }
    }

    static func parse(_ text: String, what: String) throws(SerdeError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw .invalidSchema("\(what) is not JSON: \(error)")
        }
    }
}
