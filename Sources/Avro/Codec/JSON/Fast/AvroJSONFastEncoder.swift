/// JSON text to Avro binary for the common shapes only, over raw pointers: record keys in schema order,
/// strings copied straight into the output, numbers parsed inline, no allocation.
///
/// It either produces exactly the bytes `AvroJSONReader` would, or declines (`Decline`) and the caller
/// runs `AvroJSONReader` from the start. Declining is how every error, and every rare shape (keys out of
/// order, escaped keys, bytes, fixed, decimals, wrapped unions, numbers that are not plain integers for a
/// long), keeps the full reader's behaviour and messages without a second copy of that logic here.
struct AvroJSONFastEncoder {
    enum Decline: Error {
        /// Input the fast path does not handle (including all invalid input).
        case unsupported
        /// The output region is full; the caller retries with a larger one.
        case outOfSpace
    }

    let ops: UnsafeMutableBufferPointer<AvroOp>
    let children: UnsafeMutableBufferPointer<Int32>
    let tables: AvroJSONFastTables.View
    let strings: UnsafeMutablePointer<UInt8>
    let input: UnsafePointer<UInt8>
    let end: Int
    var position = 0
    let output: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0
    let dialect: AvroJSONDialect
    let maxDepth: Int
    var depth = 0

    /// Encodes `json` and appends it to `out`; false (with `out` unchanged) when the full reader must run.
    static func encode(program: AvroProgram, json: UnsafeBufferPointer<UInt8>, dialect: AvroJSONDialect,
                       limits: AvroCodecLimits, into out: inout [UInt8]) -> Bool {
        guard let input = json.baseAddress, let tables = program.jsonTables.view else { return false }
        // Most records fit a stack buffer, appended to `out` once; larger ones (or outputs that outgrow their
        // JSON: many small doubles, big defaults) encode in place in `out`, retrying with more room.
        if json.count <= stackSize - 64 {
            let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stackSize) { (buffer) -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                let written = run(program, tables, input, json.count, base, stackSize, dialect, limits)
                if let written, written >= 0 { out.append(contentsOf: UnsafeBufferPointer(start: base, count: written)) }
                return written
            }
            guard let written else { return false }
            if written >= 0 { return true }
        }
        let start = out.count
        var reserve = max(json.count + 64, 2 * stackSize)
        while reserve <= 1 << 40 {
            out.append(contentsOf: repeatElement(0, count: reserve))
            let written = out.withUnsafeMutableBufferPointer { (buffer) -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                return run(program, tables, input, json.count, base + start, reserve, dialect, limits)
            }
            guard let written else {
                out.removeLast(reserve)
                return false
            }
            if written >= 0 {
                out.removeLast(reserve - written)
                return true
            }
            out.removeLast(reserve)
            reserve *= 2
        }
        return false
    }

    /// Stays on the stack: the standard library keeps temporary allocations this small there.
    private static let stackSize = 1024

    /// Bytes written, -1 when `capacity` was too small, nil when the full reader must run.
    private static func run(_ program: AvroProgram, _ tables: AvroJSONFastTables.View, _ input: UnsafePointer<UInt8>, _ count: Int,
                            _ output: UnsafeMutablePointer<UInt8>, _ capacity: Int, _ dialect: AvroJSONDialect,
                            _ limits: AvroCodecLimits) -> Int? {
        var encoder = AvroJSONFastEncoder(program: program, tables: tables, input: input, count: count, output: output,
                                          capacity: capacity, dialect: dialect, maxDepth: limits.maxDepth)
        do throws(Decline) {
            try encoder.encodeDatum(program.root)
            return encoder.count
        } catch .outOfSpace {
            return -1
        } catch {
            return nil
        }
    }

    private init(program: AvroProgram, tables: AvroJSONFastTables.View, input: UnsafePointer<UInt8>, count: Int,
                 output: UnsafeMutablePointer<UInt8>, capacity: Int, dialect: AvroJSONDialect, maxDepth: Int) {
        ops = program.opTable
        children = program.childTable
        self.tables = tables
        strings = tables.bytes
        self.input = input
        end = count
        self.output = output
        self.capacity = capacity
        self.dialect = dialect
        self.maxDepth = maxDepth
    }

    private mutating func encodeDatum(_ root: Int32) throws(Decline) {
        try value(root)
        // As `AvroJSONReader.finish`: only whitespace (or a NUL byte, which reads as the end) may follow.
        guard peek() == 0 else { throw .unsupported }
    }

    // MARK: Input

    /// The next significant byte after whitespace, 0 at the end (as `AvroJSONScanner.peek`).
    @inline(__always)
    mutating func peek() -> UInt8 {
        while position < end {
            let byte = input[position]
            if byte > 0x20 { return byte }
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            position += 1
        }
        return 0
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(Decline) {
        guard peek() == byte else { throw .unsupported }
        position += 1
    }

    /// Matches a literal whose first byte the caller has seen; `word` holds its bytes, little-endian.
    @inline(__always)
    mutating func literal(_ word: UInt32, length: Int) throws(Decline) {
        guard end - position >= 4 else { throw .unsupported }
        let loaded = UnsafeRawPointer(input + position).loadUnaligned(as: UInt32.self).littleEndian
        guard loaded == word else { throw .unsupported }
        if length == 5 {
            guard position + 4 < end, input[position + 4] == UInt8(ascii: "e") else { throw .unsupported }
        }
        position += length
    }

    // MARK: Output

    @inline(__always)
    func ensure(_ bytes: Int) throws(Decline) {
        guard capacity - count >= bytes else { throw .outOfSpace }
    }

    /// Zig-zag varint; the caller ensured 10 bytes.
    @inline(__always)
    mutating func writeLong(_ value: Int64) {
        count += AvroVarint.write(value, to: output + count)
    }

    /// Writes `value` (a count or length, at least 64) in front of the bytes from `start`, which sit one byte
    /// after a slot reserved for a one-byte varint.
    mutating func widenPrefix(_ value: Int, slot: Int) throws(Decline) {
        let size = AvroVarint.size(Int64(value))
        try ensure(size - 1)
        let body = slot + 1
        (output + body + size - 1).update(from: output + body, count: count - body)
        count += size - 1
        _ = AvroVarint.write(Int64(value), to: output + slot)
    }

    /// Sets the length or count in the slot reserved before the bytes that followed it.
    @inline(__always)
    mutating func finishPrefix(_ value: Int, slot: Int) throws(Decline) {
        if value < 64 {
            output[slot] = UInt8(truncatingIfNeeded: value << 1)
        } else {
            try widenPrefix(value, slot: slot)
        }
    }

    @inline(__always)
    mutating func enter() throws(Decline) {
        depth += 1
        guard depth <= maxDepth else { throw .unsupported }
    }

    // MARK: Values

    /// A field, item or map value. Plain strings and longs, most of any record, are handled right here so
    /// they skip `value`'s call and dispatch.
    @inline(__always)
    mutating func member(_ index: Int32) throws(Decline) {
        let op = ops[Int(index)]
        if op.check == .none {
            if op.kind == .string && peek() == UInt8(ascii: "\"") {
                try string()
                return
            }
            if op.kind == .long {
                try ensure(10)
                _ = peek()
                writeLong(try integer())
                return
            }
        }
        try value(index)
    }

    mutating func value(_ index: Int32) throws(Decline) {
        try ensure(24)
        let op = ops[Int(index)]
        let next = peek()
        switch op.kind {
        case .null:
            guard next == UInt8(ascii: "n") else { throw .unsupported }
            try literal(0x6C6C_756E, length: 4)
        case .boolean:
            if next == UInt8(ascii: "t") {
                try literal(0x6575_7274, length: 4)
                output[count] = 1
            } else if next == UInt8(ascii: "f") {
                try literal(0x736C_6166, length: 5)
                output[count] = 0
            } else {
                throw .unsupported
            }
            count += 1
        case .int, .long:
            let number = try integer()
            if op.kind == .int && (number < Int64(Int32.min) || number > Int64(Int32.max)) { throw .unsupported }
            switch op.check {
            case .timeMillis: if number < 0 || number >= AvroLogicalChecks.millisPerDay { throw .unsupported }
            case .timeMicros: if number < 0 || number >= AvroLogicalChecks.microsPerDay { throw .unsupported }
            default: break
            }
            writeLong(number)
        case .float:
            let bits = Float(try double()).bitPattern.littleEndian
            UnsafeMutableRawPointer(output + count).storeBytes(of: bits, as: UInt32.self)
            count += 4
        case .double:
            let bits = try double().bitPattern.littleEndian
            UnsafeMutableRawPointer(output + count).storeBytes(of: bits, as: UInt64.self)
            count += 8
        case .string:
            guard next == UInt8(ascii: "\"") else { throw .unsupported }
            let slot = count
            try string()
            if op.check == .uuid {
                let bytes = UnsafeBufferPointer(start: UnsafePointer(output), count: count)
                guard AvroLogicalChecks.isUUID(bytes, slot + 1..<count) else { throw .unsupported }
            }
        case .enumeration:
            guard next == UInt8(ascii: "\"") else { throw .unsupported }
            try enumeration(op)
        case .array:
            guard next == UInt8(ascii: "[") else { throw .unsupported }
            try enter()
            position += 1
            let slot = count
            count += 1
            var items = 0
            if peek() == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try member(op.a)
                    items += 1
                    let separator = peek()
                    position += 1
                    if separator == UInt8(ascii: ",") { continue }
                    guard separator == UInt8(ascii: "]") else { throw .unsupported }
                    break
                }
            }
            try closeBlock(items, slot: slot)
            depth -= 1
        case .map:
            guard next == UInt8(ascii: "{") else { throw .unsupported }
            try enter()
            position += 1
            let slot = count
            count += 1
            var entries = 0
            if peek() == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    guard peek() == UInt8(ascii: "\"") else { throw .unsupported }
                    try ensure(16)
                    try string()
                    try expect(UInt8(ascii: ":"))
                    try member(op.a)
                    entries += 1
                    let separator = peek()
                    position += 1
                    if separator == UInt8(ascii: ",") { continue }
                    guard separator == UInt8(ascii: "}") else { throw .unsupported }
                    break
                }
            }
            try closeBlock(entries, slot: slot)
            depth -= 1
        case .record:
            guard next == UInt8(ascii: "{") else { throw .unsupported }
            try enter()
            try record(op)
            depth -= 1
        case .union:
            try union(op, next)
        case .bytes, .fixed:
            throw .unsupported
        }
    }

    /// Ends an array or map block: the count in its slot (none when empty) and the closing zero.
    @inline(__always)
    private mutating func closeBlock(_ items: Int, slot: Int) throws(Decline) {
        if items == 0 {
            count = slot
        } else {
            try finishPrefix(items, slot: slot)
        }
        try ensure(1)
        output[count] = 0
        count += 1
    }

    /// An enum symbol: each symbol and its closing quote compared with the input in one go; escaped text
    /// matches none and declines. Scanner is at the opening quote.
    private mutating func enumeration(_ op: AvroOp) throws(Decline) {
        let start = position + 1
        let first = tables.enumFirst[Int(op.c)]
        for symbol in 0..<Int(op.b) {
            let length = tables.symbolLength[first + symbol]
            if length >= 0, end - start > length, Self.matches(input + start, end - start, strings + tables.symbolOffset[first + symbol], length + 1) {
                position = start + length + 1
                writeLong(Int64(symbol))
                return
            }
        }
        throw .unsupported
    }

    /// Whether `source` (with `available` bytes readable) starts with the `length` bytes of `text`, which has
    /// at least eight readable bytes after any position (the tables' slack): whole words, the last one masked
    /// or overlapped. Static, so that calling it never copies the encoder.
    @inline(__always)
    static func matches(_ source: UnsafePointer<UInt8>, _ available: Int, _ text: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let raw = UnsafeRawPointer(source)
        let other = UnsafeRawPointer(text)
        if length <= 8 {
            guard available >= 8 else {
                for i in 0..<length where source[i] != text[i] { return false }
                return true
            }
            let difference = (raw.loadUnaligned(as: UInt64.self) ^ other.loadUnaligned(as: UInt64.self)).littleEndian
            return difference << (UInt64(8 - length) << 3) == 0
        }
        var i = 0
        while length - i > 8 {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) != other.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        return raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == other.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
    }
}
