/// The specification versions this engine implements. They differ in a handful of keywords (`items` arrays vs
/// `prefixItems`, `dependencies` vs `dependentSchemas`, `$recursiveRef` vs `$dynamicRef`, `$ref` siblings), so the
/// compiler asks the draft rather than accepting every spelling everywhere.
public enum JSONSchemaDraft: String, Sendable, CaseIterable, Comparable {
    case draft7 = "http://json-schema.org/draft-07/schema"
    case draft2019_09 = "https://json-schema.org/draft/2019-09/schema"
    case draft2020_12 = "https://json-schema.org/draft/2020-12/schema"

    /// Schemas without `$schema` are read as 2020-12, the current published draft. confluent-kafka's Python serdes
    /// read them as draft 7, so schemas shared with other clients should declare `$schema` (docs/JSON-SCHEMA.md).
    public static let `default` = JSONSchemaDraft.draft2020_12

    /// Recognises the `$schema` URIs tools actually write: with or without the trailing `#`, http or https.
    public init?(metaSchemaURI: String) {
        var uri = metaSchemaURI
        if uri.hasSuffix("#") { uri.removeLast() }
        if uri.hasPrefix("https://json-schema.org/draft-07/") || uri.hasPrefix("http://json-schema.org/draft-07/") {
            self = .draft7
        } else if uri.hasPrefix("https://json-schema.org/draft/2019-09/") || uri.hasPrefix("http://json-schema.org/draft/2019-09/") {
            self = .draft2019_09
        } else if uri.hasPrefix("https://json-schema.org/draft/2020-12/") || uri.hasPrefix("http://json-schema.org/draft/2020-12/") {
            self = .draft2020_12
        } else {
            return nil
        }
    }

    private var order: Int {
        switch self {
        case .draft7: return 0
        case .draft2019_09: return 1
        case .draft2020_12: return 2
        }
    }

    public static func < (lhs: JSONSchemaDraft, rhs: JSONSchemaDraft) -> Bool { lhs.order < rhs.order }
}
