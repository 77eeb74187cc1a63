/// Byte-level JSON tokens: enough of a JSON parser to drive encoding from the schema without building a tree.
struct AvroJSONScanner {
    let input: UnsafeBufferPointer<UInt8>
    var position: Int
    /// Unescaped string bytes, reused across strings.
    var scratch: [UInt8] = []

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.position = 0
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next significant byte (0 at the end), after whitespace.
    @inline(__always)
    mutating func peek() -> UInt8 {
        skipWhitespace()
        return position < input.count ? input[position] : 0
    }

    mutating func expect(_ byte: UInt8) throws(AvroDataError) {
        guard peek() == byte else { throw syntax("'\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    /// Consumes `byte` if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        if peek() == byte {
            position += 1
            return true
        }
        return false
    }

    mutating func literal(_ text: StaticString) throws(AvroDataError) {
        let count = text.utf8CodeUnitCount
        guard position + count <= input.count else { throw syntax("\(text)") }
        let pointer = text.utf8Start
        for i in 0..<count where input[position + i] != pointer[i] { throw syntax("\(text)") }
        position += count
    }

    /// Scans a string token. Returns the raw span between the quotes and whether it holds escapes.
    @inline(__always)
    mutating func stringSpan() throws(AvroDataError) -> (span: Range<Int>, escaped: Bool) {
        guard peek() == UInt8(ascii: "\"") else { throw syntax("a string") }
        position += 1
        let start = position
        var escaped = false
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start..<position - 1, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            if byte < 0x20 { throw syntax("no control characters in strings") }
            position += 1
        }
        throw AvroDataError(.invalidJSON, expected: "a closing quote", actual: "end of input")
    }

    /// Unescapes a string span into `scratch` and checks it is UTF-8.
    mutating func unescape(_ span: Range<Int>) throws(AvroDataError) {
        scratch.removeAll(keepingCapacity: true)
        var i = span.lowerBound
        while i < span.upperBound {
            let byte = input[i]
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                i += 1
                continue
            }
            guard i + 1 < span.upperBound else { throw syntax("an escape") }
            let code = input[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i, end: span.upperBound)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 6 <= span.upperBound, input[i] == UInt8(ascii: "\\"), input[i + 1] == UInt8(ascii: "u") else {
                        throw AvroDataError(.invalidUTF8, expected: "a low surrogate escape", actual: "a lone high surrogate")
                    }
                    let low = try hex4(at: i + 2, end: span.upperBound)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw AvroDataError(.invalidUTF8, expected: "a low surrogate escape", actual: "a lone high surrogate")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw AvroDataError(.invalidUTF8, expected: "a high surrogate first", actual: "a lone low surrogate")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw syntax("a Unicode scalar") }
                if let encoded = UTF8.encode(unicode) { scratch.append(contentsOf: encoded) }
            default:
                throw syntax("a valid escape")
            }
        }
        guard AvroUTF8.isValid(scratch) else {
            throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "invalid UTF-8")
        }
    }

    private func hex4(at index: Int, end: Int) throws(AvroDataError) -> UInt32 {
        guard index + 4 <= end else { throw syntax("4 hex digits") }
        var value: UInt32 = 0
        for k in 0..<4 {
            let byte = input[index + k]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw syntax("a hex digit")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Scans a number token per RFC 8259; `integral` when it has neither fraction nor exponent.
    mutating func numberSpan() throws(AvroDataError) -> (span: Range<Int>, integral: Bool) {
        skipWhitespace()
        let start = position
        var integral = true
        if position < input.count && input[position] == UInt8(ascii: "-") { position += 1 }
        guard position < input.count, isDigit(input[position]) else { throw syntax("a number") }
        if input[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < input.count && isDigit(input[position]) { position += 1 }
        }
        if position < input.count && input[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard position < input.count, isDigit(input[position]) else { throw syntax("a digit after '.'") }
            while position < input.count && isDigit(input[position]) { position += 1 }
        }
        if position < input.count && (input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E")) {
            integral = false
            position += 1
            if position < input.count && (input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-")) { position += 1 }
            guard position < input.count, isDigit(input[position]) else { throw syntax("an exponent") }
            while position < input.count && isDigit(input[position]) { position += 1 }
        }
        return (start..<position, integral)
    }

    /// An integral number span as Int64, or nil when it overflows.
    func integer(_ span: Range<Int>) -> Int64? {
        var i = span.lowerBound
        let negative = input[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var magnitude: UInt64 = 0
        while i < span.upperBound {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(input[i] &- UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            magnitude = plus
            i += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    func double(_ span: Range<Int>) -> Double? {
        Double(text(span))
    }

    func text(_ span: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[span]), as: UTF8.self)
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skipValue(depth: Int, maxDepth: Int) throws(AvroDataError) {
        guard depth <= maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(maxDepth) levels", actual: "deeper nesting")
        }
        switch peek() {
        case UInt8(ascii: "\""): _ = try stringSpan()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "["):
            position += 1
            if consume(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1, maxDepth: maxDepth) } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        case UInt8(ascii: "{"):
            position += 1
            if consume(UInt8(ascii: "}")) { return }
            repeat {
                _ = try stringSpan()
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1, maxDepth: maxDepth)
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        default:
            _ = try numberSpan()
        }
    }

    /// The next value as error messages show it, without consuming it.
    mutating func describeNext() -> String {
        let byte = peek()
        switch byte {
        case 0: return "end of input"
        case UInt8(ascii: "{"): return "object"
        case UInt8(ascii: "["): return "array"
        case UInt8(ascii: "t"): return "true"
        case UInt8(ascii: "f"): return "false"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "\""):
            var copy = self
            guard let (span, _) = try? copy.stringSpan() else { return "unterminated string" }
            let shown = span.count > 40 ? span.lowerBound..<span.lowerBound + 40 : span
            return "\"" + text(shown) + (span.count > 40 ? "…" : "") + "\""
        default:
            var copy = self
            guard let (span, _) = try? copy.numberSpan() else { return "'\(Character(Unicode.Scalar(byte)))' at byte \(position)" }
            return text(span)
        }
    }

    func syntax(_ expected: String) -> AvroDataError {
        let actual = position < input.count ? "'\(Character(Unicode.Scalar(input[position])))' at byte \(position)" : "end of input"
        return AvroDataError(.invalidJSON, expected: expected, actual: actual)
    }

    /// Compares a span of the input with `key`.
    @inline(__always)
    func equals(_ span: Range<Int>, _ key: [UInt8]) -> Bool {
        guard span.count == key.count else { return false }
        return key.withUnsafeBufferPointer { keyBytes in
            var i = 0
            while i < keyBytes.count {
                if input[span.lowerBound + i] != keyBytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
