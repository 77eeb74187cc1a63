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

    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var negative = false
        if index < text.count, text[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var magnitude: Int64 = 0
        var digits = 0
        while index < text.count, text[index] >= 0x30, text[index] <= 0x39 {
            magnitude = magnitude &* 10 &+ Int64(text[index] &- 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        if index == text.count {
            guard digits <= 18 else { return nil }
            self = .integer(negative ? -magnitude : magnitude)
            return
        }
        guard text[index] == UInt8(ascii: ".") else { return nil }
        index += 1
        var fractionNonZero = false
        var fractionDigits = 0
        while index < text.count, text[index] >= 0x30, text[index] <= 0x39 {
            if text[index] != 0x30 { fractionNonZero = true }
            fractionDigits += 1
            index += 1
        }
        guard index == text.count, fractionDigits > 0, digits + fractionDigits <= 15 else { return nil }
        if !negative {
            self = .decimal(floor: magnitude, integral: !fractionNonZero)
        } else {
            self = .decimal(floor: fractionNonZero ? -magnitude - 1 : -magnitude, integral: !fractionNonZero)
        }
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
