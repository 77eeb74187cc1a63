import JSONValue

/// What a number token's text says about its value, read without building a `Double`, for the assertions the
/// stream path checks on bytes (`type`, `minimum`/`maximum` against integer bounds, integer `multipleOf`).
///
/// Decimals are only classified when they have at most 15 significant digits and no exponent: then the double
/// the parser would produce lies on the same side of every integer of magnitude up to 2^53 as the exact decimal
/// (the gap to the nearest integer is far above half an ulp), so comparing the text exactly agrees with the
/// full path. Anything else is `nil` and the caller builds the value.
enum NumberText: Equatable {
    /// An integer token the parser turns into `.int`.
    case integer(Int64)
    /// A decimal token: the largest integer not above it, and whether it equals that integer ("2.0").
    case decimal(floor: Int64, integral: Bool)

    /// Integer bounds within this magnitude compare exactly against classified decimals.
    static let exactBound: Int64 = 1 << 53

    /// Scans the number token at `start` per the JSON grammar (as `ByteCursor.scanNumber`) and classifies it in
    /// the same pass. nil for malformed text; `number` is nil when the text cannot be classified.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, number: NumberText?)? {
        var index = start
        let count = bytes.count
        @inline(__always) func digit(_ i: Int) -> Bool { i < count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        guard digit(index) else { return nil }
        var magnitude: Int64 = 0
        let digitsStart = index
        if bytes[index] == 0x30 {
            index += 1
            if digit(index) { return nil }
        } else {
            while digit(index) {
                magnitude = magnitude &* 10 &+ Int64(bytes[index] &- 0x30)
                index += 1
            }
        }
        let digits = index - digitsStart
        var fractionDigits = 0
        var fractionNonZero = false
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digit(index) else { return nil }
            while digit(index) {
                if bytes[index] != 0x30 { fractionNonZero = true }
                fractionDigits += 1
                index += 1
            }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digit(index) else { return nil }
            while digit(index) { index += 1 }
            return (index, nil)
        }
        if fractionDigits == 0 {
            return (index, digits <= 18 ? .integer(negative ? -magnitude : magnitude) : nil)
        }
        guard digits + fractionDigits <= 15 else { return (index, nil) }
        if !negative { return (index, .decimal(floor: magnitude, integral: !fractionNonZero)) }
        return (index, .decimal(floor: fractionNonZero ? -magnitude - 1 : -magnitude, integral: !fractionNonZero))
    }

    var isInteger: Bool {
        switch self {
        case .integer: return true
        case .decimal(_, let integral): return integral
        }
    }

    /// Order against a bound (-1, 0, 1), or nil when this cannot be decided exactly from the text.
    func compare(to bound: JSONValue) -> Int? {
        switch (self, bound) {
        case (.integer(let x), .int), (.integer(let x), .double):
            return JSONEquality.compare(.int(x), bound)
        case (.decimal(let floor, let integral), .int(let b)):
            guard b <= Self.exactBound && b >= -Self.exactBound else { return nil }
            if integral { return floor < b ? -1 : (floor > b ? 1 : 0) }
            // floor < value < floor + 1, and b is an integer.
            return floor >= b ? 1 : -1
        default:
            return nil
        }
    }
}
