import JSONValue
import RegistryCore
import Synchronization

/// Fetches JSON schemas from the registry by id, gathers what their references name (recursively, by reference
/// name, as the registry resolves `$ref`s) and compiles each one once.
final class JSONSchemaLoader: Sendable {
    let registry: any SchemaRegistryService
    private let compiled = Mutex<[Int: CompiledJSONSchema]>([:])

    init(registry: any SchemaRegistryService) {
        self.registry = registry
    }

    func cached(id: Int) -> CompiledJSONSchema? {
        compiled.withLock { $0[id] }
    }

    func schema(id: Int) async throws(SerdeError) -> CompiledJSONSchema {
        if let hit = cached(id: id) { return hit }
        return try await compile(try await ReferenceResolution.schema(id: id, from: registry))
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
        let resolved = try await ReferenceResolution.resolve(references, from: registry) { reference, schema throws(SerdeError) in
            guard schema.schemaType == .json else {
                throw .invalidSchema("reference \(reference.name) is a \(schema.schemaType.rawValue) schema, not JSON")
            }
        }
        var named: [String: JSONValue] = [:]
        for (reference, schema) in resolved {
            named[reference.name] = try Self.parse(schema.schema, what: "reference \(reference.name)")
        }
        return named
    }

    static func parse(_ text: String, what: String) throws(SerdeError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw .invalidSchema("\(what) is not JSON: \(error)")
        }
    }
}
