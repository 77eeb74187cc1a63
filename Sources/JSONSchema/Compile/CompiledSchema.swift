import JSONValue

/// One compiled subschema: its keywords in evaluation order (`unevaluated*` last), or a boolean schema.
struct CompiledNode: Sendable {
    enum Body: Sendable {
        case always(Bool)
        case keywords([Keyword])
    }

    var body: Body
    /// Absolute URI with JSON pointer fragment; error schema paths are this plus the keyword.
    var location: String
    /// Index of the schema resource the node belongs to, for `$dynamicRef` scope.
    var resource: Int
    /// The node reads property/item annotations (has `unevaluatedProperties`/`unevaluatedItems`).
    var collectsAnnotations: Bool
}

/// The set of JSON types a `type` keyword allows, as bits.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let integer = TypeSet(rawValue: 4)
    static let number = TypeSet(rawValue: 8)
    static let string = TypeSet(rawValue: 16)
    static let array = TypeSet(rawValue: 32)
    static let object = TypeSet(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    var names: [String] {
        var out: [String] = []
        let all: [(TypeSet, String)] = [(.null, "null"), (.boolean, "boolean"), (.integer, "integer"), (.number, "number"),
                                        (.string, "string"), (.array, "array"), (.object, "object")]
        for (bit, name) in all where contains(bit) { out.append(name) }
        return out
    }
}

/// A compiled keyword. Subschemas are node indices into the validator's node table, so reference cycles are
/// plain integers rather than object graphs.
enum Keyword: Sendable {
    case type(TypeSet)
    case enumeration(JSONEnum)
    case const(JSONValue)
    case minimum(JSONValue, exclusive: Bool)
    case maximum(JSONValue, exclusive: Bool)
    case multipleOf(DecimalNumber, raw: JSONValue)
    case minLength(Int)
    case maxLength(Int)
    case pattern(SchemaPattern)
    case format(JSONSchemaFormat)
    case properties(PropertyTable)
    case patternProperties([(SchemaPattern, Int)])
    case additionalProperties(Int, known: PropertyTable, patterns: [SchemaPattern])
    case required([String])
    case dependentRequired([(String, [String])])
    case dependentSchemas([(String, Int)])
    case propertyNames(Int)
    case minProperties(Int)
    case maxProperties(Int)
    case prefixItems([Int])
    /// `items` (2020-12, or draft 7 single form) and draft-7 `additionalItems`: applies from `from` on.
    case items(Int, from: Int)
    case contains(Int, min: Int, max: Int?)
    case uniqueItems
    case minItems(Int)
    case maxItems(Int)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case ref(Int)
    /// `$dynamicRef`/`$recursiveRef`: `anchor` is set when the target is a dynamic anchor, so the dynamic scope decides.
    case dynamicRef(Int, anchor: String?)
    case unevaluatedProperties(Int)
    case unevaluatedItems(Int)
    case objectShape(ObjectShape)

    var name: String {
        switch self {
        case .type: return "type"
        case .enumeration: return "enum"
        case .const: return "const"
        case .minimum(_, let exclusive): return exclusive ? "exclusiveMinimum" : "minimum"
        case .maximum(_, let exclusive): return exclusive ? "exclusiveMaximum" : "maximum"
        case .multipleOf: return "multipleOf"
        case .minLength: return "minLength"
        case .maxLength: return "maxLength"
        case .pattern: return "pattern"
        case .format: return "format"
        case .properties: return "properties"
        case .patternProperties: return "patternProperties"
        case .additionalProperties: return "additionalProperties"
        case .required: return "required"
        case .dependentRequired: return "dependentRequired"
        case .dependentSchemas: return "dependentSchemas"
        case .propertyNames: return "propertyNames"
        case .minProperties: return "minProperties"
        case .maxProperties: return "maxProperties"
        case .prefixItems: return "prefixItems"
        case .items: return "items"
        case .contains: return "contains"
        case .uniqueItems: return "uniqueItems"
        case .minItems: return "minItems"
        case .maxItems: return "maxItems"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .not: return "not"
        case .conditional: return "if"
        case .ref: return "$ref"
        case .dynamicRef: return "$dynamicRef"
        case .unevaluatedProperties: return "unevaluatedProperties"
        case .unevaluatedItems: return "unevaluatedItems"
        case .objectShape: return "properties"
        }
    }
}

/// Property name -> subschema. Small tables scan linearly (faster than hashing for typical objects); large ones
/// hash. Both use Swift's string equality (canonical equivalence, fast for ASCII) and then confirm code-point
/// equality, which for an ASCII name is just equal UTF-8 length: a non-ASCII string canonically equivalent to an
/// ASCII one (U+212A KELVIN SIGN vs "K") is always longer in UTF-8.
struct PropertyTable: Sendable {
    struct Entry: Sendable {
        var name: String
        var node: Int
        var asciiLength: Int?
        /// The name's UTF-8, for matching keys straight from message bytes (byte equality is code-point equality).
        var utf8: [UInt8]
    }

    var entries: [Entry]
    var hashed: [String: Int]?
    /// Every name's UTF-8 back to back, entry `i` at `nameStarts[i]..<nameStarts[i + 1]`: byte lookups then walk
    /// two flat arrays instead of copying (and reference counting) entries.
    private var nameBytes: [UInt8] = []
    private var nameStarts: [Int] = [0]
    /// Two entries share a name, so lookups must scan from the first entry rather than from a hint.
    private var hasDuplicateNames = false
    /// Names are distinct printable ASCII without quote or backslash, so a key whose raw bytes are a name followed
    /// by `"` is that name: no escape or UTF-8 question can arise (see `keyEnd`).
    private var predictable = false

