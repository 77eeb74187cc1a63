import NIOHTTP1

/// One call to the registry, independent of which base URL ends up serving it.
struct RegistryRequest: Sendable {
    var method: HTTPMethod
    /// Already percent-encoded, starting with `/`.
    var path: String
    var query: [(name: String, value: String)]
    var body: String?
    var context: ErrorContext

    init(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: String? = nil, context: ErrorContext = ErrorContext()) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.context = context
    }

    /// `METHOD /path`, for messages.
    var summary: String { "\(method.rawValue) \(path)" }

    func url(base: String) -> String {
        var url = base.hasSuffix("/") ? String(base.dropLast()) : base
        url += path
        if !query.isEmpty {
            url += "?" + query.map { "\(PathSegment.encode($0.name))=\(PathSegment.encode($0.value))" }.joined(separator: "&")
        }
        return url
    }
}

extension Array where Element == (name: String, value: String) {
    /// Adds `name=true` only when `flag` is set: servers default every flag to false.
    mutating func flag(_ name: String, _ flag: Bool) {
        if flag { append((name, "true")) }
    }
}
