#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AvroJSONReader {
    /// Parses a JSON object as a record. Scanner is at `{`.
    mutating func record(_ index: Int32, _ op: AvroOp, into out: inout [UInt8]) throws(AvroDataError) {
        let objectStart = scanner.position
        let outStart = out.count
        if try recordInOrder(op, into: &out) { return }
        // Out of order: start over, one buffer per field.
        scanner.position = objectStart
        out.removeLast(out.count - outStart)
        try recordAnyOrder(op, into: &out)
    }

    /// Writes fields in place while keys follow schema order (gaps filled with defaults). Returns false,
    /// leaving input and output to be rewound, as soon as a key comes before one already written.
    private mutating func recordInOrder(_ op: AvroOp, into out: inout [UInt8]) throws(AvroDataError) -> Bool {
        let fieldCount = Int(op.b)
        scanner.position += 1
        var next = 0
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let field = try fieldIndex(op, hint: next)
                if field < next { return false }
                // A gap without defaults may still be filled by keys further on.
                for gap in next..<field where program.hasDefault[Int(op.a) + gap] == 0 { return false }
                while next < field {
                    try appendDefault(program.records[Int(op.c)], next, into: &out)
                    next += 1
                }
                try scanner.expect(UInt8(ascii: ":"))
                do { try value(program.childTable[Int(op.a) + field], into: &out) } catch {
                    throw error.inside(program.records[Int(op.c)].fieldNames[field])
                }
                next = field + 1
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        while next < fieldCount {
            try appendDefault(program.records[Int(op.c)], next, into: &out)
            next += 1
        }
        return true
    }

    private mutating func recordAnyOrder(_ op: AvroOp, into out: inout [UInt8]) throws(AvroDataError) {
        let info = program.records[Int(op.c)]
        let fieldCount = Int(op.b)
        var values = [[UInt8]?](repeating: nil, count: fieldCount)
        scanner.position += 1
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let field = try fieldIndex(op, hint: 0)
                guard values[field] == nil else {
                    throw AvroDataError(.duplicateField, path: "/" + info.fieldNames[field], expected: "each field once",
                                        actual: "a second \(info.fieldNames[field])")
                }
                try scanner.expect(UInt8(ascii: ":"))
                var buffer: [UInt8] = []
                do { try value(program.childTable[Int(op.a) + field], into: &buffer) } catch { throw error.inside(info.fieldNames[field]) }
                values[field] = buffer
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        for field in 0..<fieldCount {
            if let buffer = values[field] {
                out.append(contentsOf: buffer)
            } else {
                try appendDefault(info, field, into: &out)
            }
        }
    }

    /// Reads a key and finds its field, trying `hint` (the next field in schema order) first.
    private mutating func fieldIndex(_ op: AvroOp, hint: Int) throws(AvroDataError) -> Int {
        let (span, escaped) = try scanner.stringSpan()
        if escaped {
            try scanner.unescape(span)
            if let found = program.records[Int(op.c)].fieldKeys.firstIndex(of: scanner.scratch) { return found }
            throw unknownField(program.records[Int(op.c)], String(decoding: scanner.scratch, as: UTF8.self))
        }
        let base = Int(op.a)
        if hint < Int(op.b) && keyMatches(span, slot: base + hint) { return hint }
        for field in 0..<Int(op.b) where keyMatches(span, slot: base + field) { return field }
        throw unknownField(program.records[Int(op.c)], scanner.text(span))
    }

    @inline(__always)
    private func keyMatches(_ span: Range<Int>, slot: Int) -> Bool {
        let length = program.keyLength[slot]
        guard span.count == length, let input = scanner.input.baseAddress, let keys = program.keyBytes.baseAddress else { return false }
        return memcmp(input + span.lowerBound, keys + program.keyStart[slot], length) == 0
    }

    private func unknownField(_ info: AvroRecordInfo, _ name: String) -> AvroDataError {
        AvroDataError(.unknownField, path: "/" + name, expected: "a field of \(info.name.fullName)", actual: "unknown field \(name)")
    }

    private func appendDefault(_ info: AvroRecordInfo, _ field: Int, into out: inout [UInt8]) throws(AvroDataError) {
        if let encoded = info.defaultBinary[field] {
            out.append(contentsOf: encoded)
            return
        }
        // While defaults are being compiled they exist only as JSON text.
        guard let json = info.defaultJSON[field] else {
            let name = info.fieldNames[field]
            throw AvroDataError(.missingField, path: "/" + name, expected: "required field \(name) of \(info.name.fullName)", actual: "no value")
        }
        let recordOp = program.ops.firstIndex { $0.kind == .record && program.records[Int($0.c)].name == info.name } ?? 0
        let fieldOp = program.childTable[Int(program.opTable[recordOp].a) + field]
        guard depth < limits.maxDepth else {
            throw AvroDataError(.tooDeep, expected: "defaults nested at most \(limits.maxDepth) levels", actual: "deeper nesting")
        }
        out.append(contentsOf: try AvroJSONReader.encodeDefault(json, op: fieldOp, program: program))
    }
}
