import Hummingbird
import HummingbirdCore
import Logging
import RegistryCore

/// The Confluent Schema Registry REST API over any `SchemaRegistryService`.
public enum RegistryHTTPServer {
    /// An application ready to `run()` (inside a service group) or `runService()` (standalone, stopping
    /// gracefully on SIGTERM/SIGINT).
    ///
    /// - Parameters:
    ///   - health: What `/health` reports; by default a read of the global config through `service`.
    ///   - onListening: Called once the socket is bound, with the actual address (useful with port 0).
    public static func makeApplication(
        service: any SchemaRegistryService,
        configuration: RegistryHTTPConfiguration = RegistryHTTPConfiguration(),
        logger: Logger = Logger(label: "schema-registry.http"),
        health: (@Sendable () async -> HealthReport)? = nil,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let metrics = RequestMetrics()
        let endpoints = RegistryEndpoints(
            service: service,
            configuration: configuration,
            metrics: metrics,
            health: health ?? { await HealthCheck.probe(service) }
        )
        let host = configuration.host
        let fastPath = (service as? any SynchronousSchemaReads).map {
            FastAnswers(
                reads: $0, metrics: metrics, date: HTTPDate(), bodies: RenderedSchemas(), logger: logger,
                maxBodyBytes: configuration.maxBodyBytes
            )
        }
        return Application(
            responder: RegistryResponder(endpoints: endpoints, maxBodyBytes: configuration.maxBodyBytes),
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: fastPath.map { [FastPathInstaller(answers: $0)] } ?? []
                )
            ),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil,
                // Load generators and bursts of producers open many connections at once.
                backlog: 1024,
                reuseAddress: true
            ),
            onServerRunning: { channel in
                await onListening(host, channel.localAddress?.port ?? configuration.port)
            },
            logger: logger
        )
    }
}
