/// Decodes and validates binary into JSON text, in either dialect, without building `AvroValue`s.
struct AvroJSONWriter {
    let program: AvroProgram
    var reader: AvroBinaryReader
    let dialect: AvroJSONDialect
    let limits: AvroCodecLimits
    var depth = 0

    mutating func write(_ index: Int32, into out: inout [UInt8]) throws(AvroDataError) {
        let op = program.opTable[Int(index)]
        switch op.kind {
        case .null: append("null", to: &out)
        case .boolean: append(try reader.readBoolean() ? "true" : "false", to: &out)
        case .int:
            let value = try reader.readInt()
            if op.check != .none { try AvroLogicalChecks.checkTime(Int64(value), op.check) }
            append(String(value), to: &out)
        case .long:
            let value = try reader.readLong()
            if op.check != .none { try AvroLogicalChecks.checkTime(value, op.check) }
            append(String(value), to: &out)
        case .float:
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: try reader.readFixedBits(4)))
            writeNumber(Double(value), text: "\(value)", into: &out)
        case .double:
            let value = Double(bitPattern: try reader.readFixedBits(8))
            writeNumber(value, text: "\(value)", into: &out)
        case .string:
            let range = try reader.readLengthPrefixed()
            guard AvroUTF8.isValid(reader.bytes, range) else {
                throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "invalid UTF-8 at byte \(range.lowerBound)")
            }
            if op.check == .uuid { try AvroLogicalChecks.checkUUID(reader.bytes, range) }
            Self.writeString(UnsafeBufferPointer(rebasing: reader.bytes[range]), into: &out)
        case .bytes, .fixed:
            let range: Range<Int>
            if op.kind == .bytes {
                range = try reader.readLengthPrefixed()
            } else {
                let start = reader.position
                try reader.skip(Int(op.a))
                range = start..<reader.position
            }
            if op.check == .decimal, let decimal = program.decimals[index] {
                try AvroLogicalChecks.checkDecimal(reader.bytes, range, precision: decimal.precision)
                if dialect == .plain {
                    out.append(UInt8(ascii: "\""))
                    append(AvroDecimalText.text(unscaled: UnsafeBufferPointer(rebasing: reader.bytes[range]), scale: decimal.scale), to: &out)
                    out.append(UInt8(ascii: "\""))
                    return
                }
            }
            Self.writeLatin1(UnsafeBufferPointer(rebasing: reader.bytes[range]), into: &out)
        case .enumeration:
            let symbol = try reader.readInt()
            guard symbol >= 0, symbol < op.b else {
                throw AvroDataError(.invalidEnumIndex, expected: "enum index in 0..<\(op.b)", actual: String(symbol))
            }
            let key = program.enums[Int(op.c)].symbolKeys[Int(symbol)]
            key.withUnsafeBufferPointer { Self.writeString($0, into: &out) }
        case .union:
            let branch = try reader.readLong()
            guard branch >= 0, branch < Int64(op.b) else {
                throw AvroDataError(.invalidUnionIndex, expected: "union index in 0..<\(op.b)", actual: String(branch))
            }
            let child = program.childTable[Int(op.a) + Int(branch)]
            if dialect == .plain || program.opTable[Int(child)].kind == .null {
                try write(child, into: &out)
            } else {
                out.append(UInt8(ascii: "{"))
                program.unions[Int(op.c)].branchKeys[Int(branch)].withUnsafeBufferPointer { Self.writeString($0, into: &out) }
                out.append(UInt8(ascii: ":"))
                try write(child, into: &out)
                out.append(UInt8(ascii: "}"))
            }
        case .record:
            try enter()
            out.append(UInt8(ascii: "{"))
            for field in 0..<Int(op.b) {
                if field > 0 { out.append(UInt8(ascii: ",")) }
                let slot = Int(op.a) + field
                Self.writeString(UnsafeBufferPointer(rebasing: program.keyBytes[program.keyStart[slot]..<program.keyStart[slot] + program.keyLength[slot]]), into: &out)
                out.append(UInt8(ascii: ":"))
                do { try write(program.childTable[slot], into: &out) } catch { throw error.inside(program.records[Int(op.c)].fieldNames[field]) }
            }
            out.append(UInt8(ascii: "}"))
            depth -= 1
        case .array, .map:
            try enter()
            let isMap = op.kind == .map
            out.append(isMap ? UInt8(ascii: "{") : UInt8(ascii: "["))
            let minSize = program.minSizeTable[Int(op.a)] + (isMap ? 1 : 0)
            var total = 0
            while true {
                let count = try reader.readBlockCount(minItemSize: minSize, itemsSoFar: total, limit: limits.maxZeroSizeItems)
                if count == 0 { break }
                for i in 0..<count {
                    if total + i > 0 { out.append(UInt8(ascii: ",")) }
                    var key = ""
                    if isMap {
                        let range = try reader.readLengthPrefixed()
                        guard AvroUTF8.isValid(reader.bytes, range) else {
                            throw AvroDataError(.invalidUTF8, expected: "a UTF-8 map key", actual: "invalid UTF-8 at byte \(range.lowerBound)")
                        }
                        let keyBytes = UnsafeBufferPointer(rebasing: reader.bytes[range])
                        Self.writeString(keyBytes, into: &out)
                        out.append(UInt8(ascii: ":"))
                        key = String(decoding: keyBytes, as: UTF8.self)
                    }
                    do { try write(op.a, into: &out) } catch { throw isMap ? error.inside(key) : error.inside(index: total + i) }
                }
                total += count
            }
            out.append(isMap ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            depth -= 1
        }
    }

    /// Non-finite numbers have no JSON form; Avro's Java encoder writes them as strings, and so do we.
    private func writeNumber(_ value: Double, text: @autoclosure () -> String, into out: inout [UInt8]) {
        if value.isNaN { append("\"NaN\"", to: &out); return }
        if value.isInfinite { append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"", to: &out); return }
        append(text(), to: &out)
    }

    private func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    @inline(__always)
    private mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string from valid UTF-8, escaping quotes, backslashes and control characters.
    static func writeString(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            appendEscape(byte, into: &out)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        out.append(UInt8(ascii: "\""))
    }

    /// Bytes as a JSON string of code points 0-255 (Avro's JSON form of bytes and fixed).
    static func writeLatin1(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                appendEscape(byte, into: &out)
            } else if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(0xC0 | byte >> 6)
                out.append(0x80 | byte & 0x3F)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
