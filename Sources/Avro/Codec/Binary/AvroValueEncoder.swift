/// Validates an `AvroValue` against the program while writing its binary form.
///
/// Accepts lossless conversions (see `AvroValue`): int for long/float/double, long for int when it fits,
/// string for an enum symbol or bytes, bytes for fixed of the right size, a map for a record (fields by
/// name, defaults for missing ones), and a bare value for a union.
///
/// Shape for speed: `encode` handles the exact form of each type inline (what decoding yields and what most
/// callers build) and hands conversions, logical-type checks and errors to out-of-line functions, which keeps
/// the recursive hot function's frame small.
struct AvroValueEncoder {
    let program: AvroProgram
    let ops: UnsafeMutableBufferPointer<AvroOp>
    let children: UnsafeMutableBufferPointer<Int32>
    let maxDepth: Int
    var depth = 0
    var out: AvroByteSink

    init(program: AvroProgram, limits: AvroCodecLimits, scratch: UnsafeMutableBufferPointer<UInt8>) {
        self.program = program
        self.ops = program.opTable
        self.children = program.childTable
        self.maxDepth = limits.maxDepth
        self.out = AvroByteSink(scratch: scratch)
    }

    /// Values arrive by pointer: a value read from an array element and passed by value is copied (its
    /// payload retained and released) around every call; a pointer into the array's buffer is not.
    mutating func encode(_ index: Int32, _ value: UnsafePointer<AvroValue>) throws(AvroDataError) {
        let op = ops[Int(index)]
        if writeExact(op, value) { return }
        switch op.kind {
        case .null, .boolean, .int, .long, .float, .double, .string, .bytes, .fixed:
            try encodeScalar(index, op, value.pointee)
        case .enumeration:
            switch value.pointee {
            case .enumeration(let s), .string(let s):
                // Look up first, write after: the lookup cannot free memory, so the symbol is not retained.
                let position = symbolPosition(op, s)
                guard position >= 0 else { throw unknownSymbol(op, s) }
                out.appendLong(Int64(position))
            default: throw mismatch(index, value.pointee)
            }
        case .array:
            guard case .array(let items) = value.pointee else { throw mismatch(index, value.pointee) }
            try enter()
            try encodeItems(op.a, items)
            depth -= 1
        case .map:
            guard case .map(let entries) = value.pointee else { throw mismatch(index, value.pointee) }
            try enter()
            try encodeEntries(op.a, entries)
            depth -= 1
        case .record:
            try enter()
            if case .record(let fields) = value.pointee, fields.count == Int(op.b) {
                try encodeFields(op, fields)
            } else {
                try encodeRecord(index, op, value.pointee)
            }
            depth -= 1
        case .union:
            if case .union(let branch, let inner) = value.pointee, branch >= 0, branch < Int(op.b) {
                out.appendLong(Int64(branch))
                try encode(children[Int(op.a) + branch], inner)
            } else {
                try encodeUnion(index, op, value.pointee)
            }
        }
    }

    /// A value not stored in an array (the root, a union's inner value, a map entry). A record's fields are
    /// borrowed from the value directly: going through a pointer would copy the value, retaining its payload.
    mutating func encode(_ index: Int32, _ value: AvroValue) throws(AvroDataError) {
        let op = ops[Int(index)]
        if op.kind == .record, case .record(let fields) = value, fields.count == Int(op.b) {
            try enter()
            try encodeFields(op, fields)
            depth -= 1
            return
        }
        try withUnsafePointer(to: value) { (pointer) throws(AvroDataError) in try encode(index, pointer) }
    }

    /// Writes a scalar given in its exact form with no logical-type check, inline in the container loops (most
    /// values of a record are such scalars, and a call per value cost more than writing it). False, having
    /// written nothing, for anything else: `encode` then does the full work.
    @inline(__always)
    private mutating func writeExact(_ op: AvroOp, _ value: UnsafePointer<AvroValue>) -> Bool {
        guard op.check == .none else { return false }
        switch op.kind {
        case .string:
            guard case .string(let s) = value.pointee else { return false }
            // Reserve, then read the string again: see `AvroByteSink.appendReservedString`.
            out.reserve(s.utf8.count &+ 10)
            guard case .string(let reloaded) = value.pointee else { return false }
            return out.appendReservedString(reloaded)
        case .long:
            guard case .long(let l) = value.pointee else { return false }
            out.appendLong(l)
        case .int:
            guard case .int(let i) = value.pointee else { return false }
            out.appendLong(Int64(i))
        case .double:
            guard case .double(let d) = value.pointee else { return false }
            out.appendDouble(d)
        case .float:
            guard case .float(let f) = value.pointee else { return false }
            out.appendFloat(f)
        case .boolean:
            guard case .boolean(let b) = value.pointee else { return false }
            out.append(b ? 1 : 0)
        case .null:
            guard case .null = value.pointee else { return false }
        default:
            return false
        }
        return true
    }

