/// Encodes JSON text straight into Avro binary, driven by the program: no JSON tree, no `AvroValue`.
///
/// Record fields may come in any order. In the usual case (schema order, perhaps with gaps filled by
/// defaults) values are written in place; an object out of order is parsed again field by field into
/// separate buffers and assembled.
struct AvroJSONReader {
    let program: AvroProgram
    var scanner: AvroJSONScanner
    let dialect: AvroJSONDialect
    let limits: AvroCodecLimits
    var depth = 0

    init(program: AvroProgram, input: UnsafeBufferPointer<UInt8>, dialect: AvroJSONDialect, limits: AvroCodecLimits) {
        self.program = program
        self.scanner = AvroJSONScanner(input)
        self.dialect = dialect
        self.limits = limits
    }

    /// A field default: a union's default is its first branch, unwrapped; nested values follow plain JSON.
    static func encodeDefault(_ json: [UInt8], op: Int32, program: AvroProgram) throws(AvroDataError) -> [UInt8] {
        try json.withUnsafeBufferPointer { (input) throws(AvroDataError) -> [UInt8] in
            var reader = AvroJSONReader(program: program, input: input, dialect: .plain, limits: AvroCodecLimits())
            var out: [UInt8] = []
            let top = program.opTable[Int(op)]
            if top.kind == .union, top.b > 0 {
                out.append(0)
                try reader.value(program.childTable[Int(top.a)], into: &out)
            } else {
                try reader.value(op, into: &out)
            }
            try reader.finish()
            return out
        }
    }

    mutating func finish() throws(AvroDataError) {
        guard scanner.peek() == 0 else {
            throw AvroDataError(.trailingBytes, expected: "end of JSON text", actual: "more text at byte \(scanner.position)")
        }
    }

