import JSONValue

/// JSON Schema equality: numbers compare by value (1 == 1.0), objects ignore member order, and nothing else
/// coerces (false != 0). `JSONValue`'s own Hashable keeps int/double apart, so values are normalised first.
enum JSONEquality {
    /// Integral doubles in Int64 range become `.int`, recursively, so equal JSON values hash equally.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let d):
            if let i = exactInteger(d) { return .int(i) }
            return value
        case .array(let elements):
            guard elements.contains(where: needsNormalizing) else { return value }
            return .array(elements.map(normalized))
        case .object(let object):
            guard object.members.contains(where: { needsNormalizing($0.value) }) else { return value }
            return .object(JSONObject(object.members.map { ($0.key, normalized($0.value)) }))
        default:
            return value
        }
    }

    private static func needsNormalizing(_ value: JSONValue) -> Bool {
        switch value {
        case .double(let d): return exactInteger(d) != nil
        case .array(let elements): return elements.contains(where: needsNormalizing)
        case .object(let object): return object.members.contains { needsNormalizing($0.value) }
        default: return false
        }
    }

    static func exactInteger(_ d: Double) -> Int64? {
        guard d.isFinite, d.rounded(.towardZero) == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return nil }
        return Int64(d)
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double):
            return compare(a, b) == 0
        case (.string(let x), .string(let y)): return sameCodePoints(x, y)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for i in x.indices where !equal(x[i], y[i]) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for member in x.members {
                guard let other = y[member.key], equal(member.value, other) else { return false }
            }
            return true
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        default: return false
        }
    }

    /// Orders two numbers; nil when either is not a number. Int64 pairs compare exactly.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .double(let y)): return compareMixed(x, y)
        case (.double(let x), .int(let y)): return -compareMixed(y, x)
        case (.double(let x), .double(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        default: return nil
        }
    }

    /// Exact comparison of an integer with a double (a plain Double(x) conversion rounds above 2^53).
    private static func compareMixed(_ x: Int64, _ y: Double) -> Int {
        if y.isNaN { return 0 }
        if y >= 9.223372036854775808e18 { return -1 }
        if y < -9.223372036854775808e18 { return 1 }
        let truncated = Int64(y.rounded(.towardZero))
        if x != truncated { return x < truncated ? -1 : 1 }
        let fraction = y - y.rounded(.towardZero)
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    static func isInteger(_ value: JSONValue) -> Bool {
        switch value {
        case .int: return true
        case .double(let d): return d.isFinite && d.rounded(.towardZero) == d
        default: return false
        }
    }
}

/// Byte equality of the UTF-8 forms, i.e. code-point equality. Swift's `==` on String uses canonical
/// equivalence ("é" == "e\u{301}"); JSON Schema compares code points.
@inline(__always)
func sameCodePoints(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var x = a
    var y = b
    return x.withUTF8 { p in y.withUTF8 { q in p.elementsEqual(q) } }
}

/// A compiled `enum`: strings (the common case) in a set, everything else normalised and hashed.
struct JSONEnum: Sendable {
    var strings: Set<String>
    var others: Set<JSONValue>
    var values: [JSONValue]
    /// The allowed strings' UTF-8 when there are few: scanning bytes beats hashing a freshly built `String`.
    var smallStringsUTF8: [[UInt8]]?

    init(_ values: [JSONValue]) {
        self.values = values
        var strings = Set<String>()
        var others = Set<JSONValue>()
        for value in values {
            if case .string(let s) = value { strings.insert(s) } else { others.insert(JSONEquality.normalized(value)) }
        }
        self.strings = strings
        self.others = others
        // From `values`, not the set: the set merges canonically equivalent spellings that are distinct here.
        let allStrings = values.compactMap { if case .string(let s) = $0 { Array(s.utf8) } else { nil } }
        smallStringsUTF8 = allStrings.count <= 16 ? allStrings : nil
    }

    /// Membership of a string given as its valid UTF-8 (byte equality is code-point equality).
    func contains(stringUTF8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let small = smallStringsUTF8 else { return contains(.string(String(decoding: text, as: UTF8.self))) }
        for candidate in small where candidate.count == text.count {
            if candidate.withUnsafeBufferPointer({ $0.elementsEqual(text) }) { return true }
        }
        return false
    }

    @inline(__always) func contains(_ value: JSONValue) -> Bool {
        if case .string(let s) = value {
            // Set lookup uses canonical equivalence; confirm by code points, then scan for a distinct twin.
            guard let index = strings.firstIndex(of: s) else { return false }
            if sameCodePoints(strings[index], s) { return true }
            return values.contains { if case .string(let v) = $0 { return sameCodePoints(v, s) } else { return false } }
        }
        if others.isEmpty { return false }
        let key = JSONEquality.normalized(value)
        // Set membership uses Swift string equality inside arrays/objects; confirm with code-point equality.
        guard let index = others.firstIndex(of: key) else { return false }
        return JSONEquality.equal(others[index], value)
    }
}
