/// Finds the writer field a reader field reads from.
///
/// Evolving schemas mostly append fields, so the field at the same index is tried first, and once every writer
/// field has been claimed by name a newer reader field without aliases is known to be absent without a search.
/// Field names are mostly small strings, which compare in a few instructions, so a linear scan beats hashing
/// until records get large; only then is a name index built.
struct AvroFieldLookup {
    private let fields: [AvroField]
    private var byName: [String: Int]?
    /// Writer fields matched by name so far. Field names are unique on each side, so each writer field is
    /// matched by name at most once and the count never overstates.
    private var claimedByName = 0

    init(_ fields: [AvroField]) {
        self.fields = fields
    }

    /// The writer field's index (an index, not the field: copying a field costs a retain per attribute).
    mutating func position(named name: String, aliases: [String], expectedAt index: Int) -> Int? {
        if index < fields.count, fields[index].name == name {
            claimedByName += 1
            return index
        }
        if claimedByName >= fields.count && aliases.isEmpty { return nil }
        if let found = position(of: name) {
            claimedByName += 1
            return found
        }
        for alias in aliases {
            if let found = position(of: alias) { return found }
        }
        return nil
    }

    private mutating func position(of name: String) -> Int? {
        if fields.count <= 64 { return fields.firstIndex { $0.name == name } }
        if byName == nil {
            var index: [String: Int] = [:]
            index.reserveCapacity(fields.count)
            // First occurrence wins, should a schema (invalidly) repeat a name.
            for (position, field) in fields.enumerated() where index[field.name] == nil { index[field.name] = position }
            byName = index
        }
        return byName?[name]
    }
}
