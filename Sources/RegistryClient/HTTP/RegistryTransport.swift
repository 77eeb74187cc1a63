import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import RegistryCore
import Synchronization

/// Sends requests to the first base URL that answers, retrying failures that happened before any answer
/// (and gateway 502/503/504) with exponential backoff, moving to the next URL after each such failure.
/// Every outcome is a `RegistryError` or the answer's body.
final class RegistryTransport: Sendable {
    private let client: HTTPClient
    private let configuration: RegistryClientConfiguration
    private let headers: HTTPHeaders
    /// The URL that last answered; requests start there so a dead first URL costs one failure, not one per call.
    private let preferred = Mutex(0)

    static let mediaType = "application/vnd.schemaregistry.v1+json"

    init(client: HTTPClient, configuration: RegistryClientConfiguration) {
        self.client = client
        self.configuration = configuration
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "\(Self.mediaType), application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5")
        if let authentication = configuration.authentication {
            headers.add(name: "Authorization", value: authentication.headerValue)
        }
        for header in configuration.extraHeaders {
            headers.add(name: header.name, value: header.value)
        }
        self.headers = headers
    }

    /// The body of a 2xx answer; a registry error for any other status; `.unreachable` when no URL answered.
    func send(_ request: RegistryRequest) async throws(RegistryError) -> [UInt8] {
        let urls = configuration.baseURLs
        guard !urls.isEmpty else { throw .unreachable("no schema registry URL configured") }
        let policy = configuration.retry
        var failures: [String] = []
        var index = preferred.withLock { $0 } % urls.count
        for attempt in 1...policy.maxAttempts {
            if attempt > 1 {
                do {
                    try await Task.sleep(for: policy.backoff(beforeAttempt: attempt))
                } catch {
                    throw .unreachable("\(request.summary): cancelled while retrying after \(failures.joined(separator: "; "))")
                }
            }
            let base = urls[index]
            switch await attemptOnce(request, base: base) {
            case .answered(let status, let body):
                preferred.withLock { $0 = index }
                if (200..<300).contains(status) { return body }
                throw request.context.error(status: status, body: body, request: "\(request.summary) at \(base)")
            case .failed(let reason):
                failures.append("\(base): \(reason)")
                index = (index + 1) % urls.count
            }
        }
        throw .unreachable(
            "schema registry unreachable after \(policy.maxAttempts) attempt(s) for \(request.summary): \(failures.joined(separator: "; "))"
        )
    }

    private enum Outcome {
        case answered(status: Int, body: [UInt8])
        /// Worth retrying elsewhere or later: no answer, or a gateway saying the registry behind it is down.
        case failed(String)
    }

    private func attemptOnce(_ request: RegistryRequest, base: String) async -> Outcome {
        var http = HTTPClientRequest(url: request.url(base: base))
        http.method = request.method
        http.headers = headers
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: Self.mediaType)
            http.body = .bytes(ByteBuffer(string: body))
        }
        do {
            let response = try await client.execute(http, timeout: .nanoseconds(configuration.requestTimeout.nanoseconds))
            let status = Int(response.status.code)
            if status == 502 || status == 503 || status == 504 {
                return .failed("HTTP \(status)")
            }
            let buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
            return .answered(status: status, body: Array(buffer.readableBytesView))
        } catch {
            return .failed(String(describing: error))
        }
    }
}

extension Duration {
    /// Whole nanoseconds, saturating; what NIO's `TimeAmount` takes.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? .max : total
    }
}
