/// Finds the writer field a reader field reads from.
///
/// Evolving schemas mostly append fields, so the field at the same index is tried first; a name index is
/// built only when that guess misses on a record large enough for linear search to hurt.
struct AvroFieldLookup {
    private let fields: [AvroField]
    private var byName: [String: Int]?

    init(_ fields: [AvroField]) {
        self.fields = fields
    }

    mutating func field(named name: String, aliases: [String], expectedAt index: Int) -> AvroField? {
        if index < fields.count, fields[index].name == name { return fields[index] }
        if let found = position(of: name) { return fields[found] }
        for alias in aliases {
            if let found = position(of: alias) { return fields[found] }
        }
        return nil
    }

    private mutating func position(of name: String) -> Int? {
        if fields.count <= 8 { return fields.firstIndex { $0.name == name } }
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
