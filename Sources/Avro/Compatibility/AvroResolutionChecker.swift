/// Walks a reader and a writer schema together, applying the specification's Schema Resolution rules and
/// collecting every reason the reader cannot read the writer's data (it does not stop at the first).
///
/// Recursion: record pairs are memoized by (reader full name, writer full name). A pair met again while still
/// being checked is taken as compatible (a recursive type is compatible if nothing along the way fails), which is
/// what makes the walk terminate; every pair is still walked fully once, so no failure is missed.
struct AvroResolutionChecker {
    let readerNames: AvroSchemaSet
    let writerNames: AvroSchemaSet
    private(set) var findings: [AvroResolutionFinding] = []
    private var steps: [AvroResolutionStep] = []
    private var recordPairs = AvroRecordPairMemo()
    private var depth = 0

    /// Nested `check` calls allowed before giving up. Named types referenced in a chain nest without bound in
    /// the text's JSON depth, so without a limit a hostile schema could exhaust the stack.
    static let maxDepth = 400

    init(readerNames: AvroSchemaSet, writerNames: AvroSchemaSet) {
        self.readerNames = readerNames
        self.writerNames = writerNames
    }

    mutating func check(reader: AvroSchema, writer: AvroSchema) {
        guard depth < Self.maxDepth else {
            report(.tooDeep(limit: Self.maxDepth))
            return
        }
        depth += 1
        defer { depth -= 1 }
        let reader = readerNames.resolve(reader)
        let writer = writerNames.resolve(writer)

        // Each branch the writer may have written must be readable on its own.
        if case .union(let branches) = writer {
            for (index, branch) in branches.enumerated() {
                steps.append(.writerBranch(index))
                check(reader: reader, writer: branch)
                steps.removeLast()
            }
            return
        }
        if case .union(let branches) = reader {
            checkUnion(readerBranches: branches, writer: writer)
            return
        }
        // The specification's one exception to "the underlying types decide": decimals with equal precision
        // and scale match whether they sit on bytes or on fixed.
        if AvroSchemaMatch.decimalsAgree(reader, writer) { return }

        switch (reader, writer) {
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long),
             (.float, .float), (.double, .double), (.bytes, .bytes), (.string, .string):
            return
        case (.array(let readerItems), .array(let writerItems)):
            steps.append(.items)
            check(reader: readerItems, writer: writerItems)
            steps.removeLast()
        case (.map(let readerValues), .map(let writerValues)):
            steps.append(.values)
            check(reader: readerValues, writer: writerValues)
            steps.removeLast()
        case (.fixed(let readerFixed), .fixed(let writerFixed)):
            checkName(kind: "fixed", reader: readerFixed.name, aliases: readerFixed.aliases, writer: writerFixed.name)
            if readerFixed.size != writerFixed.size {
                report(.fixedSize(name: readerFixed.name, reader: readerFixed.size, writer: writerFixed.size), leaf: .size)
            }
        case (.enumeration(let readerEnum), .enumeration(let writerEnum)):
            checkName(kind: "enum", reader: readerEnum.name, aliases: readerEnum.aliases, writer: writerEnum.name)
            checkSymbols(reader: readerEnum, writer: writerEnum)
        case (.record(let readerRecord), .record(let writerRecord)):
            checkRecordPair(reader: readerRecord, writer: writerRecord)
        default:
            if AvroSchemaMatch.promotes(writer, to: reader) { return }
            report(.typeMismatch(AvroResolutionFinding.TypePair(
                reader: AvroSchemaMatch.describe(reader), writer: AvroSchemaMatch.describe(writer),
                readerKind: AvroSchemaMatch.javaTypeName(reader), writerKind: AvroSchemaMatch.javaTypeName(writer),
                readableAs: AvroSchemaMatch.readerTypes(for: writer))))
        }
    }

    // MARK: - Named types

    private mutating func checkName(kind: String, reader: AvroName, aliases: [AvroName], writer: AvroName) {
        if !AvroSchemaMatch.namesMatch(reader: reader, aliases: aliases, writer: writer) {
            report(.nameMismatch(kind: kind, reader: reader, writer: writer), leaf: .name)
        }
    }

    private mutating func checkSymbols(reader: AvroEnum, writer: AvroEnum) {
        // An unknown writer symbol decodes as the reader's default symbol, so with a default nothing can fail.
        if reader.defaultSymbol != nil { return }
        var missing: [String] = []
        if reader.symbols.count > 16 {
            let known = Set(reader.symbols)
            missing = writer.symbols.filter { !known.contains($0) }
        } else {
            missing = writer.symbols.filter { !reader.symbols.contains($0) }
        }
        if !missing.isEmpty { report(.missingSymbols(enumName: reader.name, symbols: missing), leaf: .symbols) }
    }

    private mutating func checkRecordPair(reader: AvroRecord, writer: AvroRecord) {
        let pair = AvroRecordPairMemo.Pair(reader: reader.name, writer: writer.name)
        switch recordPairs[pair] {
        case .inProgress:
            return
        case .done(let earlier):
            for finding in earlier { findings.append(finding.rebased(onto: steps)) }
            return
        case nil:
            break
        }
        recordPairs.set(.inProgress, for: pair)
        let firstFinding = findings.count
        let base = steps.count

        checkName(kind: "record", reader: reader.name, aliases: reader.aliases, writer: writer.name)
        checkFields(reader: reader, writer: writer)

        let relative = findings[firstFinding...].map {
            AvroResolutionFinding(steps: Array($0.steps.dropFirst(base)), detail: $0.detail)
        }
        recordPairs.set(.done(relative), for: pair)
    }

    /// Reader fields are matched to writer fields by name, then by the reader field's aliases (the writer's
    /// aliases play no part). Writer fields the reader lacks are skipped, which is always allowed.
    private mutating func checkFields(reader: AvroRecord, writer: AvroRecord) {
        var lookup = AvroFieldLookup(writer.fields)
        for index in reader.fields.indices {
            let name = reader.fields[index].name
            steps.append(.field(index: index, name: name))
            if let writerIndex = lookup.position(named: name, aliases: reader.fields[index].aliases, expectedAt: index) {
                steps.append(.type)
                check(reader: reader.fields[index].type, writer: writer.fields[writerIndex].type)
                steps.removeLast()
            } else if reader.fields[index].defaultValue == nil {
                report(.missingDefault(field: name))
            }
            steps.removeLast()
        }
    }

    // MARK: - Reader unions

    /// The specification: "the first schema in the reader's union that matches the writer's schema is
    /// recursively resolved against it". A branch with the writer's exact type or full name is preferred, as the
    /// Java decoder does; then the first branch that matches by kind, promotion, unqualified name or alias.
    /// Matching by structure alone (a differently named record with the same fields) is not resolution.
    private mutating func checkUnion(readerBranches: [AvroSchema], writer: AvroSchema) {
        guard let chosen = chooseBranch(readerBranches, for: writer) else {
            report(.missingBranch(writer: AvroSchemaMatch.describe(writer), writerKind: AvroSchemaMatch.javaTypeName(writer), nearMiss: nil))
            return
        }
        let branch = readerNames.resolve(readerBranches[chosen])
        let firstFinding = findings.count
        steps.append(.readerBranch(chosen))
        check(reader: branch, writer: writer)
        steps.removeLast()
        guard findings.count > firstFinding else { return }

        // Java Avro reports this as one missing branch at the union; the first inner reason says why.
        let reason = findings[firstFinding]
        findings.removeSubrange(firstFinding...)
        let nearMiss = AvroResolutionFinding.NearMiss(
            branch: chosen, branchType: AvroSchemaMatch.describe(branch), reason: reason)
        report(.missingBranch(writer: AvroSchemaMatch.describe(writer), writerKind: AvroSchemaMatch.javaTypeName(writer), nearMiss: nearMiss))
    }

    private func chooseBranch(_ branches: [AvroSchema], for writer: AvroSchema) -> Int? {
        for index in branches.indices where AvroSchemaMatch.matchesExactly(readerNames.resolve(branches[index]), writer) {
            return index
        }
        for index in branches.indices where AvroSchemaMatch.matches(reader: readerNames.resolve(branches[index]), writer: writer) {
            return index
        }
        return nil
    }

    // MARK: - Reporting

    private mutating func report(_ detail: AvroResolutionFinding.Detail, leaf: AvroResolutionStep? = nil) {
        var at = steps
        if let leaf { at.append(leaf) }
        findings.append(AvroResolutionFinding(steps: at, detail: detail))
    }
}
