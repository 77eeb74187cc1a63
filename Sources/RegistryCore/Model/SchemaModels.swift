/// A reference from one schema to a registered version of another subject.
public struct SchemaReference: Sendable, Hashable, Codable {
    public var name: String
    public var subject: String
    /// As stored: `-1` (latest) is resolved to a concrete number at registration.
    public var version: Int

    public init(name: String, subject: String, version: Int) {
        self.name = name
        self.subject = subject
        self.version = version
    }
}

/// What a client sends to register, look up or check a schema.
public struct SchemaSubmission: Sendable, Equatable {
    public var schema: String
    public var schemaType: SchemaType
    public var references: [SchemaReference]
    /// Only honoured in IMPORT mode.
    public var id: Int?
    /// Only honoured in IMPORT mode, or when equal to the next version.
    public var version: Int?

    public init(schema: String, schemaType: SchemaType = .avro, references: [SchemaReference] = [], id: Int? = nil, version: Int? = nil) {
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
        self.id = id
        self.version = version
    }
}

/// A schema by global id: what `GET /schemas/ids/{id}` returns.
public struct StoredSchema: Sendable, Equatable {
    public var id: Int
    public var schemaType: SchemaType
    /// The stored text (the format's canonical text, or normalized text when registered with `normalize`).
    public var schema: String
    public var references: [SchemaReference]

    public init(id: Int, schemaType: SchemaType, schema: String, references: [SchemaReference]) {
        self.id = id
        self.schemaType = schemaType
        self.schema = schema
        self.references = references
    }
}

/// One version of one subject.
public struct SubjectVersion: Sendable, Equatable {
    public var subject: String
    public var version: Int
    public var schema: StoredSchema
    public var deleted: Bool

    public init(subject: String, version: Int, schema: StoredSchema, deleted: Bool = false) {
        self.subject = subject
        self.version = version
        self.schema = schema
        self.deleted = deleted
    }

    public var id: Int { schema.id }
}

/// A (subject, version) pair, as listed by `GET /schemas/ids/{id}/versions`.
public struct SubjectVersionRef: Sendable, Hashable, Codable {
    public var subject: String
    public var version: Int

    public init(subject: String, version: Int) {
        self.subject = subject
        self.version = version
    }
}

/// Which version a request names: a number, or the newest live one (`latest` or `-1`).
public enum VersionSelector: Sendable, Hashable {
    case latest
    case number(Int)

    /// Confluent's `VersionId` rule: 1...2^31-1, `latest` (any case) or `-1`; anything else is refused (42202).
    public init?(pathSegment: String) {
        if pathSegment.lowercased() == "latest" || pathSegment == "-1" {
            self = .latest
        } else if let n = Int32(pathSegment), n >= 1 {
            self = .number(Int(n))
        } else {
            return nil
        }
    }
}

/// The answer to a compatibility test.
public struct CompatibilityVerdict: Sendable, Equatable {
    public var isCompatible: Bool
    /// Every issue found, with the version it was found against.
    public var issues: [CompatibilityIssue]
    /// Human-readable lines for `verbose=true` and 409 details, formatted by the core so all edges agree.
    public var messages: [String]

    public init(isCompatible: Bool, issues: [CompatibilityIssue] = [], messages: [String] = []) {
        self.isCompatible = isCompatible
        self.issues = issues
        self.messages = messages
    }
}
