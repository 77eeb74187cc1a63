import Avro
import JSONSchema
import JSONValue
import RegistryCore

/// One subject's schema, parsed from a folder or a baseline in its own format. The check, the examples and the
/// baselines pass this around, and the few places that differ by format switch on it once.
public enum FolderSchema: Sendable {
    case avro(AvroParsedSchema)
    case json(JSONFolderSchema)

    public var schemaType: SchemaType {
        switch self {
        case .avro: return .avro
        case .json: return .json
        }
    }

    /// The Avro schema, for callers (such as `validate`) that only handle Avro.
    public var avro: AvroParsedSchema? {
        if case .avro(let schema) = self { return schema }
        return nil
    }
}

/// A compiled JSON Schema with every schema it reaches through references, by reference name: Confluent-style
/// references, where a `$ref` names the reference rather than a URL.
public struct JSONFolderSchema: Sendable {
    /// The schema document as written.
    public let root: JSONValue
    /// Referenced documents by reference name, the references of references included.
    public let references: [String: JSONValue]
    public let validator: JSONSchemaValidator

    public init(root: JSONValue, references: [String: JSONValue], validator: JSONSchemaValidator) {
        self.root = root
        self.references = references
        self.validator = validator
    }

    /// Compiles `root` with `references`; the error's location is the failing subschema's URI.
    public init(compiling root: JSONValue, references: [String: JSONValue]) throws(JSONSchemaError) {
        var options = JSONSchemaOptions()
        options.externalSchemas = references
        self.init(root: root, references: references,
                  validator: try JSONSchemaValidator(schema: root, options: options))
    }

    /// The pointer into the compiled document for a compiler location; locations in referenced documents keep
    /// their URI (they are in another file).
    static func pointer(ofCompilerLocation location: String) -> String {
        let base = JSONSchemaValidator.defaultBaseURI
        if location == base || location == base + "#" { return "" }
        guard location.hasPrefix(base + "#") else { return location }
        return String(location.dropFirst(base.count + 1))
    }
}
