/// Credentials sent in the `Authorization` header, as Confluent's `basic.auth.user.info` and
/// `bearer.auth.token` settings do.
public enum RegistryAuthentication: Sendable, Equatable {
    case basic(user: String, password: String)
    case bearer(token: String)

    /// The `Authorization` header value.
    var headerValue: String {
        switch self {
        case .basic(let user, let password):
            return "Basic " + Base64.encode(Array("\(user):\(password)".utf8))
        case .bearer(let token):
            return "Bearer " + token
        }
    }
}

/// Standard base64 with padding (RFC 4648 section 4); the only encoding HTTP basic auth needs.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 0x3F)])
            out.append(alphabet[Int(triple >> 12 & 0x3F)])
            out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 0x3F)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(triple & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
