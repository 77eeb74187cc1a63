import JSONValue

/// What a schema constrains, coarsely: the first thing compatibility checking decides on.
enum SchemaShape {
    case boolean(Bool)
    case typed(TypeSet)
    case enumerated
    case negated
    case combined
    /// No `type`: an object-like schema in Confluent's and Karapace's reading ({} and `true` included).
    case untyped

    init(_ schema: JSONValue) {
        switch schema {
        case .bool(let b):
            self = .boolean(b)
        case .object(let object):
            if object["allOf"] != nil || object["anyOf"] != nil || object["oneOf"] != nil {
                self = .combined
            } else if let type = object["type"] {
                var set: TypeSet = []
                switch type {
                case .string(let name): set = TypeSet(name: name) ?? []
                case .array(let names): for case .string(let name) in names { set.formUnion(TypeSet(name: name) ?? []) }
                default: break
                }
                self = .typed(set)
            } else if object["enum"] != nil || object["const"] != nil {
                self = .enumerated
            } else if object["not"] != nil {
                self = .negated
            } else {
                self = .untyped
            }
        default:
            self = .untyped
        }
    }

    var isCombined: Bool {
        if case .combined = self { return true }
        return false
    }

    var isObjectLike: Bool {
        switch self {
        case .boolean(true), .untyped: return true
        case .typed(let types): return types == .object
        default: return false
        }
    }

    var name: String {
        switch self {
        case .boolean(let b): return b ? "true" : "false"
        case .typed(let types): return types.names.joined(separator: "|")
        case .enumerated: return "enum"
        case .negated: return "not"
        case .combined: return "combination"
        case .untyped: return "any"
        }
    }
}

/// An object schema's properties and how it treats the others.
struct ContentModel {
    enum Additional {
        case open
        case closed
        case schema(JSONValue)
    }

    var properties: [(key: String, value: JSONValue)]
    var patterns: [(pattern: String, schema: JSONValue)]
    var additional: Additional
    /// Name -> first index in `properties`, so comparing two objects of n properties costs n lookups, not n^2.
    private let index: [String: Int]
    /// Each pattern compiled once (nil when it does not compile), not once per property name it is tried on.
    private let compiled: [SchemaPattern?]

    init(_ schema: JSONValue) {
        properties = schema["properties"]?.objectValue?.members ?? []
        patterns = (schema["patternProperties"]?.objectValue?.members ?? []).map { ($0.key, $0.value) }
        var index: [String: Int] = [:]
        for (i, member) in properties.enumerated() where index[member.key] == nil { index[member.key] = i }
        self.index = index
        compiled = patterns.map { try? SchemaPattern($0.pattern) }
        switch schema["additionalProperties"] ?? schema["unevaluatedProperties"] {
        case nil, .bool(true)?: additional = .open
        case .bool(false)?: additional = .closed
        case let other?:
            additional = other == .object(JSONObject()) ? .open : .schema(other)
        }
    }

    func property(_ name: String) -> JSONValue? {
        index[name].map { properties[$0].value }
    }

    func patternSchema(for name: String) -> (pattern: String, schema: JSONValue)? {
        for (i, entry) in patterns.enumerated() where compiled[i]?.matches(name) == true { return entry }
        return nil
    }
}

/// An array schema as prefix items plus the schema for the rest (draft 7 `items`/`additionalItems` or 2020-12
/// `prefixItems`/`items`).
struct ItemModel {
    var prefix: [JSONValue]
    var rest: JSONValue
    var isTuple: Bool
    var prefixKeyword: String
    var restKeyword: String

    init(_ schema: JSONValue) {
        if case .array(let tuple)? = schema["items"] {
            prefix = tuple
            rest = schema["additionalItems"] ?? .bool(true)
            isTuple = true
            prefixKeyword = "items"
            restKeyword = "additionalItems"
        } else if case .array(let tuple)? = schema["prefixItems"] {
            prefix = tuple
            rest = schema["items"] ?? .bool(true)
            isTuple = true
            prefixKeyword = "prefixItems"
            restKeyword = "items"
        } else {
            prefix = []
            rest = schema["items"] ?? .bool(true)
            isTuple = false
            prefixKeyword = "items"
            restKeyword = "items"
        }
    }
}

/// `allOf`/`anyOf`/`oneOf` with its branches.
struct Combination {
    var keyword: String
    var branches: [JSONValue]

    init?(_ schema: JSONValue) {
        for keyword in ["allOf", "anyOf", "oneOf"] {
            if case .array(let branches)? = schema[keyword] {
                self.keyword = keyword
                self.branches = branches
                return
            }
        }
        return nil
    }
}
