import JSONValue

/// Strict RFC 8259 scanning over UTF-8 bytes, for validating straight from message text: it checks the same
/// grammar `JSONParser` enforces (so text it passes would also parse) but builds values only on request.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    static let maxDepth = JSONParser.defaultMaxDepth

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    @inline(__always) var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips one value, checking its syntax. False on malformed input.
    mutating func skipValue() -> Bool {
        guard let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= Self.maxDepth else { return false }
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; depth -= 1; return true }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\""), scanString() != nil else { return false }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { return false }
                index += 1
                skipWhitespace()
                guard skipValue() else { return false }
                skipWhitespace()
                guard let next = current else { return false }
                index += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "}") { depth -= 1; return true }
                return false
            }
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= Self.maxDepth else { return false }
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { index += 1; depth -= 1; return true }
            while true {
                skipWhitespace()
                guard skipValue() else { return false }
                skipWhitespace()
                guard let next = current else { return false }
                index += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "]") { depth -= 1; return true }
                return false
            }
        case UInt8(ascii: "\""):
            return scanString() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default:
            return scanNumber() != nil
        }
    }

    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for i in 0..<count where bytes[index + i] != text.utf8Start[i] { return false }
        index += count
        return true
    }

    /// Scans a string token; returns the byte range of its body and whether it has escapes. Validates escapes
    /// and control characters (UTF-8 validity is checked when a String is built or by `validUTF8`).
    mutating func scanString() -> (range: Range<Int>, escaped: Bool)? {
        index += 1
        let start = index
        var escaped = false
        var nonASCII = false
        while index < bytes.count {
            // Eight plain ASCII bytes (no quote, backslash, control or high byte) at a time.
            if index + 8 <= bytes.count, let base = bytes.baseAddress {
                let special = Self.specialBytes(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                if special == 0 {
                    index += 8
                    continue
                }
                // The lowest flagged byte is exact (false flags only appear above a true one); little-endian.
                index += special.trailingZeroBitCount >> 3
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                if !escaped && nonASCII && !Self.validUTF8(UnsafeBufferPointer(rebasing: bytes[range])) { return nil }
                return (range, escaped)
            }
            if byte >= 0x80 { nonASCII = true }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { return nil }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"):
                    index += 1
                default:
                    return nil
                }
                continue
            }
            index += 1
        }
        return nil
    }

    /// The high bit of each byte of `word` that may be `"`, `\\`, below 0x20 or above 0x7F (the classic "has a
    /// zero byte" bit tricks); zero when the eight bytes are plain string content.
    @inline(__always) static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs
    }

    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 {
            return String(validating: bytes, as: UTF8.self) != nil
        }
        return true
    }

    /// Scans a number token per the JSON grammar; returns its byte range.
    mutating func scanNumber() -> Range<Int>? {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, first >= 0x30, first <= 0x39 else { return nil }
        index += 1
        if first == 0x30 {
            if let next = current, next >= 0x30, next <= 0x39 { return nil }
        } else {
            while let d = current, d >= 0x30, d <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let d = current, d >= 0x30, d <= 0x39 else { return nil }
            while let d = current, d >= 0x30, d <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let d = current, d >= 0x30, d <= 0x39 else { return nil }
            while let d = current, d >= 0x30, d <= 0x39 { index += 1 }
        }
        return start..<index
    }

    /// The value in `range` as a `JSONValue`, via the real parser (identical semantics by construction).
    func materialize(_ range: Range<Int>) -> JSONValue? {
        try? JSONParser.parse(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