    // MARK: Containers

    private mutating func encodeFields(_ op: AvroOp, _ fields: [AvroValue]) throws(AvroDataError) {
        let start = Int(op.a)
        try fields.withUnsafeBufferPointer { (buffer) throws(AvroDataError) in
            guard let first = buffer.baseAddress else { return }
            for position in 0..<buffer.count {
                let child = children[start + position]
                if writeExact(ops[Int(child)], first + position) { continue }
                do throws(AvroDataError) { try encode(child, first + position) } catch {
                    throw error.inside(program.records[Int(op.c)].fieldNames[position])
                }
            }
        }
    }

    private mutating func encodeItems(_ itemOp: Int32, _ items: [AvroValue]) throws(AvroDataError) {
        let op = ops[Int(itemOp)]
        try items.withUnsafeBufferPointer { (buffer) throws(AvroDataError) in
            if let first = buffer.baseAddress, buffer.count > 0 {
                out.appendLong(Int64(buffer.count))
                for position in 0..<buffer.count {
                    if writeExact(op, first + position) { continue }
                    do throws(AvroDataError) { try encode(itemOp, first + position) } catch { throw error.inside(index: position) }
                }
            }
        }
        out.append(0)
    }

    private mutating func encodeEntries(_ itemOp: Int32, _ entries: [String: AvroValue]) throws(AvroDataError) {
        let op = ops[Int(itemOp)]
        if !entries.isEmpty {
            out.appendLong(Int64(entries.count))
            for (key, entry) in entries {
                out.reserve(key.utf8.count &+ 10)
                if !out.appendReservedString(key) { out.appendString(key) }
                // The entry is already a copy (the iterator's), so its numbers are written straight from it.
                if op.check == .none {
                    switch (op.kind, entry) {
                    case (.long, .long(let l)): out.appendLong(l); continue
                    case (.int, .int(let i)): out.appendLong(Int64(i)); continue
                    case (.double, .double(let d)): out.appendDouble(d); continue
                    case (.boolean, .boolean(let b)): out.append(b ? 1 : 0); continue
                    default: break
                    }
                }
                do { try encode(itemOp, entry) } catch { throw error.inside(key) }
            }
        }
        out.append(0)
    }

