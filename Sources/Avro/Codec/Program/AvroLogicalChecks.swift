/// Range checks of logical types that constrain their base type's values.
enum AvroLogicalChecks {
    static let millisPerDay: Int64 = 86_400_000
    static let microsPerDay: Int64 = 86_400_000_000

    static func checkTime(_ value: Int64, _ check: AvroLogicalCheck) throws(AvroDataError) {
        switch check {
        case .timeMillis:
            guard value >= 0, value < millisPerDay else {
                throw AvroDataError(.outOfRange, expected: "time-millis in 0..<86400000", actual: String(value))
            }
        case .timeMicros:
            guard value >= 0, value < microsPerDay else {
                throw AvroDataError(.outOfRange, expected: "time-micros in 0..<86400000000", actual: String(value))
            }
        default: break
        }
    }

    /// 8-4-4-4-12 hexadecimal digits, as RFC 4122 writes a UUID.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count == 36 else { return false }
        for offset in 0..<36 {
            let byte = bytes[range.lowerBound + offset]
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): continue
                default: return false
                }
            }
        }
        return true
    }

    static func checkUUID(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(AvroDataError) {
        guard isUUID(bytes, range) else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.prefix(40)]), as: UTF8.self)
            throw AvroDataError(.invalidUUID, expected: "a UUID (8-4-4-4-12 hex digits)", actual: "\"\(text)\"")
        }
    }

    /// Number of decimal digits of the big-endian two's-complement integer (the decimal's unscaled value).
    static func decimalDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let negative = bytes[range.lowerBound] & 0x80 != 0
        // Magnitude as big-endian bytes: two's complement negation when negative.
        var magnitude = Array(UnsafeBufferPointer(rebasing: bytes[range]))
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
        // Repeated division by 10 of the big-endian number, counting digits until it is zero.
        var digits = 0
        var start = magnitude.firstIndex { $0 != 0 } ?? magnitude.count
        while start < magnitude.count {
            var remainder: UInt16 = 0
            for i in start..<magnitude.count {
                let current = remainder << 8 | UInt16(magnitude[i])
                magnitude[i] = UInt8(current / 10)
                remainder = current % 10
            }
            digits += 1
            while start < magnitude.count && magnitude[start] == 0 { start += 1 }
        }
        return digits
    }

    static func checkDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, precision: Int) throws(AvroDataError) {
        // Up to 8 bytes fit an Int64: the common case needs no big arithmetic.
        if range.count <= 8 {
            var value: Int64 = range.isEmpty ? 0 : (bytes[range.lowerBound] & 0x80 != 0 ? -1 : 0)
            for i in range { value = value << 8 | Int64(bytes[i]) }
            let magnitude = value.magnitude
            var limit: UInt64 = 1
            var digits = 0
            while digits < precision && digits < 19 {
                limit *= 10
                digits += 1
            }
            if precision >= 20 || magnitude < limit { return }
            throw AvroDataError(.decimalPrecision, expected: "a decimal of at most \(precision) digits",
                                actual: "unscaled value \(value)")
        }
        let digits = decimalDigits(bytes, range)
        guard digits <= precision else {
            throw AvroDataError(.decimalPrecision, expected: "a decimal of at most \(precision) digits", actual: "\(digits) digits")
        }
    }
}
