/// Turns an `AvroSchema` tree into an `AvroProgram`. Named types compile once and are referenced by index, so
/// recursive types become cycles in the table.
struct AvroProgramCompiler {
    private let names: AvroSchemaSet
    private var ops: [AvroOp] = []
    private var children: [Int32] = []
    private var records: [AvroRecordInfo] = []
    private var enums: [AvroEnumInfo] = []
    private var unions: [AvroUnionInfo] = []
    private var fixedNames: [Int32: AvroName] = [:]
    private var decimals: [Int32: (precision: Int, scale: Int)] = [:]
    private var compiledNames: [String: Int32] = [:]
    private var typeAliases: [String: [String]] = [:]
    private var fieldAliases: [String: [String: [String]]] = [:]
    /// Primitive types appear over and over; one op each is enough.
    private var primitiveOps: [String: Int32] = [:]

    init(names: AvroSchemaSet) {
        self.names = names
    }

    static func compile(_ schema: AvroSchema, names: AvroSchemaSet) throws(AvroDataError) -> AvroProgram {
        var compiler = AvroProgramCompiler(names: names)
        let root = try compiler.compile(schema)
        let draft = compiler.build(root: root)
        return try compiler.withDefaults(draft)
    }

    private mutating func append(_ op: AvroOp) -> Int32 {
        ops.append(op)
        return Int32(ops.count - 1)
    }

    private mutating func primitive(_ kind: AvroOpKind, _ check: AvroLogicalCheck = .none) -> Int32 {
        let key = "\(kind.rawValue)/\(check.rawValue)"
        if let existing = primitiveOps[key] { return existing }
        let index = append(AvroOp(kind: kind, check: check))
        primitiveOps[key] = index
        return index
    }

    private mutating func compile(_ schema: AvroSchema) throws(AvroDataError) -> Int32 {
        switch schema {
        case .null: return primitive(.null)
        case .boolean: return primitive(.boolean)
        case .int(let logical): return primitive(.int, logical == .timeMillis ? .timeMillis : .none)
        case .long(let logical): return primitive(.long, logical == .timeMicros ? .timeMicros : .none)
        case .float: return primitive(.float)
        case .double: return primitive(.double)
        case .string(let logical): return primitive(.string, logical == .uuid ? .uuid : .none)
        case .bytes(let logical):
            if case .decimal(let precision, let scale) = logical {
                let index = append(AvroOp(kind: .bytes, check: .decimal))
                decimals[index] = (precision, scale)
                return index
            }
            return primitive(.bytes)
        case .array(let items):
            let index = append(AvroOp(kind: .array))
            let item = try compile(items)
            ops[Int(index)].a = item
            return index
        case .map(let values):
            let index = append(AvroOp(kind: .map))
            let value = try compile(values)
            ops[Int(index)].a = value
            return index
        case .union(let branches):
            let index = append(AvroOp(kind: .union))
            var branchOps: [Int32] = []
            for branch in branches { branchOps.append(try compile(branch)) }
            let start = Int32(children.count)
            children.append(contentsOf: branchOps)
            var info = AvroUnionInfo(nullBranch: -1, branchNames: [], branchKeys: [], simpleNames: [])
            for (position, branch) in branchOps.enumerated() {
                let name = branchName(branch)
                if ops[Int(branch)].kind == .null && info.nullBranch < 0 { info.nullBranch = position }
                info.branchNames.append(name)
                info.branchKeys.append(Array(name.utf8))
                info.simpleNames.append(Array(AvroName(fullName: name).name.utf8))
            }
            unions.append(info)
            ops[Int(index)] = AvroOp(kind: .union, a: start, b: Int32(branchOps.count), c: Int32(unions.count - 1))
            return index
        case .record(let record):
            if let existing = compiledNames[record.name.fullName] { return existing }
            typeAliases[record.name.fullName] = record.aliases.map(\.fullName)
            fieldAliases[record.name.fullName] = Dictionary(record.fields.map { ($0.name, $0.aliases) }, uniquingKeysWith: { first, _ in first })
            // Registered before its fields compile, so fields can refer back to it.
            records.append(AvroRecordInfo(
                name: record.name,
                fieldNames: record.fields.map(\.name),
                fieldKeys: record.fields.map { Array($0.name.utf8) },
                defaultJSON: record.fields.map { field in field.defaultValue.map { Array($0.serialized().utf8) } },
                defaultBinary: Array(repeating: nil, count: record.fields.count)))
            let info = Int32(records.count - 1)
            let index = append(AvroOp(kind: .record, c: info))
            compiledNames[record.name.fullName] = index
            var fieldOps: [Int32] = []
            for field in record.fields { fieldOps.append(try compile(field.type)) }
            let start = Int32(children.count)
            children.append(contentsOf: fieldOps)
            ops[Int(index)] = AvroOp(kind: .record, a: start, b: Int32(fieldOps.count), c: info)
            return index
        case .enumeration(let enumeration):
            if let existing = compiledNames[enumeration.name.fullName] { return existing }
            typeAliases[enumeration.name.fullName] = enumeration.aliases.map(\.fullName)
            enums.append(AvroEnumInfo(name: enumeration.name, symbols: enumeration.symbols,
                                      symbolKeys: enumeration.symbols.map { Array($0.utf8) },
                                      defaultSymbol: enumeration.defaultSymbol))
            let index = append(AvroOp(kind: .enumeration, b: Int32(enumeration.symbols.count), c: Int32(enums.count - 1)))
            compiledNames[enumeration.name.fullName] = index
            return index
        case .fixed(let fixed):
            if let existing = compiledNames[fixed.name.fullName] { return existing }
            typeAliases[fixed.name.fullName] = fixed.aliases.map(\.fullName)
            var check = AvroLogicalCheck.none
            if case .decimal = fixed.logicalType { check = .decimal }
            let index = append(AvroOp(kind: .fixed, check: check, a: Int32(clamping: fixed.size)))
            if case .decimal(let precision, let scale) = fixed.logicalType { decimals[index] = (precision, scale) }
            fixedNames[index] = fixed.name
            compiledNames[fixed.name.fullName] = index
            return index
        case .reference(let name):
            if let existing = compiledNames[name.fullName] { return existing }
            guard let definition = names[name], definition.fullName != nil, !isReference(definition) else {
                throw AvroDataError(.unknownType, expected: "a defined named type", actual: name.fullName)
            }
            return try compile(definition)
        }
    }