    /// A record given as `.record` with the wrong field count, as a map of fields by name, or as something else.
    @inline(never)
    private mutating func encodeRecord(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        let start = Int(op.a)
        switch value {
        case .record(let fields):
            throw AvroDataError(.typeMismatch, expected: "\(program.records[Int(op.c)].name.fullName) with \(op.b) fields",
                                actual: "\(fields.count) fields")
        case .map(let byName):
            let info = program.records[Int(op.c)]
            var used = 0
            for position in 0..<Int(op.b) {
                let name = info.fieldNames[position]
                if let field = byName[name] {
                    used += 1
                    do { try encode(children[start + position], field) } catch { throw error.inside(name) }
                } else if let fallback = info.defaultBinary[position] {
                    out.appendRaw(fallback)
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

    /// A union value with an out-of-range branch, or a bare value: branches of the value's own kind first,
    /// then any branch that takes it without loss.
    @inline(never)
    private mutating func encodeUnion(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        if case .union(let branch, _) = value {
            throw AvroDataError(.invalidUnionIndex, expected: "union index in 0..<\(op.b)", actual: String(branch))
        }
        let mark = out.count
        let savedDepth = depth
        var sameKindError: AvroDataError?
        var sameKindCount = 0
        for pass in 0..<2 {
            let exactPass = pass == 0
            for branch in 0..<Int(op.b) {
                let child = children[Int(op.a) + branch]
                guard Self.sameKind(ops[Int(child)].kind, value) == exactPass else { continue }
                out.appendLong(Int64(branch))
                do {
                    try encode(child, value)
                    return
                } catch {
                    out.truncate(to: mark)
                    depth = savedDepth
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

    // MARK: Scalars: conversions and checked logical types

    /// Scalars `writeExact` did not take: conversions, checked logical types, fixed, and mismatches.
    @inline(never)
    private mutating func encodeScalar(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        switch op.kind {
        case .null:
            guard case .null = value else { throw mismatch(index, value) }
        case .boolean:
            guard case .boolean(let b) = value else { throw mismatch(index, value) }
            out.append(b ? 1 : 0)
        case .int: try encodeInt(index, op, value)
        case .long: try encodeLong(index, op, value)
        case .float: try encodeFloat(index, value)
        case .double: try encodeDouble(index, value)
        case .string: try encodeString(index, op, value)
        case .bytes: try encodeBytes(index, op, value)
        case .fixed: try encodeFixed(index, op, value)
        default: throw mismatch(index, value)
        }
    }

    private mutating func encodeInt(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
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
        out.appendLong(number)
    }

    private mutating func encodeLong(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        let number: Int64
        switch value {
        case .long(let l): number = l
        case .int(let i): number = Int64(i)
        default: throw mismatch(index, value)
        }
        if op.check != .none { try AvroLogicalChecks.checkTime(number, op.check) }
        out.appendLong(number)
    }

    private mutating func encodeFloat(_ index: Int32, _ value: AvroValue) throws(AvroDataError) {
        switch value {
        case .float(let f): out.appendFloat(f)
        case .int(let i): out.appendFloat(Float(i))
        case .long(let l): out.appendFloat(Float(l))
        case .double(let d):
            let narrowed = Float(d)
            guard !d.isFinite || Double(narrowed) == d else {
                throw AvroDataError(.outOfRange, expected: "a float (exactly representable)", actual: "\(d)")
            }
            out.appendFloat(narrowed)
        default: throw mismatch(index, value)
        }
    }

    private mutating func encodeDouble(_ index: Int32, _ value: AvroValue) throws(AvroDataError) {
        switch value {
        case .double(let d): out.appendDouble(d)
        case .float(let f): out.appendDouble(Double(f))
        case .int(let i): out.appendDouble(Double(i))
        case .long(let l): out.appendDouble(Double(l))
        default: throw mismatch(index, value)
        }
    }

    private mutating func encodeString(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        switch value {
        case .string(let s):
            if op.check == .uuid {
                try withBuffer(s.utf8) { (utf8) throws(AvroDataError) in try AvroLogicalChecks.checkUUID(utf8, 0..<utf8.count) }
            }
            out.appendString(s)
        case .bytes(let bytes):
            guard AvroUTF8.isValid(bytes) else {
                throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "bytes that are not UTF-8")
            }
            out.appendBytes(bytes)
        default: throw mismatch(index, value)
        }
    }

    private mutating func encodeBytes(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        switch value {
        case .bytes(let bytes):
            if op.check == .decimal { try checkDecimal(index, bytes) }
            out.appendBytes(bytes)
        case .string(let s): out.appendString(s)
        default: throw mismatch(index, value)
        }
    }

    private mutating func encodeFixed(_ index: Int32, _ op: AvroOp, _ value: AvroValue) throws(AvroDataError) {
        let bytes: [UInt8]
        switch value {
        case .fixed(let b), .bytes(let b): bytes = b
        default: throw mismatch(index, value)
        }
        guard bytes.count == Int(op.a) else {
            throw AvroDataError(.fixedSize, expected: "\(program.expectation(index)) of size \(op.a)", actual: "\(bytes.count) bytes")
        }
        if op.check == .decimal { try checkDecimal(index, bytes) }
        out.appendRaw(bytes)
    }

    /// The symbol's index, or -1. Symbols are few (an enum's list), so a linear scan beats hashing; comparing
    /// UTF-8 lengths first skips most `String` comparisons, which call into the runtime when strings differ.
    @inline(__always)
    private func symbolPosition(_ op: AvroOp, _ symbol: String) -> Int {
        let length = symbol.utf8.count
        let symbols = program.enums[Int(op.c)].symbols
        for position in 0..<symbols.count where symbols[position].utf8.count == length && symbols[position] == symbol {
            return position
        }
        return -1
    }

    @inline(never)
    private func unknownSymbol(_ op: AvroOp, _ symbol: String) -> AvroDataError {
        let info = program.enums[Int(op.c)]
        return AvroDataError(.unknownSymbol, expected: "a symbol of \(info.name.fullName) (\(info.symbols.joined(separator: ", ")))",
                             actual: "\"\(symbol)\"")
    }

    private func checkDecimal(_ index: Int32, _ bytes: [UInt8]) throws(AvroDataError) {
        guard let decimal = program.decimals[index] else { return }
        try bytes.withUnsafeBufferPointer { (buffer) throws(AvroDataError) in
            try AvroLogicalChecks.checkDecimal(buffer, 0..<buffer.count, precision: decimal.precision)
        }
    }

    @inline(never)
    private func mismatch(_ index: Int32, _ value: AvroValue) -> AvroDataError {
        AvroDataError(.typeMismatch, expected: program.expectation(index), actual: value.briefDescription)
    }

    @inline(__always)
    private mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= maxDepth else { throw tooDeep() }
    }

    @inline(never)
    private func tooDeep() -> AvroDataError {
        AvroDataError(.tooDeep, expected: "nesting of at most \(maxDepth) levels", actual: "deeper nesting")
    }
}
