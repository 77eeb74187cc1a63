/// An Avro datum built in code or decoded from binary.
///
/// Values are loosely typed on the way in: the encoder accepts any value the schema can take without loss
/// (an `.int` for a long, a `.string` for an enum symbol, a bare value for a union whose branch is clear) so
/// services can write `["coupon_code": nil]` instead of spelling out union branches. Decoding always yields the
/// exact form: `.int` for int, `.enumeration` for enums, `.union(branch:_:)` for unions.
public enum AvroValue: Sendable, Equatable {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case bytes([UInt8])
    case string(String)
    case array([AvroValue])
    case map([String: AvroValue])
    /// Field values in the schema's field order.
    case record([AvroValue])
    /// The symbol's name.
    case enumeration(String)
    /// The branch's index in the union and the value of that branch. Only this case is boxed: the others
    /// are scalars or already live in heap storage, and boxing them would cost an allocation per value.
    indirect case union(branch: Int, AvroValue)
    case fixed([UInt8])
}

extension AvroValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// Integer literals become longs; the encoder narrows them to int when the schema says int and they fit.
    public init(integerLiteral value: Int64) { self = .long(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: AvroValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, AvroValue)...) {
        var map: [String: AvroValue] = [:]
        map.reserveCapacity(elements.count)
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
}

extension AvroValue {
    /// The kind of value, as error messages name it.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .int: return "int"
        case .long: return "long"
        case .float: return "float"
        case .double: return "double"
        case .bytes: return "bytes"
        case .string: return "string"
        case .array: return "array"
        case .map: return "map"
        case .record: return "record"
        case .enumeration: return "enum"
        case .union: return "union"
        case .fixed: return "fixed"
        }
    }

    /// A short rendering for error messages: scalars as written, containers by kind.
    var briefDescription: String {
        switch self {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .long(let l): return String(l)
        case .float(let f): return "\(f)"
        case .double(let d): return "\(d)"
        case .string(let s):
            let head = s.count > 40 ? String(s.prefix(40)) + "…" : s
            return "\"" + head + "\""
        case .enumeration(let s): return "symbol " + s
        case .bytes(let b): return "bytes of length \(b.count)"
        case .fixed(let b): return "fixed of size \(b.count)"
        case .array(let a): return "array of \(a.count) items"
        case .map(let m): return "map of \(m.count) entries"
        case .record(let r): return "record of \(r.count) fields"
        case .union(let branch, let value): return "union branch \(branch) (\(value.briefDescription))"
        }
    }
}
