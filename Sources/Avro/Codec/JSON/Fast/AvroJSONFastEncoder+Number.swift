extension AvroJSONFastEncoder {
    /// The pieces of a JSON number token (RFC 8259 grammar, as `AvroJSONScanner.numberSpan` reads it).
    struct NumberToken {
        var start: Int
        var negative: Bool
        /// All digits of the integer and fraction parts as one integer; exact when `digits <= 19`.
        var mantissa: UInt64
        var digits: Int
        var fractionDigits: Int
        /// The explicit exponent; exact when `exponentDigits <= 6`.
        var exponent: Int
        var exponentDigits: Int
        var integral: Bool
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Reads a number token; declines on anything the grammar rejects.
    @inline(__always)
    private mutating func numberToken() throws(Decline) -> NumberToken {
        var token = NumberToken(start: position, negative: false, mantissa: 0, digits: 0, fractionDigits: 0,
                                exponent: 0, exponentDigits: 0, integral: true)
        // A local cursor stays in a register through the digit loops.
        var at = position
        defer { position = at }
        if at < end && input[at] == UInt8(ascii: "-") {
            token.negative = true
            at += 1
        }
        guard at < end, Self.isDigit(input[at]) else { throw .unsupported }
        var mantissa: UInt64 = 0
        let integerStart = at
        if input[at] == UInt8(ascii: "0") {
            at += 1
        } else {
            while at < end, Self.isDigit(input[at]) {
                mantissa = mantissa &* 10 &+ UInt64(input[at] &- UInt8(ascii: "0"))
                at += 1
            }
        }
        token.digits = at - integerStart
        if at < end && input[at] == UInt8(ascii: ".") {
            token.integral = false
            at += 1
            let fractionStart = at
            guard at < end, Self.isDigit(input[at]) else { throw .unsupported }
            while at < end, Self.isDigit(input[at]) {
                mantissa = mantissa &* 10 &+ UInt64(input[at] &- UInt8(ascii: "0"))
                at += 1
            }
            token.fractionDigits = at - fractionStart
            token.digits += token.fractionDigits
        }
        token.mantissa = mantissa
        if at < end && (input[at] == UInt8(ascii: "e") || input[at] == UInt8(ascii: "E")) {
            token.integral = false
            at += 1
            var negativeExponent = false
            if at < end && (input[at] == UInt8(ascii: "+") || input[at] == UInt8(ascii: "-")) {
                negativeExponent = input[at] == UInt8(ascii: "-")
                at += 1
            }
            guard at < end, Self.isDigit(input[at]) else { throw .unsupported }
            let exponentStart = at
            var exponent = 0
            while at < end, Self.isDigit(input[at]) {
                if at - exponentStart < 7 { exponent = exponent * 10 + Int(input[at] &- UInt8(ascii: "0")) }
                at += 1
            }
            token.exponentDigits = at - exponentStart
            token.exponent = negativeExponent ? -exponent : exponent
        }
        return token
    }

    /// An int or long written as a plain integer; `1.0`, `1e3` and overflow are left to the full reader.
    @inline(__always)
    mutating func integer() throws(Decline) -> Int64 {
        let token = try numberToken()
        // 18 digits always fit; longer ones may not.
        guard token.integral, token.digits <= 18 else { throw .unsupported }
        let magnitude = Int64(bitPattern: token.mantissa)
        return token.negative ? -magnitude : magnitude
    }

    /// A float or double number, bit for bit what `AvroJSONReader` computes: integers below 16 characters via
    /// `Int64`; values whose decimal digits and power of ten are both exact doubles with one correctly rounded
    /// multiplication or division (so equal to `strtod`); the rest through the same `Double(String)` call.
    @inline(__always)
    mutating func double() throws(Decline) -> Double {
        let token = try numberToken()
        if token.digits <= 19 {
            if token.integral {
                // Both conversions round correctly, so they agree with `strtod` (and `-0` is +0 here, as in the
                // full reader's `Int64` route).
                if position - token.start < 16 {
                    let magnitude = Int64(bitPattern: token.mantissa)
                    return Double(token.negative ? -magnitude : magnitude)
                }
                let value = Double(token.mantissa)
                return token.negative ? -value : value
            }
            if token.exponentDigits <= 6 && token.mantissa <= 1 << 53 {
                let power = token.exponent - token.fractionDigits
                var value = Double(token.mantissa)
                if token.mantissa == 0 {
                    value = 0
                } else if power >= 0 && power <= 22 {
                    value *= Self.powersOfTen[power]
                } else if power < 0 && power >= -22 {
                    value /= Self.powersOfTen[-power]
                } else {
                    return try slowDouble(token)
                }
                return token.negative ? -value : value
            }
        }
        return try slowDouble(token)
    }

    private func slowDouble(_ token: NumberToken) throws(Decline) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: input + token.start, count: position - token.start), as: UTF8.self)
        guard let value = Double(text) else { throw .unsupported }
        return value
    }

    /// 1e0 ... 1e22, every one exactly representable as a double.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
