import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One persistent HTTP/1.1 connection, without `Connection: close`: how serializers and load generators talk to
/// the registry, and the only way a request reaches the server's `GET /schemas/ids/{id}` fast path.
///
/// Requests go in batches: every request of a batch is written at once (pipelined), then as many responses are
/// read, split by `Content-Length`. Runs on its own OS thread, like `HTTPTestClient`.
enum KeepAliveConnection {
    static func exchange(port: Int, batches: [[String]]) async throws -> [HTTPTestResponse] {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try run(port: port, batches: batches) })
            }
            thread.start()
        }
    }

    /// A GET with optional extra header lines, as a load generator sends it.
    static func get(_ path: String, headers: [String] = []) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    static func post(_ path: String, _ body: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
    }

    private static func run(port: Int, batches: [[String]]) throws -> [HTTPTestResponse] {
        let fd = try HTTPTestClient.connectSocket(host: "127.0.0.1", port: port)
        defer { close(fd) }
        var responses: [HTTPTestResponse] = []
        var pending: [UInt8] = []
        for batch in batches {
            guard HTTPTestClient.writeAll(fd, Array(batch.joined().utf8)) else {
                throw HTTPTestClientError(description: "write failed: errno \(errno)")
            }
            var answered = 0
            while answered < batch.count {
                if let length = completeResponseLength(pending) {
                    responses.append(try HTTPTestClient.parse(Array(pending[0..<length])))
                    pending.removeFirst(length)
                    answered += 1
                    continue
                }
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    pending += buffer[0..<count]
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    throw HTTPTestClientError(description: "connection ended after \(responses.count) responses")
                }
            }
        }
        return responses
    }

    /// The length of the first response in `bytes` when it has fully arrived (head plus `Content-Length` body).
    private static func completeResponseLength(_ bytes: [UInt8]) -> Int? {
        guard let headEnd = bytes.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).lowercased()
        var length = 0
        for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
            length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let total = headEnd.upperBound + length
        return bytes.count >= total ? total : nil
    }
}
