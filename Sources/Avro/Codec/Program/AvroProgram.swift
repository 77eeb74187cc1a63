/// A schema compiled for data work: a flat table of trivially copyable operations that refer to each other by
/// index. Indices make recursive types plain cycles (no reference counting, no infinite trees), and trivial
/// operations let the hot loops read the table through a raw pointer without retain/release traffic.
///
/// `@unchecked Sendable`: the raw tables are written once in `init` and only read afterwards.
final class AvroProgram: @unchecked Sendable {
    let ops: [AvroOp]
    /// Record field and union branch operation indices; an op's range is `a ..< a + b`.
    let children: [Int32]
    let records: [AvroRecordInfo]
    let enums: [AvroEnumInfo]
    let unions: [AvroUnionInfo]
    /// Names of named types (fixed) and decimal parameters, by op index where they apply.
    let fixedNames: [Int32: AvroName]
    let decimals: [Int32: (precision: Int, scale: Int)]
    /// The fewest bytes a value of each op takes in binary; bounds item counts before anything is allocated.
    let minSize: [Int]
    let root: Int32
    /// Aliases, only consulted when resolving a writer's schema against this one: named type full name to
    /// alias full names, and record full name to field name to field aliases.
    let typeAliases: [String: [String]]
    let fieldAliases: [String: [String: [String]]]

    /// Raw copies of the hot tables: reading them costs no retain/release and no bounds check. Field keys
    /// are indexed like `children` (a record field's slot), as offsets into one byte table.
    let opTable: UnsafeMutableBufferPointer<AvroOp>
    let childTable: UnsafeMutableBufferPointer<Int32>
    let minSizeTable: UnsafeMutableBufferPointer<Int>
    let keyBytes: UnsafeMutableBufferPointer<UInt8>
    let keyStart: UnsafeMutableBufferPointer<Int>
    let keyLength: UnsafeMutableBufferPointer<Int>
    /// 1 where the record field in that child slot has a default.
    let hasDefault: UnsafeMutableBufferPointer<UInt8>
    /// What the fast JSON reader looks up: keys, encoded defaults, enum symbols, union branch choices.
    let jsonTables: AvroJSONFastTables

    init(ops: [AvroOp], children: [Int32], records: [AvroRecordInfo], enums: [AvroEnumInfo], unions: [AvroUnionInfo],
         fixedNames: [Int32: AvroName], decimals: [Int32: (precision: Int, scale: Int)], minSize: [Int], root: Int32,
         typeAliases: [String: [String]], fieldAliases: [String: [String: [String]]]) {
        self.ops = ops
        self.children = children
        self.records = records
        self.enums = enums
        self.unions = unions
        self.fixedNames = fixedNames
        self.decimals = decimals
        self.minSize = minSize
        self.root = root
        self.typeAliases = typeAliases
        self.fieldAliases = fieldAliases
        opTable = Self.copy(ops)
        childTable = Self.copy(children)
        minSizeTable = Self.copy(minSize)
        var bytes: [UInt8] = []
        var starts = [Int](repeating: 0, count: children.count)
        var lengths = [Int](repeating: 0, count: children.count)
        var defaults = [UInt8](repeating: 0, count: children.count)
        for op in ops where op.kind == .record {
            let info = records[Int(op.c)]
            for field in 0..<Int(op.b) {
                starts[Int(op.a) + field] = bytes.count
                lengths[Int(op.a) + field] = info.fieldKeys[field].count
                defaults[Int(op.a) + field] = info.defaultJSON[field] == nil ? 0 : 1
                bytes.append(contentsOf: info.fieldKeys[field])
            }
        }
        keyBytes = Self.copy(bytes)
        keyStart = Self.copy(starts)
        keyLength = Self.copy(lengths)
        hasDefault = Self.copy(defaults)
        jsonTables = AvroJSONFastTables(ops: ops, children: children, records: records, enums: enums, unions: unions)
    }

    deinit {
        opTable.deallocate()
        childTable.deallocate()
        minSizeTable.deallocate()
        keyBytes.deallocate()
        keyStart.deallocate()
        keyLength.deallocate()
        hasDefault.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let table = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = table.initialize(from: array)
        return table
    }

    /// The name a union branch goes by in Avro's JSON encoding: the full name of a named type, else the type name.
    func branchName(_ op: Int32) -> String {
        let o = ops[Int(op)]
        switch o.kind {
        case .record: return records[Int(o.c)].name.fullName
        case .enumeration: return enums[Int(o.c)].name.fullName
        case .fixed: return fixedNames[op]?.fullName ?? "fixed"
        default: return o.kind.name
        }
    }

    /// What an op accepts, for messages: "string", "com.example.Address", "array".
    func expectation(_ op: Int32) -> String {
        let o = ops[Int(op)]
        if o.kind == .union {
            let names = (0..<Int(o.b)).map { branchName(children[Int(o.a) + $0]) }
            return "one of [" + names.joined(separator: ", ") + "]"
        }
        return branchName(op)
    }
}

enum AvroOpKind: UInt8, Sendable {
    case null, boolean, int, long, float, double, bytes, string, record, enumeration, array, map, union, fixed

    var name: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .int: return "int"
        case .long: return "long"
        case .float: return "float"
        case .double: return "double"
        case .bytes: return "bytes"
        case .string: return "string"
        case .record: return "record"
        case .enumeration: return "enum"
        case .array: return "array"
        case .map: return "map"
        case .union: return "union"
        case .fixed: return "fixed"
        }
    }
}

/// Logical types that constrain values; the others (timestamps, date, ...) only change meaning, not validity.
enum AvroLogicalCheck: UInt8, Sendable {
    case none, decimal, uuid, timeMillis, timeMicros
}

/// One compiled type. Meaning of the operands by kind:
/// record: children `a ..< a+b`, info `records[c]`; union: branches `a ..< a+b`, info `unions[c]`;
/// enumeration: `b` symbols, info `enums[c]`; array/map: item op `a`; fixed: size `a`.
struct AvroOp: Sendable {
    var kind: AvroOpKind
    var check: AvroLogicalCheck = .none
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
}

struct AvroRecordInfo: Sendable {
    var name: AvroName
    var fieldNames: [String]
    /// UTF-8 of each field name, to match JSON keys without building strings.
    var fieldKeys: [[UInt8]]
    /// Field defaults as JSON text (`nil`: the field is required), and the same pre-encoded in binary.
    var defaultJSON: [[UInt8]?]
    var defaultBinary: [[UInt8]?]
}

struct AvroEnumInfo: Sendable {
    var name: AvroName
    var symbols: [String]
    var symbolKeys: [[UInt8]]
    var defaultSymbol: String?
}

struct AvroUnionInfo: Sendable {
    /// Branch index of `null`, or -1.
    var nullBranch: Int
    var branchNames: [String]
    /// Simple names of named branches too, which the JSON reader accepts as a courtesy.
    var branchKeys: [[UInt8]]
    var simpleNames: [[UInt8]]
}
