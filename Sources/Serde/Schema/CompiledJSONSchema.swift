import JSONSchema
import JSONValue

/// A registry JSON schema compiled once, shared by every message validated or read with it.
public struct CompiledJSONSchema: Sendable {
    public let id: Int
    /// The schema document, kept to describe what a failed keyword asked for.
    public let root: JSONValue
    public let validator: JSONSchemaValidator

    /// `title`, which Confluent's record-name subject strategies use for JSON schemas.
    public var title: String? { root["title"]?.stringValue }

    init(id: Int, root: JSONValue, references: [String: JSONValue]) throws(SerdeError) {
        self.id = id
        self.root = root
        do {
            self.validator = try JSONSchemaValidator(schema: root, options: JSONSchemaOptions(externalSchemas: references))
        } catch {
            throw .invalidSchema("JSON schema \(id) does not compile: \(error)")
        }
    }
}
