extension AvroJSONFastEncoder {
    /// A record whose keys come in schema order, gaps filled from defaults. Each key is first compared with
    /// the next field's name in one go; any other key is looked up, and one that goes backwards (out of
    /// order or duplicated), is unknown or is escaped declines. Scanner is at `{`.
    mutating func record(_ op: AvroOp) throws(Decline) {
        position += 1
        let base = Int(op.a)
        let fieldCount = Int(op.b)
        var next = 0
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                guard peek() == UInt8(ascii: "\"") else { throw .unsupported }
                var field = -1
                if next < fieldCount {
                    let length = tables.keyLength[base + next]
                    let key = position + 1
                    if length >= 0, end - key > length, Self.matches(input + key, end - key, strings + tables.keyOffset[base + next], length + 1) {
                        field = next
                        position = key + length + 1
                    }
                }
                if field < 0 {
                    field = try lookUpKey(base: base, fieldCount: fieldCount)
                    guard field >= next else { throw .unsupported }
                    while next < field {
                        try appendDefault(slot: base + next)
                        next += 1
                    }
                }
                try expect(UInt8(ascii: ":"))
                try value(children[base + field])
                next = field + 1
                let separator = peek()
                position += 1
                if separator == UInt8(ascii: ",") { continue }
                guard separator == UInt8(ascii: "}") else { throw .unsupported }
                break
            }
        }
        while next < fieldCount {
            try appendDefault(slot: base + next)
            next += 1
        }
    }

    /// The field an unescaped key names, scanning the key. Scanner is at its opening quote.
    private mutating func lookUpKey(base: Int, fieldCount: Int) throws(Decline) -> Int {
        let start = position + 1
        var at = start
        while at < end {
            let byte = input[at]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { throw .unsupported }
            at += 1
        }
        guard at < end else { throw .unsupported }
        let length = at - start
        for field in 0..<fieldCount where tables.keyLength[base + field] == length {
            if Self.matches(input + start, end - start, strings + tables.keyOffset[base + field], length) {
                position = at + 1
                return field
            }
        }
        throw .unsupported
    }

    private mutating func appendDefault(slot: Int) throws(Decline) {
        let length = tables.defaultLength[slot]
        guard length >= 0 else { throw .unsupported }
        try ensure(length)
        (output + count).update(from: strings + tables.defaultOffset[slot], count: length)
        count += length
    }
}
