/// Checks that bytes are one datum of the program's schema without building any value: the fast path for a
/// service that only needs a yes or no (and where it failed).
struct AvroBinaryValidator {
    let program: AvroProgram
    let ops: UnsafeBufferPointer<AvroOp>
    let children: UnsafeBufferPointer<Int32>
    var reader: AvroBinaryReader
    let limits: AvroCodecLimits
    var depth = 0

    mutating func validate(_ index: Int32) throws(AvroDataError) {
        let op = ops[Int(index)]
        switch op.kind {
        case .null: return
        case .boolean: _ = try reader.readBoolean()
        case .int:
            let value = try reader.readInt()
            if op.check != .none { try AvroLogicalChecks.checkTime(Int64(value), op.check) }
        case .long:
            let value = try reader.readLong()
            if op.check != .none { try AvroLogicalChecks.checkTime(value, op.check) }
        case .float: try reader.skip(4)
        case .double: try reader.skip(8)
        case .bytes:
            let range = try reader.readLengthPrefixed()
            if op.check == .decimal, let decimal = program.decimals[index] {
                try AvroLogicalChecks.checkDecimal(reader.bytes, range, precision: decimal.precision)
            }
        case .string:
            let range = try reader.readLengthPrefixed()
            guard AvroUTF8.isValid(reader.bytes, range) else {
                throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "invalid UTF-8 at byte \(range.lowerBound)")
            }
            if op.check == .uuid { try AvroLogicalChecks.checkUUID(reader.bytes, range) }
        case .fixed:
            let start = reader.position
            try reader.skip(Int(op.a))
            if op.check == .decimal, let decimal = program.decimals[index] {
                try AvroLogicalChecks.checkDecimal(reader.bytes, start..<reader.position, precision: decimal.precision)
            }
        case .enumeration:
            let symbol = try reader.readInt()
            guard symbol >= 0, symbol < op.b else {
                throw AvroDataError(.invalidEnumIndex, expected: "enum index in 0..<\(op.b)", actual: String(symbol))
            }
        case .union:
            let branch = try reader.readLong()
            guard branch >= 0, branch < Int64(op.b) else {
                throw AvroDataError(.invalidUnionIndex, expected: "union index in 0..<\(op.b)", actual: String(branch))
            }
            try validate(children[Int(op.a) + Int(branch)])
        case .record:
            try enter()
            let start = Int(op.a)
            for field in 0..<Int(op.b) {
                do {
                    try validate(children[start + field])
                } catch {
                    throw error.inside(program.records[Int(op.c)].fieldNames[field])
                }
            }
            depth -= 1
        case .array:
            try enter()
            let item = op.a
            let minItemSize = program.minSizeTable[Int(item)]
            var total = 0
            while true {
                let count = try reader.readBlockCount(minItemSize: minItemSize, itemsSoFar: total, limit: limits.maxZeroSizeItems)
                if count == 0 { break }
                for i in 0..<count {
                    do { try validate(item) } catch { throw error.inside(index: total + i) }
                }
                total += count
            }
            depth -= 1
        case .map:
            try enter()
            let value = op.a
            let minEntrySize = 1 + program.minSizeTable[Int(value)]
            var total = 0
            while true {
                let count = try reader.readBlockCount(minItemSize: minEntrySize, itemsSoFar: total, limit: limits.maxZeroSizeItems)
                if count == 0 { break }
                for _ in 0..<count {
                    let key = try reader.readLengthPrefixed()
                    guard AvroUTF8.isValid(reader.bytes, key) else {
                        throw AvroDataError(.invalidUTF8, expected: "a UTF-8 map key", actual: "invalid UTF-8 at byte \(key.lowerBound)")
                    }
                    do { try validate(value) } catch {
                        throw error.inside(String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[key]), as: UTF8.self))
                    }
                }
                total += count
            }
            depth -= 1
        }
    }

    @inline(__always)
    mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
    }
}
