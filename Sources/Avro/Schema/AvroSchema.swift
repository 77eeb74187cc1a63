import JSONValue

/// An Avro schema as the specification defines it (Avro 1.12).
///
/// Named types (record, enum, fixed) appear in full where first defined and as `.reference` afterwards,
/// exactly as in the schema text; that keeps recursive types finite and canonical forms faithful.
/// Resolve a reference through the `AvroSchemaSet` the parser returns alongside the root.
public indirect enum AvroSchema: Sendable, Equatable {
    case null
    case boolean
    case int(AvroLogicalType?)
    case long(AvroLogicalType?)
    case float
    case double
    case bytes(AvroLogicalType?)
    case string(AvroLogicalType?)
    case record(AvroRecord)
    case enumeration(AvroEnum)
    case array(AvroSchema)
    case map(AvroSchema)
    case union([AvroSchema])
    case fixed(AvroFixed)
    /// A use of a named type defined elsewhere (earlier in this schema, or in a referenced schema).
    case reference(AvroName)
}

/// A full name (namespace + simple name). Equality is by full name, as the specification requires.
public struct AvroName: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var namespace: String?

    public init(name: String, namespace: String?) {
        self.name = name
        self.namespace = (namespace?.isEmpty ?? true) ? nil : namespace
    }

    /// Parses "a.b.C" as namespace "a.b", name "C".
    public init(fullName: String) {
        if let dot = fullName.lastIndex(of: ".") {
            self.init(name: String(fullName[fullName.index(after: dot)...]), namespace: String(fullName[..<dot]))
        } else {
            self.init(name: fullName, namespace: nil)
        }
    }

    public var fullName: String {
        if let namespace { return namespace + "." + name }
        return name
    }

    public var description: String { fullName }
}

/// Sort order of a record field, used only for comparing binary data.
public enum AvroFieldOrder: String, Sendable, Equatable {
    case ascending, descending, ignore
}

public struct AvroRecord: Sendable, Equatable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var fields: [AvroField]
    /// `true` for the `error` type of protocols; otherwise a record.
    public var isError: Bool
    /// Attributes the specification does not define, kept in the author's order.
    public var properties: JSONObject

    public init(name: AvroName, aliases: [AvroName] = [], doc: String? = nil, fields: [AvroField], isError: Bool = false, properties: JSONObject = JSONObject()) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.fields = fields
        self.isError = isError
        self.properties = properties
    }
}

public struct AvroField: Sendable, Equatable {
    public var name: String
    public var type: AvroSchema
    public var doc: String?
    /// The default as written in the schema (JSON encoding; for a union, of its first branch).
    public var defaultValue: JSONValue?
    public var order: AvroFieldOrder
    public var aliases: [String]
    public var properties: JSONObject

    public init(name: String, type: AvroSchema, doc: String? = nil, defaultValue: JSONValue? = nil, order: AvroFieldOrder = .ascending, aliases: [String] = [], properties: JSONObject = JSONObject()) {
        self.name = name
        self.type = type
        self.doc = doc
        self.defaultValue = defaultValue
        self.order = order
        self.aliases = aliases
        self.properties = properties
    }
}

public struct AvroEnum: Sendable, Equatable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var symbols: [String]
    /// Symbol a reader uses for a writer symbol it does not know.
    public var defaultSymbol: String?
    public var properties: JSONObject

    public init(name: AvroName, aliases: [AvroName] = [], doc: String? = nil, symbols: [String], defaultSymbol: String? = nil, properties: JSONObject = JSONObject()) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.symbols = symbols
        self.defaultSymbol = defaultSymbol
        self.properties = properties
    }
}

public struct AvroFixed: Sendable, Equatable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var size: Int
    public var logicalType: AvroLogicalType?
    public var properties: JSONObject

    public init(name: AvroName, aliases: [AvroName] = [], doc: String? = nil, size: Int, logicalType: AvroLogicalType? = nil, properties: JSONObject = JSONObject()) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.size = size
        self.logicalType = logicalType
        self.properties = properties
    }
}

/// Logical types the specification defines. One that is invalid for its base type (a decimal whose scale
/// exceeds its precision, a `date` on a string) is ignored, per the specification, and kept only as a property.
public enum AvroLogicalType: Sendable, Equatable {
    case decimal(precision: Int, scale: Int)
    case bigDecimal
    case uuid
    case date
    case timeMillis
    case timeMicros
    case timestampMillis
    case timestampMicros
    case timestampNanos
    case localTimestampMillis
    case localTimestampMicros
    case localTimestampNanos
    case duration

    /// The `logicalType` attribute's value.
    public var name: String {
        switch self {
        case .decimal: return "decimal"
        case .bigDecimal: return "big-decimal"
        case .uuid: return "uuid"
        case .date: return "date"
        case .timeMillis: return "time-millis"
        case .timeMicros: return "time-micros"
        case .timestampMillis: return "timestamp-millis"
        case .timestampMicros: return "timestamp-micros"
        case .timestampNanos: return "timestamp-nanos"
        case .localTimestampMillis: return "local-timestamp-millis"
        case .localTimestampMicros: return "local-timestamp-micros"
        case .localTimestampNanos: return "local-timestamp-nanos"
        case .duration: return "duration"
        }
    }
}

/// Named types by full name: those a schema defines and those its references bring in.
public struct AvroSchemaSet: Sendable, Equatable {
    public private(set) var named: [String: AvroSchema]

    public init(named: [String: AvroSchema] = [:]) {
        self.named = named
    }

    public subscript(name: AvroName) -> AvroSchema? { named[name.fullName] }

    public mutating func define(_ schema: AvroSchema, as name: AvroName) {
        named[name.fullName] = schema
    }

    /// Follows a reference to its definition; other schemas are returned unchanged.
    public func resolve(_ schema: AvroSchema) -> AvroSchema {
        if case .reference(let name) = schema, let definition = named[name.fullName] { return definition }
        return schema
    }
}

extension AvroSchema {
    /// The full name of a named type (or reference to one).
    public var fullName: AvroName? {
        switch self {
        case .record(let r): return r.name
        case .enumeration(let e): return e.name
        case .fixed(let f): return f.name
        case .reference(let n): return n
        default: return nil
        }
    }

    /// The type's name as the specification spells it ("record", "int", ...), for messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .int: return "int"
        case .long: return "long"
        case .float: return "float"
        case .double: return "double"
        case .bytes: return "bytes"
        case .string: return "string"
        case .record: return "record"
        case .enumeration: return "enum"
        case .array: return "array"
        case .map: return "map"
        case .union: return "union"
        case .fixed: return "fixed"
        case .reference(let n): return n.fullName
        }
    }
}
