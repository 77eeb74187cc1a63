/// How to read data written with one schema as another, compiled once per (writer, reader) pair following the
/// specification's Schema Resolution rules. Steps refer to each other by index, so recursive records resolve
/// to cycles like the programs they come from.
enum AvroReadStep: Sendable {
    /// Same primitive or fixed on both sides: decode the writer's value as is.
    case direct(writer: Int32)
    /// int to long/float/double, long to float/double, float to double, string to bytes and back.
    case promote(writer: Int32, to: AvroOpKind)
    case record(AvroRecordReadPlan)
    /// Reader symbol for each writer symbol; nil where neither the symbol nor a reader default exists.
    case enumeration(writerSymbols: Int, symbols: [String?], writerName: String)
    case array(item: Int)
    case map(value: Int)
    /// Step for each writer branch; nil where no reader branch takes it (an error only if such data appears).
    case writerUnion(branches: [Int?], expectation: String)
    /// A writer value that becomes branch `branch` of a reader union.
    case readerUnion(branch: Int, step: Int)
    /// A placeholder while a recursive pair is being compiled; never left in a finished plan.
    case pending
}

struct AvroRecordReadPlan: Sendable {
    enum FieldAction: Sendable {
        /// Read the writer's field into reader field `readerField` via `step`.
        case read(step: Int, readerField: Int, name: String)
        /// The reader has no such field: validate and drop it.
        case skip(writer: Int32, name: String)
    }

    var actions: [FieldAction]
    /// Reader fields the writer lacks, filled from their defaults.
    var defaults: [(readerField: Int, value: AvroValue)]
    var readerFieldCount: Int
}

struct AvroReadPlanner {
    let writer: AvroProgram
    let reader: AvroProgram
    var steps: [AvroReadStep] = []
    private var memo: [Int64: Int] = [:]

    init(writer: AvroProgram, reader: AvroProgram) {
        self.writer = writer
        self.reader = reader
    }

    /// The step reading writer op `w` as reader op `r`; throws when the schemas cannot be resolved.
    mutating func plan(_ w: Int32, _ r: Int32) throws(AvroDataError) -> Int {
        let key = Int64(w) << 32 | Int64(r)
        if let existing = memo[key] { return existing }
        let wop = writer.ops[Int(w)]
        let rop = reader.ops[Int(r)]
        if wop.kind == .union {
            let index = reserve(key)
            var branches: [Int?] = []
            for branch in 0..<Int(wop.b) {
                let child = writer.children[Int(wop.a) + branch]
                let saved = (steps, memo)
                do {
                    branches.append(try plan(child, r))
                } catch {
                    (steps, memo) = saved
                    branches.append(nil)
                }
            }
            steps[index] = .writerUnion(branches: branches, expectation: reader.expectation(r))
            return index
        }
        if rop.kind == .union {
            // Exact match first, then a promotion, in reader branch order.
            for exact in [true, false] {
                for branch in 0..<Int(rop.b) {
                    let child = reader.children[Int(rop.a) + branch]
                    guard matches(wop, w, reader.ops[Int(child)], child, exact: exact) else { continue }
                    let step = try plan(w, child)
                    steps.append(.readerUnion(branch: branch, step: step))
                    memo[key] = steps.count - 1
                    return steps.count - 1
                }
            }
            throw unresolvable(w, r)
        }
        guard matches(wop, w, rop, r, exact: false) else { throw unresolvable(w, r) }
        switch (wop.kind, rop.kind) {
        case (.record, .record):
            let index = reserve(key)
            steps[index] = .record(try planRecord(wop, rop, r))
            return index
        case (.enumeration, .enumeration):
            let writerInfo = writer.enums[Int(wop.c)]
            let readerInfo = reader.enums[Int(rop.c)]
            let symbols = writerInfo.symbols.map { symbol -> String? in
                readerInfo.symbols.contains(symbol) ? symbol : readerInfo.defaultSymbol
            }
            steps.append(.enumeration(writerSymbols: writerInfo.symbols.count, symbols: symbols, writerName: writerInfo.name.fullName))
        case (.array, .array):
            let index = reserve(key)
            steps[index] = .array(item: try plan(wop.a, rop.a))
            return index
        case (.map, .map):
            let index = reserve(key)
            steps[index] = .map(value: try plan(wop.a, rop.a))
            return index
        default:
            steps.append(wop.kind == rop.kind ? .direct(writer: w) : .promote(writer: w, to: rop.kind))
        }
        memo[key] = steps.count - 1
        return steps.count - 1
    }

