extension AvroJSONReader {
    /// A union value. `null` picks the null branch; `{"name": value}` with a single key naming a branch picks
    /// that branch (Avro's form, the only one `.avro` accepts). In `.plain` anything else is inferred: see
    /// `candidates(for:)`.
    mutating func union(_ index: Int32, _ op: AvroOp, into out: inout [UInt8]) throws(AvroDataError) {
        let info = program.unions[Int(op.c)]
        let next = scanner.peek()
        if next == UInt8(ascii: "n"), info.nullBranch >= 0 {
            try scanner.literal("null")
            out.appendAvroLong(Int64(info.nullBranch))
            return
        }
        if next == UInt8(ascii: "{"), let branch = try taggedBranch(info) {
            // Wrapped: `{"name": value}`.
            scanner.position += 1
            _ = try scanner.stringSpan()
            try scanner.expect(UInt8(ascii: ":"))
            out.appendAvroLong(Int64(branch))
            do { try value(program.childTable[Int(op.a) + branch], into: &out) } catch { throw error.inside(info.branchNames[branch]) }
            try scanner.expect(UInt8(ascii: "}"))
            return
        }
        guard dialect == .plain else {
            throw AvroDataError(.noUnionBranch, expected: "null or {\"branch\": value} for \(program.expectation(index))",
                                actual: scanner.describeNext())
        }
        try inferred(index, op, next, into: &out)
    }

    /// The branch an object of exactly one key names, or nil (the scanner is left where it was).
    private mutating func taggedBranch(_ info: AvroUnionInfo) throws(AvroDataError) -> Int? {
        var probe = scanner
        probe.position += 1
        guard probe.peek() == UInt8(ascii: "\"") else { return nil }
        let (span, escaped) = try probe.stringSpan()
        if escaped { return nil }
        var branch = info.branchKeys.firstIndex { probe.equals(span, $0) }
        if branch == nil {
            let matches = info.simpleNames.indices.filter { probe.equals(span, info.simpleNames[$0]) }
            if matches.count == 1 { branch = matches[0] }
        }
        guard let branch else { return nil }
        try probe.expect(UInt8(ascii: ":"))
        try probe.skipValue(depth: depth + 1, maxDepth: limits.maxDepth)
        return probe.peek() == UInt8(ascii: "}") ? branch : nil
    }

    private mutating func inferred(_ index: Int32, _ op: AvroOp, _ next: UInt8, into out: inout [UInt8]) throws(AvroDataError) {
        let groups = candidates(op, next)
        let total = groups.reduce(0) { $0 + $1.count }
        let inputStart = scanner.position
        let outStart = out.count
        var lastError: AvroDataError?
        for group in groups {
            for branch in group {
                out.appendAvroLong(Int64(branch))
                do {
                    try value(program.childTable[Int(op.a) + branch], into: &out)
                    return
                } catch {
                    lastError = error
                    scanner.position = inputStart
                    out.removeLast(out.count - outStart)
                }
            }
        }
        if total == 1, let lastError { throw lastError }
        throw AvroDataError(.noUnionBranch, expected: program.expectation(index), actual: scanner.describeNext())
    }

    /// Branches that may take a JSON value starting with `next`, in groups tried in order; within a group,
    /// schema order, and the first branch that accepts the value wins:
    /// - number: int and long (integral values), then float and double, then decimals;
    /// - string: string, then enum, then bytes and fixed (ISO-8859-1), then float/double ("NaN", "Infinity");
    /// - object: records (all required fields present, no unknown keys), then map;
    /// - `true`/`false`: boolean; array: array.
    private func candidates(_ op: AvroOp, _ next: UInt8) -> [[Int]] {
        var groups: [[Int]] = [[], [], [], []]
        for branch in 0..<Int(op.b) {
            let kind = program.opTable[Int(program.childTable[Int(op.a) + branch])].kind
            let check = program.opTable[Int(program.childTable[Int(op.a) + branch])].check
            switch next {
            case UInt8(ascii: "\""):
                switch kind {
                case .string: groups[0].append(branch)
                case .enumeration: groups[1].append(branch)
                case .bytes, .fixed: groups[2].append(branch)
                case .float, .double: groups[3].append(branch)
                default: break
                }
            case UInt8(ascii: "{"):
                if kind == .record { groups[0].append(branch) }
                if kind == .map { groups[1].append(branch) }
            case UInt8(ascii: "["):
                if kind == .array { groups[0].append(branch) }
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                if kind == .boolean { groups[0].append(branch) }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                switch kind {
                case .int, .long: groups[0].append(branch)
                case .float, .double: groups[1].append(branch)
                case .bytes where check == .decimal, .fixed where check == .decimal: groups[2].append(branch)
                default: break
                }
            default: break
            }
        }
        return groups
    }
}
