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
                    field = try lookUpKey(base: base, fieldCount: fieldCount, hint: next)
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
            var hint = 0
            while !closed {
                guard peek() == UInt8(ascii: "\"") else { throw .unsupported }
                let field = try lookUpKey(base: base, fieldCount: fieldCount, hint: hint)
                hint = field + 1
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
                while true {
                    // Plain runs a word at a time, then the quote, escape or control byte that ended them.
                    while end - at >= 8 {
                        let special = Self.specialBytes(UnsafeRawPointer(input + at).loadUnaligned(as: UInt64.self))
                        if special != 0 {
                            at += special.trailingZeroBitCount >> 3
                            break
                        }
                        at += 8
                    }
                    guard at < end else { throw .unsupported }
                    if input[at] == UInt8(ascii: "\"") { break }
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

    /// The field a key names, trying fields from `hint` on: each name and its closing quote against the input
    /// in one comparison, so the key needs no scan of its own. Escaped or unknown keys match nothing and
    /// decline. Scanner is at the key's opening quote.
    private mutating func lookUpKey(base: Int, fieldCount: Int, hint: Int = 0) throws(Decline) -> Int {
        let key = position + 1
        // The length up to the first quote, backslash or control byte: only names that long can match.
        var stop = key
        while end - stop >= 8 {
            let special = Self.specialBytes(UnsafeRawPointer(input + stop).loadUnaligned(as: UInt64.self))
            if special != 0 {
                stop += special.trailingZeroBitCount >> 3
                break
            }
            stop += 8
        }
        while stop < end, input[stop] >= 0x20, input[stop] != UInt8(ascii: "\""), input[stop] != UInt8(ascii: "\\") { stop += 1 }
        let span = stop - key
        var field = hint < fieldCount ? hint : 0
        for _ in 0..<fieldCount {
            if tables.keyLength[base + field] == span, end - key > span,
               Self.matches(input + key, end - key, strings + tables.keyOffset[base + field], span + 1) {
                position = key + span + 1
                return field
            }
            field = field + 1 == fieldCount ? 0 : field + 1
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