    mutating func value(_ index: Int32, into out: inout [UInt8]) throws(AvroDataError) {
        let op = program.opTable[Int(index)]
        switch op.kind {
        case .null:
            guard scanner.peek() == UInt8(ascii: "n") else { throw mismatch(index) }
            try scanner.literal("null")
        case .boolean:
            switch scanner.peek() {
            case UInt8(ascii: "t"): try scanner.literal("true"); out.append(1)
            case UInt8(ascii: "f"): try scanner.literal("false"); out.append(0)
            default: throw mismatch(index)
            }
        case .int, .long:
            let number = try integer(index)
            if op.kind == .int && (number < Int64(Int32.min) || number > Int64(Int32.max)) {
                throw AvroDataError(.outOfRange, expected: "int in -2147483648...2147483647", actual: String(number))
            }
            if op.check != .none { try AvroLogicalChecks.checkTime(number, op.check) }
            out.appendAvroLong(number)
        case .float:
            out.appendAvroFloat(Float(try floating(index)))
        case .double:
            out.appendAvroDouble(try floating(index))
        case .string:
            try string(index, op, into: &out)
        case .bytes:
            if op.check == .decimal, dialect == .plain, let decimal = try plainDecimal(index) {
                out.appendAvroBytes(decimal)
                return
            }
            let bytes = try latin1(index)
            if op.check == .decimal { try checkDecimal(index, bytes) }
            out.appendAvroBytes(bytes)
        case .fixed:
            var bytes: [UInt8]
            if op.check == .decimal, dialect == .plain, let decimal = try plainDecimal(index) {
                bytes = decimal
                // Sign-extend the minimal form to the fixed size.
                if bytes.count < Int(op.a) {
                    let fill: UInt8 = (bytes.first ?? 0) & 0x80 != 0 ? 0xFF : 0
                    bytes.insert(contentsOf: repeatElement(fill, count: Int(op.a) - bytes.count), at: 0)
                }
            } else {
                bytes = try latin1(index)
            }
            guard bytes.count == Int(op.a) else {
                throw AvroDataError(.fixedSize, expected: "\(program.expectation(index)) of size \(op.a)", actual: "\(bytes.count) bytes")
            }
            if op.check == .decimal { try checkDecimal(index, bytes) }
            out.append(contentsOf: bytes)
        case .enumeration:
            guard scanner.peek() == UInt8(ascii: "\"") else { throw mismatch(index) }
            let (span, escaped) = try scanner.stringSpan()
            let info = program.enums[Int(op.c)]
            var found = -1
            if escaped {
                try scanner.unescape(span)
                found = info.symbolKeys.firstIndex(of: scanner.scratch) ?? -1
            } else {
                for (position, key) in info.symbolKeys.enumerated() where scanner.equals(span, key) {
                    found = position
                    break
                }
            }
            guard found >= 0 else {
                throw AvroDataError(.unknownSymbol, expected: "a symbol of \(info.name.fullName) (\(info.symbols.joined(separator: ", ")))",
                                    actual: "\"\(escaped ? String(decoding: scanner.scratch, as: UTF8.self) : scanner.text(span))\"")
            }
            out.appendAvroLong(Int64(found))
        case .array:
            guard scanner.peek() == UInt8(ascii: "[") else { throw mismatch(index) }
            try enter()
            scanner.position += 1
            let start = out.count
            var count = 0
            if !scanner.consume(UInt8(ascii: "]")) {
                repeat {
                    do { try value(op.a, into: &out) } catch { throw error.inside(index: count) }
                    count += 1
                } while scanner.consume(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "]"))
            }
            finishBlock(count: count, start: start, into: &out)
            depth -= 1
        case .map:
            guard scanner.peek() == UInt8(ascii: "{") else { throw mismatch(index) }
            try enter()
            scanner.position += 1
            let start = out.count
            var count = 0
            if !scanner.consume(UInt8(ascii: "}")) {
                repeat {
                    let (span, escaped) = try scanner.stringSpan()
                    let key = try keyBytes(span, escaped)
                    out.appendAvroBytes(key)
                    try scanner.expect(UInt8(ascii: ":"))
                    do { try value(op.a, into: &out) } catch { throw error.inside(String(decoding: key, as: UTF8.self)) }
                    count += 1
                } while scanner.consume(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "}"))
            }
            finishBlock(count: count, start: start, into: &out)
            depth -= 1
        case .record:
            guard scanner.peek() == UInt8(ascii: "{") else { throw mismatch(index) }
            try enter()
            try record(index, op, into: &out)
            depth -= 1
        case .union:
            try union(index, op, into: &out)
        }
    }

    /// Puts the item count in front of the items just written, and the terminating zero block after them.
    private func finishBlock(count: Int, start: Int, into out: inout [UInt8]) {
        if count > 0 && count < 64 {
            out.insert(UInt8(count << 1), at: start)
        } else if count > 0 {
            var prefix: [UInt8] = []
            prefix.appendAvroLong(Int64(count))
            out.insert(contentsOf: prefix, at: start)
        }
        out.append(0)
    }

    private mutating func keyBytes(_ span: Range<Int>, _ escaped: Bool) throws(AvroDataError) -> [UInt8] {
        if escaped {
            try scanner.unescape(span)
            return scanner.scratch
        }
        guard AvroUTF8.isValid(scanner.input, span) else {
            throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "invalid UTF-8 at byte \(span.lowerBound)")
        }
        return Array(UnsafeBufferPointer(rebasing: scanner.input[span]))
    }

    private mutating func string(_ index: Int32, _ op: AvroOp, into out: inout [UInt8]) throws(AvroDataError) {
        guard scanner.peek() == UInt8(ascii: "\"") else { throw mismatch(index) }
        let (span, escaped) = try scanner.stringSpan()
        if escaped {
            try scanner.unescape(span)
            if op.check == .uuid {
                try scanner.scratch.withUnsafeBufferPointer { (b) throws(AvroDataError) in try AvroLogicalChecks.checkUUID(b, 0..<b.count) }
            }
            out.appendAvroBytes(scanner.scratch)
            return
        }
        guard AvroUTF8.isValid(scanner.input, span) else {
            throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "invalid UTF-8 at byte \(span.lowerBound)")
        }
        if op.check == .uuid { try AvroLogicalChecks.checkUUID(scanner.input, span) }
        out.appendAvroLong(Int64(span.count))
        out.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.input[span]))
    }

    /// A JSON string whose code points are all below 256, as bytes (Avro's JSON form of bytes and fixed).
    private mutating func latin1(_ index: Int32) throws(AvroDataError) -> [UInt8] {
        guard scanner.peek() == UInt8(ascii: "\"") else { throw mismatch(index) }
        let (span, _) = try scanner.stringSpan()
        try scanner.unescape(span)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scanner.scratch.count)
        for scalar in String(decoding: scanner.scratch, as: UTF8.self).unicodeScalars {
            guard scalar.value < 256 else {
                throw AvroDataError(.typeMismatch, expected: "bytes as code points 0-255", actual: "code point U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    private mutating func integer(_ index: Int32) throws(AvroDataError) -> Int64 {
        let next = scanner.peek()
        guard next == UInt8(ascii: "-") || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) else { throw mismatch(index) }
        let (span, integral) = try scanner.numberSpan()
        if integral, let value = scanner.integer(span) { return value }
        // 1.0 or 1e3 are integers too; anything else is not.
        if let d = scanner.double(span), d.isFinite, d.rounded() == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
            return Int64(d)
        }
        throw AvroDataError(integral ? .outOfRange : .typeMismatch, expected: program.expectation(index), actual: scanner.text(span))
    }

    private mutating func floating(_ index: Int32) throws(AvroDataError) -> Double {
        let next = scanner.peek()
        if next == UInt8(ascii: "\"") {
            // Avro's Java JSON encoder writes non-finite numbers as strings.
            var probe = scanner
            let (span, _) = try probe.stringSpan()
            let text = scanner.text(span)
            let special: Double? = text == "NaN" ? .nan : text == "Infinity" ? .infinity : text == "-Infinity" ? -.infinity : nil
            guard let special else { throw mismatch(index) }
            scanner = probe
            return special
        }
        guard next == UInt8(ascii: "-") || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) else { throw mismatch(index) }
        let (span, integral) = try scanner.numberSpan()
        if integral, span.count < 16, let value = scanner.integer(span) { return Double(value) }
        guard let d = scanner.double(span) else { throw mismatch(index) }
        return d
    }

    /// In plain JSON a decimal may be a number or a decimal string; returns nil for any other string so the
    /// ISO-8859-1 form still applies.
    private mutating func plainDecimal(_ index: Int32) throws(AvroDataError) -> [UInt8]? {
        guard let decimal = program.decimals[index] else { return nil }
        let next = scanner.peek()
        var probe = scanner
        let text: String
        if next == UInt8(ascii: "\"") {
            let (span, _) = try probe.stringSpan()
            text = scanner.text(span)
            guard AvroDecimalText.isDecimal(text) else { return nil }
        } else if next == UInt8(ascii: "-") || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) {
            let (span, _) = try probe.numberSpan()
            text = scanner.text(span)
        } else {
            return nil
        }
        scanner = probe
        return try AvroDecimalText.unscaledBytes(text, precision: decimal.precision, scale: decimal.scale)
    }

    private func checkDecimal(_ index: Int32, _ bytes: [UInt8]) throws(AvroDataError) {
        guard let decimal = program.decimals[index] else { return }
        try bytes.withUnsafeBufferPointer { (b) throws(AvroDataError) in
            try AvroLogicalChecks.checkDecimal(b, 0..<b.count, precision: decimal.precision)
        }
    }

    mutating func mismatch(_ index: Int32) -> AvroDataError {
        AvroDataError(.typeMismatch, expected: program.expectation(index), actual: scanner.describeNext())
    }

    @inline(__always)
    mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
    }
}
