import Hummingbird

/// The query parameters of one request, read the way Jersey reads Confluent's `@QueryParam`s.
struct QueryOptions: Sendable {
    private var pairs: [(key: Substring, value: Substring)]

    init(_ request: Request) {
        let uri = request.uri
        // Most requests carry no query: skip the parse entirely.
        pairs = uri.query == nil ? [] : uri.queryParameters.map { (key: $0.key, value: $0.value) }
    }

    func value(_ name: String) -> Substring? {
        pairs.first { $0.key == name }?.value
    }

    /// Booleans: `true` in any case is true, anything else (or absence) is false — Java's `Boolean.parseBoolean`.
    func flag(_ name: String) -> Bool {
        guard let value = value(name) else { return false }
        return value.lowercased() == "true"
    }

    /// `defaultToGlobal` and the like, whose absence means something other than `false`.
    func flag(_ name: String, default defaultValue: Bool) -> Bool {
        value(name) == nil ? defaultValue : flag(name)
    }

    func integer(_ name: String, default defaultValue: Int) throws(APIError) -> Int {
        guard let value = value(name) else { return defaultValue }
        guard let int = Int(value) else { throw .badQueryParameter(name, value) }
        return int
    }

    func string(_ name: String) -> String? {
        value(name).map(String.init)
    }
}

/// Confluent's `offset`/`limit` paging: `limit` -1 (or absent) is the endpoint's default, and some endpoints
/// cap it.
struct Paging: Sendable {
    var offset: Int
    var limit: Int?

    init(_ query: QueryOptions, defaultLimit: Int? = nil, maxLimit: Int? = nil) throws(APIError) {
        let offset = try query.integer("offset", default: 0)
        let limit = try query.integer("limit", default: -1)
        guard offset >= 0 else { throw .badQueryParameter("offset", Substring(String(offset))) }
        self.offset = offset
        var effective = limit > 0 ? limit : defaultLimit
        if let maxLimit, let current = effective { effective = min(current, maxLimit) }
        self.limit = effective
    }

    func apply<T>(_ items: [T]) -> [T] {
        guard offset > 0 || limit != nil else { return items }
        let start = min(offset, items.count)
        let end = limit.map { min(items.count, start + $0) } ?? items.count
        return Array(items[start..<end])
    }
}
