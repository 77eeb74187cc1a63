import JSONValue

extension AvroSchema {
    /// The schema as a JSON document with full names, for schemas built in code rather than parsed.
    /// A named type nested in another namespace but itself in the null namespace says so with `"namespace": ""`.
    public var jsonValue: JSONValue {
        jsonValue(enclosing: nil)
    }

    private func jsonValue(enclosing: String?) -> JSONValue {
        switch self {
        case .null, .boolean, .float, .double:
            return .string(typeName)
        case .int(let logical), .long(let logical), .bytes(let logical), .string(let logical):
            guard let logical else { return .string(typeName) }
            return .object(JSONObject([("type", .string(typeName))] + Self.logicalAttributes(logical)))
        case .reference(let name):
            return .string(name.fullName)
        case .array(let items):
            return .object(JSONObject([("type", .string("array")), ("items", items.jsonValue(enclosing: enclosing))]))
        case .map(let values):
            return .object(JSONObject([("type", .string("map")), ("values", values.jsonValue(enclosing: enclosing))]))
        case .union(let branches):
            return .array(branches.map { $0.jsonValue(enclosing: enclosing) })
        case .record(let record):
            var members = Self.nameAttributes(record.isError ? "error" : "record", record.name, record.doc, record.aliases, enclosing)
            let fields: [JSONValue] = record.fields.map { field in
                var fieldMembers: [(key: String, value: JSONValue)] = [("name", .string(field.name)), ("type", field.type.jsonValue(enclosing: record.name.namespace))]
                if let doc = field.doc { fieldMembers.append(("doc", .string(doc))) }
                if let defaultValue = field.defaultValue { fieldMembers.append(("default", defaultValue)) }
                if field.order != .ascending { fieldMembers.append(("order", .string(field.order.rawValue))) }
                if !field.aliases.isEmpty { fieldMembers.append(("aliases", .array(field.aliases.map { .string($0) }))) }
                return .object(JSONObject(fieldMembers + field.properties.members))
            }
            members.append(("fields", .array(fields)))
            return .object(JSONObject(members + record.properties.members))
        case .enumeration(let definition):
            var members = Self.nameAttributes("enum", definition.name, definition.doc, definition.aliases, enclosing)
            members.append(("symbols", .array(definition.symbols.map { .string($0) })))
            if let symbol = definition.defaultSymbol { members.append(("default", .string(symbol))) }
            return .object(JSONObject(members + definition.properties.members))
        case .fixed(let fixed):
            var members = Self.nameAttributes("fixed", fixed.name, fixed.doc, fixed.aliases, enclosing)
            members.append(("size", .int(Int64(fixed.size))))
            if let logical = fixed.logicalType { members += Self.logicalAttributes(logical) }
            return .object(JSONObject(members + fixed.properties.members))
        }
    }

    private static func nameAttributes(_ type: String, _ name: AvroName, _ doc: String?, _ aliases: [AvroName], _ enclosing: String?) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [("type", .string(type)), ("name", .string(name.fullName))]
        if name.namespace == nil, enclosing != nil { members.append(("namespace", .string(""))) }
        if let doc { members.append(("doc", .string(doc))) }
        if !aliases.isEmpty { members.append(("aliases", .array(aliases.map { .string($0.fullName) }))) }
        return members
    }

    private static func logicalAttributes(_ logical: AvroLogicalType) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [("logicalType", .string(logical.name))]
        if case .decimal(let precision, let scale) = logical {
            members.append(("precision", .int(Int64(precision))))
            members.append(("scale", .int(Int64(scale))))
        }
        return members
    }
}
