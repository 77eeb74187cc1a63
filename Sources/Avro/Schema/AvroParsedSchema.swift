import JSONValue

/// A parsed schema: its root and every named type it can see (its own and those of its references).
public struct AvroParsedSchema: Sendable, Equatable {
    public var root: AvroSchema
    public var names: AvroSchemaSet
    /// The JSON document the schema was parsed from; `canonicalText` and `normalizedText` keep attributes the
    /// model has no slot for (properties on primitives, arrays and maps, ignored logical types). `nil` when the
    /// schema was built in code, in which case the model is serialized instead.
    public var source: JSONValue?

    public init(root: AvroSchema, names: AvroSchemaSet) {
        self.root = root
        self.names = names
        self.source = nil
    }

    public init(root: AvroSchema, names: AvroSchemaSet, source: JSONValue?) {
        self.root = root
        self.names = names
        self.source = source
    }

    /// Two parsed schemas are equal when their models are: spelling (whitespace, key order) does not count.
    public static func == (lhs: AvroParsedSchema, rhs: AvroParsedSchema) -> Bool {
        lhs.root == rhs.root && lhs.names == rhs.names
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
