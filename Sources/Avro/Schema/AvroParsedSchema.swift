import JSONValue

/// A parsed schema: its root and every named type it can see (its own and those of its references).
public struct AvroParsedSchema: Sendable, Equatable {
    public var root: AvroSchema
    public var names: AvroSchemaSet

    public init(root: AvroSchema, names: AvroSchemaSet) {
        self.root = root
        self.names = names
    }
}

/// Why a schema text is not a valid Avro schema: the JSON pointer of the offending place and the rule broken.
public struct AvroSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON pointer into the schema document, e.g. `/fields/3/type`; empty for the root.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
