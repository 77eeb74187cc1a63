import JSONValue

/// One parse session: the named types seen so far (across references) and defaults still to check.
///
/// Defaults are checked once the document is complete, because a field's default may use the record still
/// being defined (a recursive type), whose definition does not exist until its last field is parsed.
struct SchemaParser {
    /// Completed definitions, by full name.
    private(set) var names = AvroSchemaSet()
    /// Every name declared so far, including records whose fields are still being parsed.
    private var declared: Set<String> = []
    private var pendingDefaults: [PendingDefault] = []

    struct PendingDefault {
        var path: JSONPointer
        var type: AvroSchema
        var value: JSONValue
    }

    /// Names declared by the document being parsed: declaring one twice is always a redefinition.
    private var documentDeclared: Set<String> = []
    /// Whether the current document may repeat an earlier document's definition (shared dependencies).
    private var isReference = false

    init() {}

    /// A session that starts with named types parsed earlier, as if their documents had been parsed first.
    init(known: AvroSchemaSet) {
        names = known
        declared = Set(known.named.keys)
    }

    /// Parses one document; a reference may repeat a definition an earlier reference already made (a shared
    /// dependency listed twice), provided it is identical.
    mutating func parseDocument(_ json: JSONValue, isReference: Bool) throws(AvroSchemaError) -> AvroSchema {
        try DuplicateKeyCheck.check(json)
        self.isReference = isReference
        documentDeclared = []
        let root = try parse(json, namespace: nil, path: .root)
        try checkPendingDefaults()
        return root
    }

    private mutating func checkPendingDefaults() throws(AvroSchemaError) {
        var validator = DefaultValueValidator(names: names)
        for pending in pendingDefaults {
            try validator.validate(pending.value, against: pending.type, path: pending.path)
        }
        pendingDefaults.removeAll()
    }

    // MARK: - Schemas

    mutating func parse(_ json: JSONValue, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        switch json {
        case .string(let name):
            return try resolve(name, namespace: namespace, path: path)
        case .array(let branches):
            return try parseUnion(branches, namespace: namespace, path: path)
        case .object(let object):
            return try parseObject(object, namespace: namespace, path: path)
        default:
            throw path.error("a schema must be a type name, an object or a union array, not a \(json.typeName)")
        }
    }

    /// A type name: a primitive or a named type already declared (possibly still being defined).
    func resolve(_ written: String, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        if let primitive = Self.primitive(written) { return primitive }
        if let name = lookup(written, namespace: namespace) { return .reference(name) }
        throw path.error("unknown type '\(written)' (not a primitive and no named type of that name is defined before this point)")
    }

    /// Short names are tried in the enclosing namespace first, then in the null namespace.
    func lookup(_ written: String, namespace: String?) -> AvroName? {
        let qualified = AvroNameRules.qualify(written, in: namespace)
        if declared.contains(qualified.fullName) { return qualified }
        if !written.contains("."), namespace != nil, declared.contains(written) { return AvroName(name: written, namespace: nil) }
        return nil
    }

    static func primitive(_ name: String) -> AvroSchema? {
        switch name {
        case "null": return .null
        case "boolean": return .boolean
        case "int": return .int(nil)
        case "long": return .long(nil)
        case "float": return .float
        case "double": return .double
        case "bytes": return .bytes(nil)
        case "string": return .string(nil)
        default: return nil
        }
    }

    private mutating func parseUnion(_ branches: [JSONValue], namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        var parsed: [AvroSchema] = []
        parsed.reserveCapacity(branches.count)
        var seen: Set<String> = []
        for (index, branch) in branches.enumerated() {
            let branchPath = path.appending(index)
            let schema = try parse(branch, namespace: namespace, path: branchPath)
            if case .union = schema {
                throw branchPath.error("a union may not directly contain another union")
            }
            let key = schema.fullName?.fullName ?? schema.typeName
            if !seen.insert(key).inserted {
                throw branchPath.error("union contains '\(key)' twice (only distinct named types may share a kind)")
            }
            parsed.append(schema)
        }
        return .union(parsed)
    }

    private mutating func parseObject(_ object: JSONObject, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        guard let typeValue = object["type"] else {
            throw path.error("a schema object needs a 'type' attribute")
        }
        guard case .string(let type) = typeValue else {
            throw path.appending("type").error("'type' must be a string, not a \(typeValue.typeName)")
        }
        switch type {
        case "record", "error":
            return try parseRecord(object, isError: type == "error", namespace: namespace, path: path)
        case "enum":
            return try parseEnum(object, namespace: namespace, path: path)
        case "fixed":
            return try parseFixed(object, namespace: namespace, path: path)
        case "array":
            guard let items = object["items"] else { throw path.error("an array schema needs 'items'") }
            return .array(try parse(items, namespace: namespace, path: path.appending("items")))
        case "map":
            guard let values = object["values"] else { throw path.error("a map schema needs 'values'") }
            return .map(try parse(values, namespace: namespace, path: path.appending("values")))
        default:
            if let primitive = Self.primitive(type) {
                return AvroLogicalTypeRules.annotate(primitive, with: object)
            }
            // `{"type": "com.example.Named"}` is a reference spelled as an object.
            if let name = lookup(type, namespace: namespace) { return .reference(name) }
            throw path.appending("type").error("unknown type '\(type)'")
        }
    }

    mutating func deferDefault(_ value: JSONValue, type: AvroSchema, path: JSONPointer) {
        pendingDefaults.append(PendingDefault(path: path, type: type, value: value))
    }

    /// Reserves a full name before its definition is parsed, so the definition may refer to itself.
    mutating func declare(_ name: AvroName, path: JSONPointer) throws(AvroSchemaError) {
        let fullName = name.fullName
        if !documentDeclared.insert(fullName).inserted {
            throw path.error("named type '\(fullName)' is already defined")
        }
        if !declared.insert(fullName).inserted, !isReference {
            throw path.error("named type '\(fullName)' is already defined by a referenced schema")
        }
    }

    mutating func complete(_ schema: AvroSchema, as name: AvroName, path: JSONPointer) throws(AvroSchemaError) {
        if let existing = names[name], existing != schema {
            throw path.error("named type '\(name.fullName)' is defined differently by an earlier referenced schema")
        }
        names.define(schema, as: name)
    }
}
