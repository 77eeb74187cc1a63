/// Reads writer binary through a resolution plan, producing values in the reader's shape.
struct AvroResolvingDecoder {
    let plan: [AvroReadStep]
    let writer: AvroProgram
    var reader: AvroBinaryReader
    let limits: AvroCodecLimits
    var depth = 0

    mutating func decode(_ stepIndex: Int) throws(AvroDataError) -> AvroValue {
        switch plan[stepIndex] {
        case .direct(let w):
            return try withWriterDecoder { (decoder) throws(AvroDataError) in try decoder.decode(w) }
        case .promote(let w, let target):
            let value = try withWriterDecoder { (decoder) throws(AvroDataError) in try decoder.decode(w) }
            return Self.promote(value, to: target)
        case .record(let resolution):
            try enter()
            var fields = [AvroValue](repeating: .null, count: resolution.readerFieldCount)
            for action in resolution.actions {
                switch action {
                case .read(let step, let readerField, let name):
                    do { fields[readerField] = try decode(step) } catch { throw error.inside(name) }
                case .skip(let w, let name):
                    do {
                        try withWriterValidator { (validator) throws(AvroDataError) in try validator.validate(w) }
                    } catch {
                        throw error.inside(name)
                    }
                }
            }
            for (readerField, value) in resolution.defaults { fields[readerField] = value }
            depth -= 1
            return .record(fields)
        case .enumeration(let count, let symbols, let writerName):
            let index = try reader.readInt()
            guard index >= 0, Int(index) < count else {
                throw AvroDataError(.invalidEnumIndex, expected: "enum index in 0..<\(count)", actual: String(index))
            }
            guard let symbol = symbols[Int(index)] else {
                throw AvroDataError(.unresolvable, expected: "a symbol the reader knows (the reader enum has no default)",
                                    actual: "symbol \(index) of \(writerName)")
            }
            return .enumeration(symbol)
        case .array(let item):
            try enter()
            var items: [AvroValue] = []
            while true {
                let count = try reader.readBlockCount(minItemSize: 0, itemsSoFar: items.count, limit: min(limits.maxZeroSizeItems, reader.remaining + 1) + items.count)
                if count == 0 { break }
                for _ in 0..<count {
                    do { items.append(try decode(item)) } catch { throw error.inside(index: items.count) }
                }
            }
            depth -= 1
            return .array(items)
        case .map(let valueStep):
            try enter()
            var entries: [String: AvroValue] = [:]
            var total = 0
            while true {
                let count = try reader.readBlockCount(minItemSize: 1, itemsSoFar: total, limit: limits.maxZeroSizeItems)
                if count == 0 { break }
                for _ in 0..<count {
                    let range = try reader.readLengthPrefixed()
                    guard AvroUTF8.isValid(reader.bytes, range) else {
                        throw AvroDataError(.invalidUTF8, expected: "a UTF-8 map key", actual: "invalid UTF-8 at byte \(range.lowerBound)")
                    }
                    let key = String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[range]), as: UTF8.self)
                    do { entries[key] = try decode(valueStep) } catch { throw error.inside(key) }
                }
                total += count
            }
            depth -= 1
            return .map(entries)
        case .writerUnion(let branches, let expectation):
            let branch = try reader.readLong()
            guard branch >= 0, branch < Int64(branches.count) else {
                throw AvroDataError(.invalidUnionIndex, expected: "union index in 0..<\(branches.count)", actual: String(branch))
            }
            guard let step = branches[Int(branch)] else {
                throw AvroDataError(.unresolvable, expected: expectation, actual: "writer union branch \(branch)")
            }
            return try decode(step)
        case .readerUnion(let branch, let step):
            return .union(branch: branch, try decode(step))
        case .pending:
            throw AvroDataError(.unresolvable, expected: "a complete resolution plan", actual: "an unfinished step")
        }
    }

    static func promote(_ value: AvroValue, to target: AvroOpKind) -> AvroValue {
        switch (value, target) {
        case (.int(let i), .long): return .long(Int64(i))
        case (.int(let i), .float): return .float(Float(i))
        case (.int(let i), .double): return .double(Double(i))
        case (.long(let l), .float): return .float(Float(l))
        case (.long(let l), .double): return .double(Double(l))
        case (.float(let f), .double): return .double(Double(f))
        case (.string(let s), .bytes): return .bytes(Array(s.utf8))
        case (.bytes(let b), .string): return .string(String(decoding: b, as: UTF8.self))
        default: return value
        }
    }

    private mutating func withWriterDecoder<R>(_ body: (inout AvroBinaryDecoder) throws(AvroDataError) -> R) throws(AvroDataError) -> R {
        let bytes = reader.bytes
        let start = reader.position
        let writer = self.writer
        let limits = self.limits
        var position = start
        let result = try writer.ops.withUnsafeBufferPointer { (ops) throws(AvroDataError) -> R in
            try writer.children.withUnsafeBufferPointer { (children) throws(AvroDataError) -> R in
                var decoder = AvroBinaryDecoder(program: writer, ops: ops, children: children,
                                                reader: AvroBinaryReader(bytes, position: start), limits: limits)
                let value = try body(&decoder)
                position = decoder.reader.position
                return value
            }
        }
        reader.position = position
        return result
    }

    private mutating func withWriterValidator(_ body: (inout AvroBinaryValidator) throws(AvroDataError) -> Void) throws(AvroDataError) {
        let bytes = reader.bytes
        let start = reader.position
        let writer = self.writer
        let limits = self.limits
        var position = start
        try writer.ops.withUnsafeBufferPointer { (ops) throws(AvroDataError) in
            try writer.children.withUnsafeBufferPointer { (children) throws(AvroDataError) in
                var validator = AvroBinaryValidator(program: writer, ops: ops, children: children,
                                                    reader: AvroBinaryReader(bytes, position: start), limits: limits)
                try body(&validator)
                position = validator.reader.position
            }
        }
        reader.position = position
    }

    @inline(__always)
    private mutating func enter() throws(AvroDataError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "nesting of at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
    }
}
