extension AvroJSONFastEncoder {
    /// A JSON string as Avro bytes: a length slot, then the text copied (and unescaped) straight from the
    /// input eight bytes at a time until a quote, backslash or control byte. UTF-8 is checked only when a
    /// byte at or above 0x80 went by. Scanner is at the opening quote; the caller ensured one byte.
    @inline(__always)
    mutating func string() throws(Decline) {
        // Locals, not the stored cursor, in the loop: the compiler keeps them in registers.
        var at = position + 1
        let slot = count
        var written = count + 1
        // Unescaped text is never longer than its JSON, and word stores run up to 8 bytes ahead: one check
        // covers the whole string.
        guard capacity - written >= end - at + 8 else { throw .outOfSpace }
        var high: UInt64 = 0
        while true {
            // Whole words: store all eight bytes, keep those before the first special one.
            while end - at >= 8 {
                let word = UnsafeRawPointer(input + at).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                let special = Self.specialBytes(word)
                if special == 0 {
                    high |= word
                    at += 8
                    written += 8
                    continue
                }
                let clean = special.trailingZeroBitCount >> 3
                high |= word & ((1 << (UInt64(clean) << 3)) &- 1)
                at += clean
                written += clean
                break
            }
            guard at < end else { throw .unsupported }
            let byte = input[at]
            if byte == UInt8(ascii: "\"") {
                at += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                position = at
                count = written
                try escape(&high)
                at = position
                written = count
                continue
            }
            guard byte >= 0x20 else { throw .unsupported }
            output[written] = byte
            high |= UInt64(byte)
            at += 1
            written += 1
        }
        position = at
        count = written
        if high & 0x8080_8080_8080_8080 != 0 {
            guard AvroUTF8.isValid(UnsafeBufferPointer(start: UnsafePointer(output), count: count), slot + 1..<count) else {
                throw .unsupported
            }
        }
        try finishPrefix(count - slot - 1, slot: slot)
    }

    /// A mask with the top bit set in the lowest byte of `word` that is `"`, `\` or below 0x20 (bits for
    /// later bytes may be set spuriously, so only the lowest one counts).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & tops
    }

    /// One escape sequence, unescaped into the output. Scanner is at the backslash.
    private mutating func escape(_ high: inout UInt64) throws(Decline) {
        guard end - position >= 2 else { throw .unsupported }
        let code = input[position + 1]
        let plain: UInt8
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): plain = code
        case UInt8(ascii: "b"): plain = 0x08
        case UInt8(ascii: "f"): plain = 0x0C
        case UInt8(ascii: "n"): plain = 0x0A
        case UInt8(ascii: "r"): plain = 0x0D
        case UInt8(ascii: "t"): plain = 0x09
        case UInt8(ascii: "u"):
            try unicodeEscape(&high)
            return
        default: throw .unsupported
        }
        output[count] = plain
        count += 1
        position += 2
    }

    /// `\uXXXX`, or a surrogate pair of them, as UTF-8. Lone surrogates decline (the full reader reports them).
    private mutating func unicodeEscape(_ high: inout UInt64) throws(Decline) {
        var scalar = try hex4(at: position + 2)
        position += 6
        if scalar >= 0xD800 && scalar <= 0xDBFF {
            guard end - position >= 6, input[position] == UInt8(ascii: "\\"), input[position + 1] == UInt8(ascii: "u") else {
                throw .unsupported
            }
            let low = try hex4(at: position + 2)
            guard low >= 0xDC00 && low <= 0xDFFF else { throw .unsupported }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            position += 6
        } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
            throw .unsupported
        }
        if scalar < 0x80 {
            output[count] = UInt8(scalar)
            count += 1
            return
        }
        high |= 0x80
        if scalar < 0x800 {
            output[count] = UInt8(0xC0 | scalar >> 6)
            output[count + 1] = UInt8(0x80 | scalar & 0x3F)
            count += 2
        } else if scalar < 0x10000 {
            output[count] = UInt8(0xE0 | scalar >> 12)
            output[count + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            output[count + 2] = UInt8(0x80 | scalar & 0x3F)
            count += 3
        } else {
            output[count] = UInt8(0xF0 | scalar >> 18)
            output[count + 1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
            output[count + 2] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            output[count + 3] = UInt8(0x80 | scalar & 0x3F)
            count += 4
        }
    }

    /// Four hex digits ending at or before the input's end.
    private func hex4(at index: Int) throws(Decline) -> UInt32 {
        guard index >= 0, end - index >= 4 else { throw .unsupported }
        var value: UInt32 = 0
        for k in 0..<4 {
            let byte = input[index + k]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: throw .unsupported
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
