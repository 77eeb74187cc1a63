/// How the HTTP server listens and what it reports about itself.
public struct RegistryHTTPConfiguration: Sendable {
    /// Loopback by default: a registry accepts writes without authentication, so exposing it on every interface
    /// (Confluent's `0.0.0.0`) must be a deliberate choice (`--host 0.0.0.0`).
    public var host: String
    /// Confluent's port. `0` picks a free port; the chosen one is passed to `onListening`.
    public var port: Int
    /// Bodies above this are refused with 413 before they are parsed.
    public var maxBodyBytes: Int
    /// `GET /v1/metadata/version`.
    public var serverVersion: String
    public var commitID: String
    /// `GET /v1/metadata/id`: there is no Kafka cluster behind this registry, so both cluster ids name it.
    public var clusterID: String

    public static let defaultMaxBodyBytes = 16 * 1024 * 1024

    public init(
        host: String = "127.0.0.1",
        port: Int = 8081,
        maxBodyBytes: Int = RegistryHTTPConfiguration.defaultMaxBodyBytes,
        serverVersion: String = "0.1.0",
        commitID: String = "unknown",
        clusterID: String = "swift-schema-registry"
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.serverVersion = serverVersion
        self.commitID = commitID
        self.clusterID = clusterID
    }
}
