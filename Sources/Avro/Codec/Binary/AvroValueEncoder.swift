/// Validates an `AvroValue` against the program while writing its binary form.
///
/// Accepts lossless conversions (see `AvroValue`): int for long/float/double, long for int when it fits,
/// string for an enum symbol or bytes, bytes for fixed of the right size, a map for a record (fields by
/// name, defaults for missing ones), and a bare value for a union.
struct AvroValueEncoder {
    let program: AvroProgram
    let limits: AvroCodecLimits
    var depth = 0

    mutating func encode(_ index: Int32, _ value: AvroValue, into out: inout [UInt8]) throws(AvroDataError) {
        let op = program.opTable[Int(index)]
        switch op.kind {
        case .null:
            guard case .null = value else { throw mismatch(index, value) }
        case .boolean:
            guard case .boolean(let b) = value else { throw mismatch(index, value) }
            out.append(b ? 1 : 0)
        case .int:
            let number: Int64
            switch value {
            case .int(let i): number = Int64(i)
            case .long(let l):
                guard l >= Int64(Int32.min), l <= Int64(Int32.max) else {
                    throw AvroDataError(.outOfRange, expected: "int in -2147483648...2147483647", actual: String(l))
                }
                number = l
            default: throw mismatch(index, value)
            }
            if op.check != .none { try AvroLogicalChecks.checkTime(number, op.check) }
            out.appendAvroLong(number)
        case .long:
            let number: Int64
            switch value {
            case .long(let l): number = l
            case .int(let i): number = Int64(i)
            default: throw mismatch(index, value)
            }
            if op.check != .none { try AvroLogicalChecks.checkTime(number, op.check) }
            out.appendAvroLong(number)
        case .float:
            switch value {
            case .float(let f): out.appendAvroFloat(f)
            case .int(let i): out.appendAvroFloat(Float(i))
            case .long(let l): out.appendAvroFloat(Float(l))
            case .double(let d):
                let narrowed = Float(d)
                guard !d.isFinite || Double(narrowed) == d else {
                    throw AvroDataError(.outOfRange, expected: "a float (exactly representable)", actual: "\(d)")
                }
                out.appendAvroFloat(narrowed)
            default: throw mismatch(index, value)
            }
        case .double:
            switch value {
            case .double(let d): out.appendAvroDouble(d)
            case .float(let f): out.appendAvroDouble(Double(f))
            case .int(let i): out.appendAvroDouble(Double(i))
            case .long(let l): out.appendAvroDouble(Double(l))
            default: throw mismatch(index, value)
            }
        case .bytes:
            switch value {
            case .bytes(let bytes):
                if op.check == .decimal { try checkDecimal(index, bytes) }
                out.appendAvroBytes(bytes)
            case .string(let s): out.appendAvroBytes(s.utf8)
            default: throw mismatch(index, value)
            }
        case .string:
            switch value {
            case .string(let s):
                if op.check == .uuid {
                    try withBuffer(s.utf8) { (utf8) throws(AvroDataError) in try AvroLogicalChecks.checkUUID(utf8, 0..<utf8.count) }
                }
                var copy = s
                copy.withUTF8 { out.appendAvroBytes($0) }
            case .bytes(let bytes):
                guard AvroUTF8.isValid(bytes) else {
                    throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "bytes that are not UTF-8")
                }
                out.appendAvroBytes(bytes)
            default: throw mismatch(index, value)
            }
        case .fixed:
            let bytes: [UInt8]
            switch value {
            case .fixed(let b), .bytes(let b): bytes = b
            default: throw mismatch(index, value)
            }
            guard bytes.count == Int(op.a) else {
                throw AvroDataError(.fixedSize, expected: "\(program.expectation(index)) of size \(op.a)", actual: "\(bytes.count) bytes")
            }
            if op.check == .decimal { try checkDecimal(index, bytes) }
            out.append(contentsOf: bytes)
        case .enumeration:
            let symbol: String
            switch value {
            case .enumeration(let s), .string(let s): symbol = s
            default: throw mismatch(index, value)
            }
            let info = program.enums[Int(op.c)]
            guard let position = info.symbols.firstIndex(of: symbol) else {
                throw AvroDataError(.unknownSymbol, expected: "a symbol of \(info.name.fullName) (\(info.symbols.joined(separator: ", ")))",
                                    actual: "\"\(symbol)\"")
            }
            out.appendAvroLong(Int64(position))
        case .array:
            guard case .array(let items) = value else { throw mismatch(index, value) }
            try enter()
            if !items.isEmpty {
                out.appendAvroLong(Int64(items.count))
                for (position, item) in items.enumerated() {
                    do { try encode(op.a, item, into: &out) } catch { throw error.inside(index: position) }
                }
            }
            out.append(0)
            depth -= 1
        case .map:
            guard case .map(let entries) = value else { throw mismatch(index, value) }
            try enter()
            if !entries.isEmpty {
                out.appendAvroLong(Int64(entries.count))
                for (key, entry) in entries {
                    var copy = key
                    copy.withUTF8 { out.appendAvroBytes($0) }
                    do { try encode(op.a, entry, into: &out) } catch { throw error.inside(key) }
                }
            }
            out.append(0)
            depth -= 1
        case .record:
            try enter()
            try encodeRecord(index, op, value, into: &out)
            depth -= 1
        case .union:
            try encodeUnion(index, op, value, into: &out)
        }
    }

    private mutating func encodeRecord(_ index: Int32, _ op: AvroOp, _ value: AvroValue, into out: inout [UInt8]) throws(AvroDataError) {
        let start = Int(op.a)
        switch value {
        case .record(let fields):
            guard fields.count == Int(op.b) else {
                throw AvroDataError(.typeMismatch, expected: "\(program.records[Int(op.c)].name.fullName) with \(op.b) fields",
                                    actual: "\(fields.count) fields")
            }
            for position in 0..<fields.count {
                do { try encode(program.childTable[start + position], fields[position], into: &out) } catch {
                    throw error.inside(program.records[Int(op.c)].fieldNames[position])
                }
            }
        case .map(let byName):
            let info = program.records[Int(op.c)]
            var used = 0
            for position in 0..<Int(op.b) {
                let name = info.fieldNames[position]
                if let field = byName[name] {
                    used += 1
                    do { try encode(program.childTable[start + position], field, into: &out) } catch { throw error.inside(name) }
                } else if let fallback = info.defaultBinary[position] {
                    out.append(contentsOf: fallback)
                } else {
                    throw AvroDataError(.missingField, path: "/" + name, expected: "required field \(name) of \(info.name.fullName)", actual: "no value")
                }
            }
            if used != byName.count {
                let unknown = byName.keys.filter { !info.fieldNames.contains($0) }.sorted()
                throw AvroDataError(.unknownField, path: "/" + (unknown.first ?? ""), expected: "a field of \(info.name.fullName)",
                                    actual: "unknown field \(unknown.first ?? "")")
            }
        default:
            throw mismatch(index, value)
        }
    }

    private mutating func encodeUnion(_ index: Int32, _ op: AvroOp, _ value: AvroValue, into out: inout [UInt8]) throws(AvroDataError) {
        if case .union(let branch, let inner) = value {
            guard branch >= 0, branch < Int(op.b) else {
                throw AvroDataError(.invalidUnionIndex, expected: "union index in 0..<\(op.b)", actual: String(branch))
            }
            out.appendAvroLong(Int64(branch))
            try encode(program.childTable[Int(op.a) + branch], inner, into: &out)
            return
        }
        // Bare value: branches of the value's own kind first, then any branch that takes it without loss.
        let start = out.count
        var sameKindError: AvroDataError?
        var sameKindCount = 0
        // Two passes without an array literal: this runs once per bare union value in the encode loop.
        for pass in 0..<2 {
            let exactPass = pass == 0
            for branch in 0..<Int(op.b) {
                let child = program.childTable[Int(op.a) + branch]
                guard Self.sameKind(program.opTable[Int(child)].kind, value) == exactPass else { continue }
                out.appendAvroLong(Int64(branch))
                do {
                    try encode(child, value, into: &out)
                    return
                } catch {
                    out.removeLast(out.count - start)
                    if exactPass {
                        sameKindCount += 1
                        sameKindError = error
                    }
                }
            }
        }
        if sameKindCount == 1, let sameKindError { throw sameKindError }
        throw AvroDataError(.noUnionBranch, expected: program.expectation(index), actual: value.briefDescription)
    }

    private static func sameKind(_ kind: AvroOpKind, _ value: AvroValue) -> Bool {
        switch (kind, value) {
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float), (.double, .double),
             (.bytes, .bytes), (.string, .string), (.array, .array), (.map, .map), (.record, .record),
             (.enumeration, .enumeration), (.fixed, .fixed):
            return true
        default:
            return false
        }
    }

    private func checkDecimal(_ index: Int32, _ bytes: [UInt8]) throws(AvroDataError) {
        guard let decimal = program.decimals[index] else { return }
        try bytes.withUnsafeBufferPointer { (buffer) throws(AvroDataError) in
            try AvroLogicalChecks.checkDecimal(buffer, 0..<buffer.count, precision: decimal.precision)
        }
    }

    private func mismatch(_ index: Int32, _ value: AvroValue) -> AvroDataError {
        AvroDataError(.typeMismatch, expected: program.expectation(index), actual: value.briefDescription)
    }

    @inline(__always)
    private mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
    }
}