    private mutating func reserve(_ key: Int64) -> Int {
        steps.append(.pending)
        memo[key] = steps.count - 1
        return steps.count - 1
    }

    private mutating func planRecord(_ wop: AvroOp, _ rop: AvroOp, _ r: Int32) throws(AvroDataError) -> AvroRecordReadPlan {
        let writerInfo = writer.records[Int(wop.c)]
        let readerInfo = reader.records[Int(rop.c)]
        let readerAliases = reader.fieldAliases[readerInfo.name.fullName] ?? [:]
        var matched = Set<Int>()
        var actions: [AvroRecordReadPlan.FieldAction] = []
        for (writerField, name) in writerInfo.fieldNames.enumerated() {
            let writerOp = writer.children[Int(wop.a) + writerField]
            let readerField = readerInfo.fieldNames.firstIndex(of: name)
                ?? readerAliases.first { $0.value.contains(name) }.flatMap { readerInfo.fieldNames.firstIndex(of: $0.key) }
            guard let readerField, !matched.contains(readerField) else {
                actions.append(.skip(writer: writerOp, name: name))
                continue
            }
            matched.insert(readerField)
            let step: Int
            do {
                step = try plan(writerOp, reader.children[Int(rop.a) + readerField])
            } catch {
                throw error.inside(name)
            }
            actions.append(.read(step: step, readerField: readerField, name: name))
        }
        var defaults: [(readerField: Int, value: AvroValue)] = []
        for readerField in 0..<Int(rop.b) where !matched.contains(readerField) {
            let name = readerInfo.fieldNames[readerField]
            guard let encoded = readerInfo.defaultBinary[readerField] else {
                throw AvroDataError(.unresolvable, path: "/" + name, expected: "field \(name) in the writer's \(writerInfo.name.fullName) or a default",
                                    actual: "neither")
            }
            let fieldOp = reader.children[Int(rop.a) + readerField]
            let value = try encoded.withUnsafeBufferPointer { (buffer) throws(AvroDataError) -> AvroValue in
                try reader.ops.withUnsafeBufferPointer { (ops) throws(AvroDataError) -> AvroValue in
                    try reader.children.withUnsafeBufferPointer { (children) throws(AvroDataError) -> AvroValue in
                        var decoder = AvroBinaryDecoder(program: reader, ops: ops, children: children,
                                                        reader: AvroBinaryReader(buffer), limits: AvroCodecLimits())
                        return try decoder.decode(fieldOp)
                    }
                }
            }
            defaults.append((readerField, value))
        }
        return AvroRecordReadPlan(actions: actions, defaults: defaults, readerFieldCount: Int(rop.b))
    }

    /// Whether writer type `w` can be read as reader type `r` at the top level (named types by name or alias).
    private func matches(_ wop: AvroOp, _ w: Int32, _ rop: AvroOp, _ r: Int32, exact: Bool) -> Bool {
        switch (wop.kind, rop.kind) {
        case (.record, .record), (.enumeration, .enumeration), (.fixed, .fixed):
            let writerName = writer.branchName(w)
            let readerName = reader.branchName(r)
            let aliases = reader.typeAliases[readerName] ?? []
            let named = writerName == readerName || aliases.contains(writerName)
                || AvroName(fullName: writerName).name == AvroName(fullName: readerName).name
            return named && (wop.kind != .fixed || wop.a == rop.a)
        case (.array, .array), (.map, .map): return true
        case let (a, b) where a == b: return true
        case (.int, .long), (.int, .float), (.int, .double), (.long, .float), (.long, .double), (.float, .double),
             (.string, .bytes), (.bytes, .string):
            return !exact
        default: return false
        }
    }

    private func unresolvable(_ w: Int32, _ r: Int32) -> AvroDataError {
        AvroDataError(.unresolvable, expected: "writer data readable as \(reader.expectation(r))", actual: writer.expectation(w))
    }
}
