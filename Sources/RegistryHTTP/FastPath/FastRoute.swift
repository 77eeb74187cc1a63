import Hummingbird
import NIOHTTP1

/// The two requests the fast path may answer, recognised from the request head alone.
///
/// Only the plain forms qualify: HTTP/1.1, no query string, no `Connection` header (the responder owns closing),
/// and for lookups a subject of unreserved characters only (no percent-decoding to get wrong) and an acceptable
/// `Content-Type`. Anything else, including forms the router would also accept, is left to the router.
enum FastRoute {
    /// `GET /schemas/ids/{id}`: what every consumer's deserializer asks on a cache miss.
    case schemaByID(Int)
    /// `POST /subjects/{subject}`: what every producer's serializer asks to learn its schema's id.
    case lookup(subject: String)

    init?(_ head: HTTPRequestHead) {
        guard head.version == .http1_1, !head.headers.contains(name: "connection") else { return nil }
        let path = head.uri.utf8[...]
        switch head.method {
        case .GET:
            guard let id = Self.schemaID(path) else { return nil }
            self = .schemaByID(id)
        case .POST:
            guard let subject = Self.subject(path),
                  MediaNegotiation.isAcceptableContentType(head.headers.first(name: "content-type"))
            else { return nil }
            self = .lookup(subject: subject)
        default:
            return nil
        }
    }

    var method: HTTPRequest.Method {
        switch self {
        case .schemaByID: return .get
        case .lookup: return .post
        }
    }

    var route: Route {
        switch self {
        case .schemaByID: return .schemaByID
        case .lookup: return .subject
        }
    }

    /// `/schemas/ids/{digits}`: no leading zero, at most nine digits.
    private static func schemaID(_ path: Substring.UTF8View) -> Int? {
        guard path.starts(with: idsPrefix) else { return nil }
        let digits = path.dropFirst(idsPrefix.count)
        guard let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 9 else { return nil }
        var id = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            id = id * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return id
    }

    /// `/subjects/{subject}` with the subject made of letters, digits, `-`, `_` and `.` only.
    private static func subject(_ path: Substring.UTF8View) -> String? {
        guard path.starts(with: subjectsPrefix) else { return nil }
        let name = path.dropFirst(subjectsPrefix.count)
        guard !name.isEmpty, name.count <= 255, name.allSatisfy(isUnreserved) else { return nil }
        return String(Substring(name))
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static let idsPrefix = Array("/schemas/ids/".utf8)
    private static let subjectsPrefix = Array("/subjects/".utf8)
}
