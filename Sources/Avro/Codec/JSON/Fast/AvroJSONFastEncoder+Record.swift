extension AvroJSONFastEncoder {
    /// A record, gaps filled from defaults. Keys usually come in schema order, so each key is first compared
    /// with the next field's name in one go; any other key is looked up, and one that goes backwards switches
    /// to `recordAnyOrder`. Unknown or escaped keys decline. Scanner is at `{`.
    mutating func record(_ op: AvroOp) throws(Decline) {
        let objectStart = position
        let outputStart = count
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
                    if field < next || (next..<field).contains(where: { tables.defaultLength[base + $0] < 0 }) {
                        // Out of order (or a gap a later key may fill): start over, field by field.
                        position = objectStart
                        count = outputStart
                        try recordAnyOrder(op)
                        return
                    }
                    while next < field {
                        try appendDefault(slot: base + next)
                        next += 1
                    }
                }
                try expect(UInt8(ascii: ":"))
                try member(children[base + field])
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

    /// Keys in any order: one pass notes where each field's value starts and where it ends (skipping it),
    /// a second encodes the values in schema order. Each value must parse to exactly where the skip ended,
    /// so the skip needs no validation of its own. Unknown, escaped or repeated keys decline (the full
    /// reader reports them). Scanner is at `{`.
    private mutating func recordAnyOrder(_ op: AvroOp) throws(Decline) {
        let base = Int(op.a)
        let fieldCount = Int(op.b)
        // Two positions per field on the stack; wider records are left to the full reader.
        guard fieldCount <= 64 else { throw .unsupported }
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * fieldCount) { (spans) throws(Decline) in
            guard let spans = spans.baseAddress else { throw .unsupported }
            spans.initialize(repeating: -1, count: 2 * fieldCount)
            position += 1
            var closed = false
            if peek() == UInt8(ascii: "}") {
                position += 1
                closed = true
            }
            while !closed {
                guard peek() == UInt8(ascii: "\"") else { throw .unsupported }
                let field = try lookUpKey(base: base, fieldCount: fieldCount)
                guard spans[2 * field] < 0 else { throw .unsupported }
                try expect(UInt8(ascii: ":"))
                spans[2 * field] = position
                try skipValue()
                spans[2 * field + 1] = position
                let separator = input[position]
                position += 1
                closed = separator == UInt8(ascii: "}")
            }
            let objectEnd = position
            for field in 0..<fieldCount {
                let start = spans[2 * field]
                if start < 0 {
                    try appendDefault(slot: base + field)
                    continue
                }
                position = start
                try value(children[base + field])
                guard peek() != 0, position == spans[2 * field + 1] else { throw .unsupported }
            }
            position = objectEnd
        }
    }

    /// Moves to the `,` or `}` that ends the value at the scanner, minding strings and nesting but checking
    /// nothing else (the value is parsed properly afterwards).
    private mutating func skipValue() throws(Decline) {
        var nesting = 0
        var at = position
        while at < end {
            switch input[at] {
            case UInt8(ascii: "\""):
                at += 1
                while at < end && input[at] != UInt8(ascii: "\"") {
                    at += input[at] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                nesting += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if nesting == 0 {
                    guard input[at] == UInt8(ascii: "}") else { throw .unsupported }
                    position = at
                    return
                }
                nesting -= 1
            case UInt8(ascii: ","):
                if nesting == 0 {
                    position = at
                    return
                }
            default:
                break
            }
            at += 1
        }
        throw .unsupported
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
