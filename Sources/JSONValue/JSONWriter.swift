/// Compact JSON text, byte for byte deterministic: the same value always gives the same text, which stored
/// schemas, fingerprints and response bodies rely on.
extension JSONValue {
    /// Compact text; with `sortedKeys`, object members in code-point order (for normalized forms).
    public func serialized(sortedKeys: Bool = false) -> String {
        var out = ""
        write(to: &out, sortedKeys: sortedKeys)
        return out
    }

    public func write(to out: inout String, sortedKeys: Bool = false) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSONValue.format(double: d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let elements):
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += "," }
                element.write(to: &out, sortedKeys: sortedKeys)
            }
            out += "]"
        case .object(let object):
            out += "{"
            let members = sortedKeys ? object.members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } : object.members
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out, sortedKeys: sortedKeys)
            }
            out += "}"
        }
    }

    /// Integral doubles print without a fraction only when they came in as such; others use Swift's
    /// shortest round-trip form. Non-finite values have no JSON form and print as null.
    public static func format(double d: Double) -> String {
        guard d.isFinite else { return "null" }
        return "\(d)"
    }

    /// Escapes per RFC 8259: quotes, backslash and control characters; everything else passes as UTF-8.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for byte in s.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            out += s
        } else {
            // Byte by byte: schema texts (always full of quotes) are escaped on every GET, and appending
            // unicode scalars one at a time to a String cost several times more than this loop.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count + s.utf8.count / 8 + 8)
            for byte in s.utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                case 0..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                default:
                    // Multi-byte UTF-8 sequences are copied unchanged: the source is a valid String.
                    bytes.append(byte)
                }
            }
            out += String(decoding: bytes, as: UTF8.self)
        }
        out += "\""
    }
}