    init(_ pairs: [(name: String, node: Int)]) {
        entries = pairs.map {
            Entry(name: $0.name, node: $0.node, asciiLength: $0.name.utf8.allSatisfy { $0 < 0x80 } ? $0.name.utf8.count : nil, utf8: Array($0.name.utf8))
        }
        for entry in entries {
            nameBytes.append(contentsOf: entry.utf8)
            nameStarts.append(nameBytes.count)
        }
        hasDuplicateNames = Set(entries.map(\.utf8)).count != entries.count
        predictable = !hasDuplicateNames && nameBytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if pairs.count > 16 {
            var table: [String: Int] = [:]
            for (i, entry) in entries.enumerated() where table[entry.name] == nil { table[entry.name] = i }
            hashed = table
        }
    }

    @inline(__always) private static func confirm(_ entry: Entry, _ name: String) -> Bool {
        if let length = entry.asciiLength { return name.utf8.count == length }
        return sameCodePoints(entry.name, name)
    }

    @inline(__always) func node(for name: String) -> Int? {
        index(for: name).map { entries[$0].node }
    }

    /// Lookup by the raw (unescaped) UTF-8 of a key; nil from a hashed table means "ask `index(for:)`".
    /// Lookup by the raw (unescaped) UTF-8 of a key; nil from a hashed table means "ask `index(for:)`".
    /// The scan starts at `hint` and wraps: records usually list members in schema order, so passing the entry
    /// after the previous match usually hits first time.
    @inline(__always) func index(forUTF8 key: UnsafeBufferPointer<UInt8>, hint: Int) -> Int?? {
        guard hashed == nil else { return nil }
        let count = entries.count
        guard count > 0 else { return .some(nil) }
        return nameBytes.withUnsafeBufferPointer { names in
            nameStarts.withUnsafeBufferPointer { starts in
                var i = hint < count && !hasDuplicateNames ? hint : 0
                for _ in 0..<count {
                    let start = starts[i]
                    if starts[i + 1] - start == key.count, Self.equalBytes(UnsafeBufferPointer(rebasing: names[start...]), key) {
                        return .some(i)
                    }
                    i += 1
                    if i == count { i = 0 }
                }
                return .some(nil)
            }
        }
    }

    /// When the key token opening at `quote` is exactly entry `entry`'s name, the index just past its closing
    /// quote. Records usually list members in schema order, so checking the expected entry first skips both the
    /// string scan and the lookup for most keys.
    @inline(__always) func keyEnd(entry: Int, in bytes: UnsafeBufferPointer<UInt8>, quote: Int) -> Int? {
        guard predictable, entry < entries.count else { return nil }
        return nameStarts.withUnsafeBufferPointer { starts -> Int? in
            let start = starts[entry]
            let length = starts[entry + 1] - start
            let close = quote + 1 + length
            guard close < bytes.count, bytes[close] == UInt8(ascii: "\"") else { return nil }
            let matches = nameBytes.withUnsafeBufferPointer { names in
                Self.equalBytes(UnsafeBufferPointer(rebasing: names[start...]), UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<close]))
            }
            return matches ? close + 1 : nil
        }
    }

    /// The first `b.count` bytes of `a` equal `b` (`a` is at least that long), compared eight at a time.
    @inline(__always) private static func equalBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let x = a.baseAddress, let y = b.baseAddress else { return b.isEmpty }
        let count = b.count
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(x + offset).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(y + offset).loadUnaligned(as: UInt64.self) {
                return false
            }
            offset += 8
        }
        while offset < count {
            if x[offset] != y[offset] { return false }
            offset += 1
        }
        return true
    }

    @inline(__always) func index(for name: String) -> Int? {
        if let hashed {
            // A miss means no canonically equal name, hence no code-point-equal one either.
            guard let index = hashed[name] else { return nil }
            if Self.confirm(entries[index], name) { return index }
        }
        for (i, entry) in entries.enumerated() where entry.name == name && Self.confirm(entry, name) { return i }
        return nil
    }
}

/// `properties` + `additionalProperties` (without `patternProperties`) + `required` fused into one pass over the
/// instance's members: the shape of nearly every record schema, and the validator's hottest path.
/// A class so that reading it out of its keyword is one reference-count operation, not one per field.
final class ObjectShape: Sendable {
    let table: PropertyTable
    /// Subschema for members not in `table`; nil when `additionalProperties` is absent.
    let additional: Int?
    /// Required names with their index in `table` when declared there (checked by bit), else nil (looked up).
    let required: [(name: String, index: Int?)]
    /// Bits of the required names declared in `table`: all present when `seen & requiredMask == requiredMask`.
    let requiredMask: UInt64
    /// Some required name is not in `table`, so the mask alone cannot prove `required`.
    let requiresUndeclared: Bool
    /// Subschema of each `table` entry: reading `table.entries[i].node` copies the entry, retaining its strings.
    let nodes: [Int]

    init(table: PropertyTable, additional: Int?, required: [(name: String, index: Int?)]) {
        self.table = table
        self.additional = additional
        self.required = required
        requiredMask = required.reduce(0) { mask, entry in entry.index.map { mask | 1 << UInt64($0) } ?? mask }
        requiresUndeclared = required.contains { $0.index == nil }
        nodes = table.entries.map(\.node)
    }
}
