extension AvroJSONFastEncoder {
    /// `null` takes the null branch; otherwise (plain JSON only) the first branch `AvroJSONReader` would try
    /// for this kind of value. If that branch declines, so does the whole datum: the full reader then tries
    /// the remaining branches. An object whose first key names a branch may be Avro's wrapped form, which
    /// the full reader handles.
    mutating func union(_ op: AvroOp, _ next: UInt8) throws(Decline) {
        let row = Int(op.c) * AvroJSONFastTables.unionStride
        let slot: Int
        switch next {
        case UInt8(ascii: "n"):
            let null = tables.unionBranch[row + AvroJSONFastTables.nullSlot]
            guard null >= 0 else { throw .unsupported }
            try literal(0x6C6C_756E, length: 4)
            writeLong(Int64(null))
            return
        case UInt8(ascii: "\""): slot = AvroJSONFastTables.stringSlot
        case UInt8(ascii: "{"):
            guard !firstKeyNamesBranch(op) else { throw .unsupported }
            slot = AvroJSONFastTables.objectSlot
        case UInt8(ascii: "["): slot = AvroJSONFastTables.arraySlot
        case UInt8(ascii: "t"), UInt8(ascii: "f"): slot = AvroJSONFastTables.booleanSlot
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): slot = AvroJSONFastTables.numberSlot
        default: throw .unsupported
        }
        guard dialect == .plain else { throw .unsupported }
        let branch = tables.unionBranch[row + slot]
        guard branch >= 0 else { throw .unsupported }
        writeLong(Int64(branch))
        try value(children[Int(op.a) + branch])
    }

    /// Whether an object's first key (scanner at `{`) could be a branch name; escaped keys count as such.
    private func firstKeyNamesBranch(_ op: AvroOp) -> Bool {
        var at = position + 1
        while at < end, input[at] == 0x20 || input[at] == 0x0A || input[at] == 0x0D || input[at] == 0x09 { at += 1 }
        guard at < end, input[at] == UInt8(ascii: "\"") else { return false }
        let start = at + 1
        at = start
        while at < end, input[at] != UInt8(ascii: "\"") {
            if input[at] == UInt8(ascii: "\\") { return true }
            at += 1
        }
        let length = at - start
        for name in tables.unionNameFirst[Int(op.c)]..<tables.unionNameFirst[Int(op.c) + 1]
        where tables.nameLength[name] == length {
            if Self.matches(input + start, end - start, strings + tables.nameOffset[name], length) { return true }
        }
        return false
    }
}
