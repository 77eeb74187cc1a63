/// Hand-written recognisers for the asserted formats (RFC 3339, RFC 5321 local@domain, RFC 1123 host names,
/// RFC 2673/4291 addresses, RFC 3986 URIs, RFC 4122 UUIDs). Each is a direct reading of the grammar; no regexes.
enum FormatChecks {
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func date(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10 else { return false }
        let s = bytes.startIndex
        guard bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
              let year = number(bytes[s..<s + 4]), let month = number(bytes[s + 5..<s + 7]), let day = number(bytes[s + 8..<s + 10]) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// RFC 3339 full-time: hh:mm:ss[.frac](Z|±hh:mm); a leap second is valid only at 23:59:60 UTC.
    static func time(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 9 else { return false }
        let s = bytes.startIndex
        guard bytes[s + 2] == UInt8(ascii: ":"), bytes[s + 5] == UInt8(ascii: ":"),
              let hour = number(bytes[s..<s + 2]), let minute = number(bytes[s + 3..<s + 5]), let second = number(bytes[s + 6..<s + 8]),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var i = s + 8
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < bytes.endIndex, isDigit(bytes[i]) { i += 1 }
            guard i > fracStart else { return false }
        }
        guard i < bytes.endIndex else { return false }
        var offsetMinutes = 0
        switch bytes[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.endIndex - i == 6, bytes[i + 3] == UInt8(ascii: ":"),
                  let oh = number(bytes[i + 1..<i + 3]), let om = number(bytes[i + 4..<i + 6]), oh <= 23, om <= 59 else { return false }
            offsetMinutes = (oh * 60 + om) * (bytes[i] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            // Convert to UTC: the leap second must fall at 23:59:60Z.
            var utc = (hour * 60 + minute - offsetMinutes) % (24 * 60)
            if utc < 0 { utc += 24 * 60 }
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func dateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 11 else { return false }
        let t = bytes[10]
        guard t == UInt8(ascii: "T") || t == UInt8(ascii: "t") else { return false }
        return date(bytes[0..<10]) && time(bytes[11...])
    }

    static func uuid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard b == UInt8(ascii: "-") else { return false }
            } else if !(isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)) {
                return false
            }
        }
        return true
    }

    static func ipv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.hasPrefix("0") { return false }
            guard let value = Int(part), value <= 255 else { return false }
        }
        return true
    }

    static func ipv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        var groups = 0
        var sawDoubleColon = false
        var body = Substring(text)
        // An embedded IPv4 tail counts as two groups.
        if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".") {
            guard ipv4(body[body.index(after: lastColon)...]) else { return false }
            groups += 2
            body = body[...lastColon]
            if body.hasSuffix("::") {
                // fine: "::" before the IPv4 part
            } else {
                body = body.dropLast()
            }
        }
        if body.isEmpty { return groups == 8 }
        if let range = body.firstRange(of: "::") {
            sawDoubleColon = true
            if body[range.upperBound...].contains("::") { return false }
            let left = body[..<range.lowerBound]
            let right = body[range.upperBound...]
            for side in [left, right] where !side.isEmpty {
                guard let n = hexGroups(side) else { return false }
                groups += n
            }
            return groups <= 7
        }
        guard let n = hexGroups(body) else { return false }
        groups += n
        return groups == 8 && !sawDoubleColon
    }

    private static func hexGroups(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        for part in parts {
            guard (1...4).contains(part.utf8.count), part.utf8.allSatisfy({ isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else { return nil }
        }
        return parts.count
    }

    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, each 1-63, total <= 253.
    static func hostname(_ text: String) -> Bool {
        // The JSON Schema test suite reads RFC 1123 strictly: no trailing root dot.
        let name = Substring(text)
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
            guard bytes.allSatisfy({ isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "-") }) else { return false }
            // "xn--" is the only label form allowed hyphens in positions 3 and 4 (RFC 5891 §4.2.3.1).
            if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-"),
               !(bytes[0] | 0x20 == UInt8(ascii: "x") && bytes[1] | 0x20 == UInt8(ascii: "n")) { return false }
        }
        return true
    }

    /// local-part@domain: a dot-atom or quoted local part; a host name or bracketed address literal.
    static func email(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let allowed = "!#$%&'*+-/=?^_`{|}~."
            guard local.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || allowed.unicodeScalars.contains($0) }) else { return false }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let inner = domain.dropFirst().dropLast()
            if inner.hasPrefix("IPv6:") { return ipv6(String(inner.dropFirst(5))) }
            return ipv4(inner)
        }
        return hostname(String(domain))
    }

    /// An absolute URI per RFC 3986: scheme ":" hier-part, with only legal characters and well-formed escapes.
    static func uri(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let first = bytes[0] | 0x20
        guard first >= 0x61 && first <= 0x7A else { return false }
        for b in bytes[1..<colon] {
            let lower = b | 0x20
            guard (lower >= 0x61 && lower <= 0x7A) || isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { return false }
        }
        let allowed = Set("-._~!$&'()*+,;=:@/?#[]".utf8)
        var i = colon + 1
        var hashCount = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else { return false }
                i += 3
                continue
            }
            if b == UInt8(ascii: "#") { hashCount += 1 }
            let lower = b | 0x20
            guard b < 0x80, (lower >= 0x61 && lower <= 0x7A) || isDigit(b) || allowed.contains(b) else { return false }
            i += 1
        }
        if hashCount > 1 { return false }
        // Authority: brackets only around an IP literal (a valid IPv6 address), and the port (if any) numeric.
        let rest = bytes[(colon + 1)...]
        if !rest.starts(with: "//".utf8) {
            if rest.contains(UInt8(ascii: "[")) || rest.contains(UInt8(ascii: "]")) { return false }
        } else {
            let afterAuthority = rest.dropFirst(2).drop { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            if afterAuthority.contains(UInt8(ascii: "[")) || afterAuthority.contains(UInt8(ascii: "]")) { return false }
            let authorityEnd = rest.dropFirst(2).firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
            var authority = rest[(rest.startIndex + 2)..<authorityEnd]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
                if authority[..<at].contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) { return false }
                authority = authority[(at + 1)...]
            }
            if authority.first == UInt8(ascii: "[") {
                guard let close = authority.firstIndex(of: UInt8(ascii: "]")),
                      ipv6(String(decoding: authority[(authority.startIndex + 1)..<close], as: UTF8.self)) else { return false }
                let after = authority[(close + 1)...]
                if !after.isEmpty { guard after.first == UInt8(ascii: ":"), after.dropFirst().allSatisfy(isDigit) else { return false } }
            } else {
                if authority.contains(UInt8(ascii: "[")) || authority.contains(UInt8(ascii: "]")) { return false }
                if let portColon = authority.firstIndex(of: UInt8(ascii: ":")) {
                    guard authority[(portColon + 1)...].allSatisfy(isDigit) else { return false }
                }
            }
        }
        return true
    }

    private static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }
}
