import JSONValue

/// A number as decimal significand × 10^exponent, so `multipleOf: 0.01` is exact (binary floating point makes
/// 0.07 / 0.01 = 7.000000000000001). Doubles are read from their shortest round-trip text, which is the decimal
/// the author wrote whenever that has at most 17 significant digits.
struct DecimalNumber: Sendable, Equatable {
    var significand: UInt64
    var exponent: Int

    init?(_ value: JSONValue) {
        switch value {
        case .int(let i):
            significand = i.magnitude
            exponent = 0
        case .double(let d):
            guard d.isFinite else { return nil }
            guard let parsed = Self.parse("\(d.magnitude)") else { return nil }
            self = parsed
        default:
            return nil
        }
        normalize()
    }

    private init(significand: UInt64, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }

    private mutating func normalize() {
        guard significand != 0 else { exponent = 0; return }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
    }

    private static func parse(_ text: String) -> DecimalNumber? {
        var significand: UInt64 = 0
        var exponent = 0
        var seenPoint = false
        var exponentText = ""
        var inExponent = false
        for char in text.utf8 {
            if inExponent {
                exponentText.append(Character(Unicode.Scalar(char)))
                continue
            }
            switch char {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times, o1) = significand.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(UInt64(char - UInt8(ascii: "0")))
                if o1 || o2 {
                    if !seenPoint { exponent += 1 }
                } else {
                    significand = sum
                    if seenPoint { exponent -= 1 }
                }
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            default:
                return nil
            }
        }
        if inExponent {
            guard let e = Int(exponentText) else { return nil }
            exponent += e
        }
        return DecimalNumber(significand: significand, exponent: exponent)
    }

    /// Whether `self` is an integer multiple of `divisor` (divisor must be non-zero).
    func isMultiple(of divisor: DecimalNumber) -> Bool {
        if significand == 0 { return true }
        guard divisor.significand != 0 else { return false }
        if exponent >= divisor.exponent {
            // significand × 10^(e - d) mod divisor, one decimal digit at a time.
            var remainder = significand % divisor.significand
            var steps = exponent - divisor.exponent
            while steps > 0 && remainder != 0 {
                let (wide, overflow) = remainder.multipliedReportingOverflow(by: 10)
                if overflow {
                    let full = remainder.multipliedFullWidth(by: 10)
                    remainder = divisor.significand.dividingFullWidth((full.high, full.low)).remainder
                } else {
                    remainder = wide % divisor.significand
                }
                steps -= 1
            }
            return remainder == 0
        }
        // The divisor has more fractional digits: significand must absorb 10^(d - e) first.
        var value = significand
        var shift = divisor.exponent - exponent
        while shift > 0 {
            guard value % 10 == 0 else { return false }
            value /= 10
            shift -= 1
        }
        return value % divisor.significand == 0
    }
}
