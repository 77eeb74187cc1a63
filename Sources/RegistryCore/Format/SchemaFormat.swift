/// A schema format (Avro, JSON Schema, Protobuf) as the registry sees it.
///
/// The registry core knows nothing about any format's rules: it asks the format to parse, to produce the text it
/// stores and the identity it deduplicates on, and to judge compatibility. Formats live in pure modules and plug
/// in through this protocol.
public protocol SchemaFormat: Sendable {
    var type: SchemaType { get }

    /// Parses `text`; `references` are the already-registered schemas it names, resolved recursively
    /// (dependencies before dependents).
    func parse(_ text: String, references: [ResolvedReference]) throws(SchemaParseFailure) -> any ParsedSchema
}

/// A referenced schema, resolved to its text by the registry.
public struct ResolvedReference: Sendable, Equatable {
    /// The reference's `name`: Avro full name, Protobuf import path, JSON Schema `$ref` URL.
    public var name: String
    public var subject: String
    public var version: Int
    public var schemaType: SchemaType
    public var schema: String

    public init(name: String, subject: String, version: Int, schemaType: SchemaType, schema: String) {
        self.name = name
        self.subject = subject
        self.version = version
        self.schemaType = schemaType
        self.schema = schema
    }
}

/// A schema that parsed.
public protocol ParsedSchema: Sendable {
    var type: SchemaType { get }

    /// The text the registry stores and returns: the schema as sent, re-serialized compactly without changing
    /// its meaning or documentation (Confluent stores Avro's compact JSON form).
    var canonicalText: String { get }

    /// A normalized text for `normalize=true`: equivalent spellings of one schema give the same text.
    var normalizedText: String { get }

    /// Can a consumer using `self` read data written with `writer`? Every reason it cannot; empty when it can.
    func incompatibilities(readingDataWrittenWith writer: any ParsedSchema) -> [CompatibilityIssue]
}

/// Why a schema text was refused, with the place in the document (JSON pointer) when the format knows it.
public struct SchemaParseFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String = "", message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