    private func isReference(_ schema: AvroSchema) -> Bool {
        if case .reference = schema { return true }
        return false
    }

    private func branchName(_ op: Int32) -> String {
        let o = ops[Int(op)]
        switch o.kind {
        case .record: return records[Int(o.c)].name.fullName
        case .enumeration: return enums[Int(o.c)].name.fullName
        case .fixed: return fixedNames[op]?.fullName ?? "fixed"
        default: return o.kind.name
        }
    }

    private func build(root: Int32) -> AvroProgram {
        AvroProgram(ops: ops, children: children, records: records, enums: enums, unions: unions,
                    fixedNames: fixedNames, decimals: decimals, minSize: minimumSizes(), root: root,
                    typeAliases: typeAliases, fieldAliases: fieldAliases)
    }

    /// Least fixpoint from zero: every iteration yields a valid lower bound, so stopping early is safe.
    private func minimumSizes() -> [Int] {
        var sizes = Array(repeating: 0, count: ops.count)
        for _ in 0..<64 {
            var changed = false
            for (index, op) in ops.enumerated() {
                let size: Int
                switch op.kind {
                case .null: size = 0
                case .boolean, .int, .long, .bytes, .string, .enumeration, .array, .map: size = 1
                case .float: size = 4
                case .double: size = 8
                case .fixed: size = Int(op.a)
                case .record:
                    var total = 0
                    for i in 0..<Int(op.b) { total = min(total + sizes[Int(children[Int(op.a) + i])], 1 << 30) }
                    size = total
                case .union:
                    var smallest = Int.max
                    for i in 0..<Int(op.b) { smallest = min(smallest, sizes[Int(children[Int(op.a) + i])]) }
                    size = 1 + (smallest == Int.max ? 0 : smallest)
                }
                if size != sizes[index] {
                    sizes[index] = size
                    changed = true
                }
            }
            if !changed { break }
        }
        return sizes
    }

    /// Encodes every field default once, so readers fill missing fields with a copy instead of a parse.
    private func withDefaults(_ draft: AvroProgram) throws(AvroDataError) -> AvroProgram {
        var filled = records
        for (recordIndex, record) in records.enumerated() {
            let fieldStart = Int(ops.first { $0.kind == .record && $0.c == Int32(recordIndex) }?.a ?? 0)
            for (fieldIndex, json) in record.defaultJSON.enumerated() {
                guard let json else { continue }
                let fieldOp = children[fieldStart + fieldIndex]
                do {
                    filled[recordIndex].defaultBinary[fieldIndex] = try AvroJSONReader.encodeDefault(json, op: fieldOp, program: draft)
                } catch {
                    var wrapped = error.inside(record.fieldNames[fieldIndex])
                    wrapped.kind = .invalidDefault
                    wrapped.path = "/" + record.name.fullName + wrapped.path
                    throw wrapped
                }
            }
        }
        return AvroProgram(ops: ops, children: children, records: filled, enums: enums, unions: unions,
                           fixedNames: fixedNames, decimals: decimals, minSize: draft.minSize, root: draft.root,
                           typeAliases: typeAliases, fieldAliases: fieldAliases)
    }
}
