/// Decodes and validates binary into `AvroValue`, with the same checks as `AvroBinaryValidator`.
struct AvroBinaryDecoder {
    let program: AvroProgram
    let ops: UnsafeBufferPointer<AvroOp>
    let children: UnsafeBufferPointer<Int32>
    var reader: AvroBinaryReader
    let limits: AvroCodecLimits
    var depth = 0

    mutating func decode(_ index: Int32) throws(AvroDataError) -> AvroValue {
        let op = ops[Int(index)]
        switch op.kind {
        case .null: return .null
        case .boolean: return .boolean(try reader.readBoolean())
        case .int:
            let value = try reader.readInt()
            if op.check != .none { try AvroLogicalChecks.checkTime(Int64(value), op.check) }
            return .int(value)
        case .long:
            let value = try reader.readLong()
            if op.check != .none { try AvroLogicalChecks.checkTime(value, op.check) }
            return .long(value)
        case .float: return .float(Float(bitPattern: UInt32(truncatingIfNeeded: try reader.readFixedBits(4))))
        case .double: return .double(Double(bitPattern: try reader.readFixedBits(8)))
        case .bytes:
            let range = try reader.readLengthPrefixed()
            if op.check == .decimal, let decimal = program.decimals[index] {
                try AvroLogicalChecks.checkDecimal(reader.bytes, range, precision: decimal.precision)
            }
            return .bytes(Array(UnsafeBufferPointer(rebasing: reader.bytes[range])))
        case .string:
            return .string(try readString(uuid: op.check == .uuid))
        case .fixed:
            let start = reader.position
            try reader.skip(Int(op.a))
            if op.check == .decimal, let decimal = program.decimals[index] {
                try AvroLogicalChecks.checkDecimal(reader.bytes, start..<reader.position, precision: decimal.precision)
            }
            return .fixed(Array(UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.position])))
        case .enumeration:
            let symbol = try reader.readInt()
            guard symbol >= 0, symbol < op.b else {
                throw AvroDataError(.invalidEnumIndex, expected: "enum index in 0..<\(op.b)", actual: String(symbol))
            }
            return .enumeration(program.enums[Int(op.c)].symbols[Int(symbol)])
        case .union:
            let branch = try reader.readLong()
            guard branch >= 0, branch < Int64(op.b) else {
                throw AvroDataError(.invalidUnionIndex, expected: "union index in 0..<\(op.b)", actual: String(branch))
            }
            return .union(branch: Int(branch), try decode(children[Int(op.a) + Int(branch)]))
        case .record:
            try enter()
            let start = Int(op.a)
            var fields: [AvroValue] = []
            fields.reserveCapacity(Int(op.b))
            for field in 0..<Int(op.b) {
                do {
                    fields.append(try decode(children[start + field]))
                } catch {
                    throw error.inside(program.records[Int(op.c)].fieldNames[field])
                }
            }
            depth -= 1
            return .record(fields)
        case .array:
            try enter()
            let item = op.a
            let minItemSize = program.minSizeTable[Int(item)]
            var items: [AvroValue] = []
            while true {
                let count = try reader.readBlockCount(minItemSize: minItemSize, itemsSoFar: items.count, limit: limits.maxZeroSizeItems)
                if count == 0 { break }
                items.reserveCapacity(items.count + count)
                for _ in 0..<count {
                    do { items.append(try decode(item)) } catch { throw error.inside(index: items.count) }
                }
            }
            depth -= 1
            return .array(items)
        case .map:
            try enter()
            let valueOp = op.a
            let minEntrySize = 1 + program.minSizeTable[Int(valueOp)]
            var entries: [String: AvroValue] = [:]
            var total = 0
            while true {
                let count = try reader.readBlockCount(minItemSize: minEntrySize, itemsSoFar: total, limit: limits.maxZeroSizeItems)
                if count == 0 { break }
                entries.reserveCapacity(entries.count + count)
                for _ in 0..<count {
                    let key = try readString(uuid: false)
                    do { entries[key] = try decode(valueOp) } catch { throw error.inside(key) }
                }
                total += count
            }
            depth -= 1
            return .map(entries)
        }
    }

    @inline(__always)
    mutating func readString(uuid: Bool) throws(AvroDataError) -> String {
        let range = try reader.readLengthPrefixed()
        guard AvroUTF8.isValid(reader.bytes, range) else {
            throw AvroDataError(.invalidUTF8, expected: "a UTF-8 string", actual: "invalid UTF-8 at byte \(range.lowerBound)")
        }
        if uuid { try AvroLogicalChecks.checkUUID(reader.bytes, range) }
        return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[range]), as: UTF8.self)
    }

    @inline(__always)
    mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
    }
}
