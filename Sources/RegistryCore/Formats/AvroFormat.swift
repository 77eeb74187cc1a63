import Avro

/// Avro as the registry sees it: the Avro module's parser, canonical writer and resolution checker.
public struct AvroFormat: SchemaFormat {
    public init() {}

    public var type: SchemaType { .avro }

    /// References must be Avro schemas themselves: their named types are what `text` can use.
    public func parse(_ text: String, references: [ResolvedReference]) throws(SchemaParseFailure) -> any ParsedSchema {
        if let foreign = references.first(where: { $0.schemaType != .avro }) {
            throw SchemaParseFailure(message: "reference '\(foreign.name)' is a \(foreign.schemaType.rawValue) schema; an Avro schema can only reference Avro schemas")
        }
        do {
            return AvroRegisteredSchema(try AvroSchemaParser.parse(text, references: references.map(\.schema)))
        } catch {
            throw SchemaParseFailure(path: error.path, message: error.message)
        }
    }
}

/// A parsed Avro schema with its stored text computed once.
public struct AvroRegisteredSchema: ParsedSchema {
    public let avro: AvroParsedSchema
    public let canonicalText: String

    public init(_ avro: AvroParsedSchema) {
        self.avro = avro
        self.canonicalText = avro.canonicalText
    }

    public var type: SchemaType { .avro }

    public var normalizedText: String { avro.normalizedText }

    public func incompatibilities(readingDataWrittenWith writer: any ParsedSchema) -> [CompatibilityIssue] {
        guard let writer = writer as? AvroRegisteredSchema else {
            return [CompatibilityIssue(kind: "TYPE_MISMATCH", location: "/", message: "The writer's schema is not an Avro schema.")]
        }
        return AvroCompatibility.check(reader: avro, writer: writer.avro).map { issue in
            CompatibilityIssue(kind: issue.type.rawValue, location: issue.location, message: issue.message, hint: issue.hint)
        }
    }
}
