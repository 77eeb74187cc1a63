import Foundation
import JSONValue
#if canImport(Glibc)
import Glibc
#endif

/// A response as read off the socket.
struct HTTPTestResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }

    var json: JSONValue {
        get throws { try JSONParser.parse(bytes: body) }
    }
}

struct HTTPTestClientError: Error, CustomStringConvertible {
    var description: String
}

/// A deliberately small HTTP/1.1 client over POSIX sockets: one request per connection, `Connection: close`,
/// the body read to EOF. It tests the server byte for byte, with no client library smoothing anything over.
///
/// Each request runs on its own OS thread so that blocking socket calls never occupy the Swift concurrency
/// pool the in-process server also runs its handlers on.
struct HTTPTestClient: Sendable {
    var host = "127.0.0.1"
    var port: Int

    static let schemaRegistryJSON = "application/vnd.schemaregistry.v1+json"

    func get(_ path: String, accept: String? = nil) async throws -> HTTPTestResponse {
        try await send("GET", path, headers: accept.map { [("Accept", $0)] } ?? [])
    }

    func delete(_ path: String) async throws -> HTTPTestResponse {
        try await send("DELETE", path)
    }

    func post(_ path: String, _ body: String, contentType: String? = schemaRegistryJSON, accept: String? = nil) async throws -> HTTPTestResponse {
        var headers: [(String, String)] = []
        if let contentType { headers.append(("Content-Type", contentType)) }
        if let accept { headers.append(("Accept", accept)) }
        return try await send("POST", path, headers: headers, body: Array(body.utf8))
    }

    func put(_ path: String, _ body: String, contentType: String? = schemaRegistryJSON) async throws -> HTTPTestResponse {
        try await send("PUT", path, headers: contentType.map { [("Content-Type", $0)] } ?? [], body: Array(body.utf8))
    }

    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> HTTPTestResponse {
        let host = self.host
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try Self.exchange(host: host, port: port, method: method, path: path, headers: headers, body: body)
                })
            }
            thread.start()
        }
    }

    private static func exchange(
        host: String, port: Int, method: String, path: String, headers: [(String, String)], body: [UInt8]?
    ) throws -> HTTPTestResponse {
        let fd = try connectSocket(host: host, port: port)
        defer { close(fd) }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        var request = Array(head.utf8)
        if let body { request += body }
        // The server may answer (413) and close before reading everything; the answer is still readable.
        _ = writeAll(fd, request)

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                break
            } else if errno == EINTR {
                continue
            } else if !received.isEmpty, errno == ECONNRESET {
                break
            } else {
                throw HTTPTestClientError(description: "recv failed: errno \(errno)")
            }
        }
        return try parse(received)
    }

    static func connectSocket(host: String, port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPTestClientError(description: "socket failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw HTTPTestClientError(description: "connect to \(host):\(port) failed: errno \(code)")
        }
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPTestResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = bytes.firstRange(of: separator) else {
            throw HTTPTestClientError(description: "no complete response head in \(bytes.count) bytes")
        }
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw HTTPTestClientError(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[headEnd.upperBound...])
        if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = try dechunk(body)
        } else if let length = headers.first(where: { $0.name == "content-length" }).flatMap({ Int($0.value) }) {
            guard body.count >= length else {
                throw HTTPTestClientError(description: "body shorter (\(body.count)) than Content-Length \(length)")
            }
            body = Array(body[0..<length])
        }
        return HTTPTestResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else {
                throw HTTPTestClientError(description: "bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard start + size <= bytes.count else { throw HTTPTestClientError(description: "truncated chunk") }
            output += bytes[start..<start + size]
            index = start + size + 2
        }
        return output
    }
}
