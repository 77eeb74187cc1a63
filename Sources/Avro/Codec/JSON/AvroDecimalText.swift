/// Decimal text ("-12.30") to the big-endian two's-complement unscaled bytes Avro stores.
enum AvroDecimalText {
    static func isDecimal(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where offset == 0: continue
            default: return false
            }
        }
        return digits > 0 && dots <= 1
    }

    static func unscaledBytes(_ text: String, precision: Int, scale: Int) throws(AvroDataError) -> [UInt8] {
        var negative = false
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var exponent = 0
        var inFraction = false
        var utf8 = Array(text.utf8)[...]
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        if let e = utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let value = Int(String(decoding: utf8[(e + 1)...], as: UTF8.self)), abs(value) < 1000 else {
                throw AvroDataError(.outOfRange, expected: "a decimal", actual: text)
            }
            exponent = value
            utf8 = utf8[..<e]
        }
        for byte in utf8 {
            if byte == UInt8(ascii: ".") { inFraction = true; continue }
            if inFraction { fractionDigits.append(byte - UInt8(ascii: "0")) } else { integerDigits.append(byte - UInt8(ascii: "0")) }
        }
        // Shift the point by the exponent, then to `scale` places; dropping non-zero digits would lose value.
        var digits = integerDigits + fractionDigits
        var places = fractionDigits.count - exponent
        while places > scale {
            guard digits.last == 0 else {
                throw AvroDataError(.decimalPrecision, expected: "a decimal with at most \(scale) fraction digits", actual: text)
            }
            digits.removeLast()
            places -= 1
        }
        while places < scale {
            digits.append(0)
            places += 1
        }
        while digits.count > 1 && digits.first == 0 { digits.removeFirst() }
        let significant = digits == [0] ? 0 : digits.count
        guard significant <= precision else {
            throw AvroDataError(.decimalPrecision, expected: "a decimal of at most \(precision) digits", actual: text)
        }
        // Base 10 to base 256, little-endian limbs.
        var magnitude: [UInt8] = [0]
        for digit in digits {
            var carry = UInt16(digit)
            for i in magnitude.indices {
                let product = UInt16(magnitude[i]) * 10 + carry
                magnitude[i] = UInt8(product & 0xFF)
                carry = product >> 8
            }
            if carry > 0 { magnitude.append(UInt8(carry)) }
        }
        if negative {
            var carry: UInt16 = 1
            for i in magnitude.indices {
                let sum = UInt16(~magnitude[i]) + carry
                magnitude[i] = UInt8(sum & 0xFF)
                carry = sum >> 8
            }
        }
        // Minimal two's complement: keep a sign byte only when the top bit would lie.
        var bytes = Array(magnitude.reversed())
        let signByte: UInt8 = negative ? 0xFF : 0
        if (bytes[0] & 0x80 != 0) != negative { bytes.insert(signByte, at: 0) }
        while bytes.count > 1 && bytes[0] == signByte && (bytes[1] & 0x80 != 0) == negative { bytes.removeFirst() }
        return bytes
    }
}

extension AvroDecimalText {
    /// The decimal text of big-endian two's-complement unscaled bytes at `scale`.
    static func text(unscaled bytes: UnsafeBufferPointer<UInt8>, scale: Int) -> String {
        guard let first = bytes.first else { return scale > 0 ? "0." + String(repeating: "0", count: scale) : "0" }
        let negative = first & 0x80 != 0
        var magnitude = Array(bytes)
        if negative {
            var carry = true
            for i in stride(from: magnitude.count - 1, through: 0, by: -1) {
                magnitude[i] = ~magnitude[i]
                if carry {
                    let (sum, overflow) = magnitude[i].addingReportingOverflow(1)
                    magnitude[i] = sum
                    carry = overflow
                }
            }
        }
        var digits: [UInt8] = []
        var start = magnitude.firstIndex { $0 != 0 } ?? magnitude.count
        while start < magnitude.count {
            var remainder: UInt16 = 0
            for i in start..<magnitude.count {
                let current = remainder << 8 | UInt16(magnitude[i])
                magnitude[i] = UInt8(current / 10)
                remainder = current % 10
            }
            digits.append(UInt8(remainder) + UInt8(ascii: "0"))
            while start < magnitude.count && magnitude[start] == 0 { start += 1 }
        }
        while digits.count <= scale { digits.append(UInt8(ascii: "0")) }
        digits.reverse()
        var text = negative ? "-" : ""
        text += String(decoding: digits[..<(digits.count - scale)], as: UTF8.self)
        if scale > 0 { text += "." + String(decoding: digits[(digits.count - scale)...], as: UTF8.self) }
        return text
    }
}
