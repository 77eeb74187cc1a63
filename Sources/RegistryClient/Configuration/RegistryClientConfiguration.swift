/// Where a remote registry is and how to talk to it.
public struct RegistryClientConfiguration: Sendable {
    /// One or more base URLs (`http://host:8081`, optionally with a path prefix). On a connection failure the
    /// client moves on to the next one, as Confluent's clients do with a comma-separated `schema.registry.url`.
    public var baseURLs: [String]
    public var authentication: RegistryAuthentication?
    /// Time allowed to open a TCP connection. async-http-client keeps retrying a refused connection until this
    /// runs out, so it is also how long one attempt at a dead URL takes before the next URL or retry.
    public var connectTimeout: Duration
    /// Time allowed for one whole request, from sending to the last byte of the answer.
    public var requestTimeout: Duration
    public var retry: RetryPolicy
    /// Answers larger than this are refused rather than buffered (a registry answer is a few kilobytes).
    public var maxResponseBytes: Int
    /// Sent with every request, e.g. a tenant header a gateway requires.
    public var extraHeaders: [(name: String, value: String)]

    public init(
        baseURLs: [String],
        authentication: RegistryAuthentication? = nil,
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(30),
        retry: RetryPolicy = RetryPolicy(),
        maxResponseBytes: Int = 64 * 1024 * 1024,
        extraHeaders: [(name: String, value: String)] = []
    ) {
        self.baseURLs = baseURLs
        self.authentication = authentication
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.maxResponseBytes = maxResponseBytes
        self.extraHeaders = extraHeaders
    }

    /// Accepts Confluent's `schema.registry.url` spelling: URLs separated by commas.
    public init(url: String, authentication: RegistryAuthentication? = nil) {
        let urls = url.split(separator: ",")
            .map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            .filter { !$0.isEmpty }
        self.init(baseURLs: urls, authentication: authentication)
    }
}
