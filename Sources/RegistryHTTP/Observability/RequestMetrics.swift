import Hummingbird
import Logging
import Metrics
import Prometheus
import Synchronization

/// Request counts and latencies per route template, method and status, in one Prometheus registry per server.
///
/// The registry is per server rather than the process-wide `MetricsSystem`, so several servers (tests) can live
/// in one process. Handles are created once per (route, method, status) and then reused: after the first
/// request of a kind, recording is a lock, a dictionary hit and two atomic updates.
final class RequestMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let routes: [RouteHandles]
    private let schemasGauge: Metrics.Gauge
    private let subjectsGauge: Metrics.Gauge

    static let requestsName = "schema_registry_http_requests_total"
    static let durationName = "schema_registry_http_request_duration_seconds"

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // The read path answers in tens of microseconds; the default buckets start at 5 ms.
        factory.durationHistogramBuckets[Self.durationName] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        self.factory = factory
        routes = Route.allCases.map { RouteHandles(template: $0.template) }
        schemasGauge = Metrics.Gauge(label: "schema_registry_schemas", dimensions: [], factory: factory)
        subjectsGauge = Metrics.Gauge(label: "schema_registry_subjects", dimensions: [], factory: factory)
    }

    func record(route: Route, method: HTTPRequest.Method, status: Int, nanoseconds: Int64) {
        let handles = routes[route.rawValue].handles(method: method, status: status, factory: factory)
        handles.count.increment()
        handles.duration.recordNanoseconds(nanoseconds)
    }

    /// Counts one answered request and logs it at debug level: the responder and the fast path report alike.
    func finish(
        route: Route, method: HTTPRequest.Method, path: String, status: Int,
        since start: ContinuousClock.Instant, logger: Logger
    ) {
        let elapsed = ContinuousClock.now - start
        let nanoseconds = elapsed.components.seconds &* 1_000_000_000 &+ elapsed.components.attoseconds / 1_000_000_000
        record(route: route, method: method, status: status, nanoseconds: nanoseconds)
        logger.debug(
            "request",
            metadata: [
                "method": "\(method.rawValue)",
                "path": "\(path)",
                "route": "\(route.template)",
                "status": "\(status)",
                "duration_us": "\(nanoseconds / 1000)",
            ]
        )
    }

    func updateCounts(_ statistics: RegistryStatistics) {
        schemasGauge.record(statistics.schemas)
        subjectsGauge.record(statistics.subjects)
    }

    /// The Prometheus text exposition of everything recorded so far.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }
}

/// The handles of one route, created lazily per (method, status) so that /metrics lists only what happened.
private final class RouteHandles: Sendable {
    struct Pair: Sendable {
        var count: Metrics.Counter
        var duration: Metrics.Timer
    }

    let template: String
    private let cache = Mutex<[Int: Pair]>([:])

    init(template: String) {
        self.template = template
    }

    func handles(method: HTTPRequest.Method, status: Int, factory: PrometheusMetricsFactory) -> Pair {
        let key = status &* 8 &+ Self.methodIndex(method)
        if let pair = cache.withLock({ $0[key] }) { return pair }
        let dimensions = [("route", template), ("method", method.rawValue), ("status", String(status))]
        return cache.withLock { cache in
            if let pair = cache[key] { return pair }
            let pair = Pair(
                count: Metrics.Counter(label: RequestMetrics.requestsName, dimensions: dimensions, factory: factory),
                duration: Metrics.Timer(label: RequestMetrics.durationName, dimensions: dimensions, factory: factory)
            )
            cache[key] = pair
            return pair
        }
    }

    private static func methodIndex(_ method: HTTPRequest.Method) -> Int {
        switch method {
        case .get: return 0
        case .post: return 1
        case .put: return 2
        case .delete: return 3
        case .head: return 4
        default: return 5
        }
    }
}
