import JSONValue

/// Records, enums and fixed: the types that carry a name, a namespace and aliases.
extension SchemaParser {
    /// Attributes the specification gives meaning to on a schema object; the rest are custom properties.
    static let schemaAttributes: Set<String> = ["type", "name", "namespace", "doc", "aliases", "fields", "symbols", "items", "values", "size"]
    static let fieldAttributes: Set<String> = ["name", "type", "doc", "default", "order", "aliases"]

    mutating func parseRecord(_ object: JSONObject, isError: Bool, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        let name = try Self.definedName(object, enclosing: namespace, path: path)
        let aliases = try Self.typeAliases(object, of: name, path: path)
        let doc = try Self.optionalString(object, "doc", path: path)
        try declare(name, path: path.appending("name"))
        guard let fieldsValue = object["fields"] else { throw path.error("a record needs 'fields'") }
        guard case .array(let fieldValues) = fieldsValue else {
            throw path.appending("fields").error("'fields' must be an array, not a \(fieldsValue.typeName)")
        }
        var fields: [AvroField] = []
        fields.reserveCapacity(fieldValues.count)
        var fieldNames: Set<String> = []
        for (index, fieldValue) in fieldValues.enumerated() {
            let fieldPath = path.appending("fields").appending(index)
            let field = try parseField(fieldValue, namespace: name.namespace, path: fieldPath)
            if !fieldNames.insert(field.name).inserted {
                throw fieldPath.appending("name").error("duplicate field name '\(field.name)'")
            }
            fields.append(field)
        }
        let record = AvroRecord(name: name, aliases: aliases, doc: doc, fields: fields, isError: isError,
                                properties: Self.properties(object, excluding: Self.schemaAttributes))
        try complete(.record(record), as: name, path: path)
        return .record(record)
    }

    private mutating func parseField(_ json: JSONValue, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroField {
        guard case .object(let object) = json else { throw path.error("a field must be an object, not a \(json.typeName)") }
        guard let nameValue = object["name"] else { throw path.error("a field needs a 'name'") }
        guard case .string(let name) = nameValue else {
            throw path.appending("name").error("a field name must be a string, not a \(nameValue.typeName)")
        }
        guard AvroNameRules.isValidSimpleName(name) else {
            throw path.appending("name").error("invalid field name '\(name)' (must match [A-Za-z_][A-Za-z0-9_]*)")
        }
        guard let typeValue = object["type"] else { throw path.error("field '\(name)' needs a 'type'") }
        let type = try parse(typeValue, namespace: namespace, path: path.appending("type"))
        let doc = try Self.optionalString(object, "doc", path: path)
        var order = AvroFieldOrder.ascending
        if let orderValue = object["order"] {
            guard case .string(let text) = orderValue, let parsed = AvroFieldOrder(rawValue: text) else {
                throw path.appending("order").error("'order' must be \"ascending\", \"descending\" or \"ignore\"")
            }
            order = parsed
        }
        var aliases: [String] = []
        if let aliasValue = object["aliases"] {
            for (index, alias) in try Self.stringArray(aliasValue, path: path.appending("aliases")).enumerated() {
                guard AvroNameRules.isValidSimpleName(alias) else {
                    throw path.appending("aliases").appending(index).error("invalid field alias '\(alias)'")
                }
                aliases.append(alias)
            }
        }
        let defaultValue = object["default"]
        if let defaultValue { deferDefault(defaultValue, type: type, path: path.appending("default")) }
        return AvroField(name: name, type: type, doc: doc, defaultValue: defaultValue, order: order, aliases: aliases,
                         properties: Self.properties(object, excluding: Self.fieldAttributes))
    }

    mutating func parseEnum(_ object: JSONObject, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        let name = try Self.definedName(object, enclosing: namespace, path: path)
        let aliases = try Self.typeAliases(object, of: name, path: path)
        let doc = try Self.optionalString(object, "doc", path: path)
        try declare(name, path: path.appending("name"))
        guard let symbolsValue = object["symbols"] else { throw path.error("an enum needs 'symbols'") }
        let symbolsPath = path.appending("symbols")
        let symbols = try Self.stringArray(symbolsValue, path: symbolsPath)
        var seen: Set<String> = []
        for (index, symbol) in symbols.enumerated() {
            guard AvroNameRules.isValidSimpleName(symbol) else {
                throw symbolsPath.appending(index).error("invalid enum symbol '\(symbol)' (must match [A-Za-z_][A-Za-z0-9_]*)")
            }
            if !seen.insert(symbol).inserted { throw symbolsPath.appending(index).error("duplicate enum symbol '\(symbol)'") }
        }
        var defaultSymbol: String?
        if let defaultValue = object["default"] {
            guard case .string(let symbol) = defaultValue, seen.contains(symbol) else {
                throw path.appending("default").error("an enum default must be one of its symbols")
            }
            defaultSymbol = symbol
        }
        var excluded = Self.schemaAttributes
        excluded.insert("default")
        let definition = AvroEnum(name: name, aliases: aliases, doc: doc, symbols: symbols, defaultSymbol: defaultSymbol,
                                  properties: Self.properties(object, excluding: excluded))
        try complete(.enumeration(definition), as: name, path: path)
        return .enumeration(definition)
    }

    mutating func parseFixed(_ object: JSONObject, namespace: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroSchema {
        let name = try Self.definedName(object, enclosing: namespace, path: path)
        let aliases = try Self.typeAliases(object, of: name, path: path)
        let doc = try Self.optionalString(object, "doc", path: path)
        try declare(name, path: path.appending("name"))
        guard let sizeValue = object["size"] else { throw path.error("a fixed type needs 'size'") }
        guard case .int(let size) = sizeValue, size >= 0, size <= Int64(Int32.max) else {
            throw path.appending("size").error("'size' must be a non-negative integer no larger than \(Int32.max)")
        }
        let logicalType = AvroLogicalTypeRules.fixedLogicalType(object, size: Int(size))
        var excluded = Self.schemaAttributes
        if let logicalType { excluded.formUnion(AvroLogicalTypeRules.attributes(of: logicalType)) }
        let fixed = AvroFixed(name: name, aliases: aliases, doc: doc, size: Int(size), logicalType: logicalType,
                              properties: Self.properties(object, excluding: excluded))
        try complete(.fixed(fixed), as: name, path: path)
        return .fixed(fixed)
    }

    // MARK: - Attributes

    /// The full name a definition declares: a dotted `name` wins over `namespace`, which wins over the
    /// enclosing namespace; an empty `namespace` means the null namespace.
    static func definedName(_ object: JSONObject, enclosing: String?, path: JSONPointer) throws(AvroSchemaError) -> AvroName {
        guard let nameValue = object["name"] else { throw path.error("a named type needs a 'name'") }
        guard case .string(let written) = nameValue else {
            throw path.appending("name").error("'name' must be a string, not a \(nameValue.typeName)")
        }
        guard AvroNameRules.isValidFullName(written) else {
            throw path.appending("name").error("invalid name '\(written)' (each dot-separated part must match [A-Za-z_][A-Za-z0-9_]*)")
        }
        var namespace = enclosing
        // A dotted name carries its own namespace and the attribute is ignored; `null` counts as absent.
        if !written.contains("."), let namespaceValue = object["namespace"], namespaceValue != .null {
            guard case .string(let written) = namespaceValue else {
                throw path.appending("namespace").error("'namespace' must be a string, not a \(namespaceValue.typeName)")
            }
            if !written.isEmpty, !AvroNameRules.isValidFullName(written) {
                throw path.appending("namespace").error("invalid namespace '\(written)' (each dot-separated part must match [A-Za-z_][A-Za-z0-9_]*)")
            }
            namespace = written
        }
        let name = AvroNameRules.qualify(written, in: namespace)
        if AvroNameRules.primitiveNames.contains(name.name) {
            throw path.appending("name").error("a named type may not be called '\(name.name)', a primitive type name")
        }
        return name
    }

    /// Type aliases are names in their own right: short ones live in the type's namespace.
    static func typeAliases(_ object: JSONObject, of name: AvroName, path: JSONPointer) throws(AvroSchemaError) -> [AvroName] {
        guard let value = object["aliases"] else { return [] }
        let aliasesPath = path.appending("aliases")
        var aliases: [AvroName] = []
        for (index, alias) in try stringArray(value, path: aliasesPath).enumerated() {
            guard AvroNameRules.isValidFullName(alias) else {
                throw aliasesPath.appending(index).error("invalid alias '\(alias)'")
            }
            aliases.append(AvroNameRules.qualify(alias, in: name.namespace))
        }
        return aliases
    }

    static func optionalString(_ object: JSONObject, _ key: String, path: JSONPointer) throws(AvroSchemaError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text) = value else {
            throw path.appending(key).error("'\(key)' must be a string, not a \(value.typeName)")
        }
        return text
    }

    static func stringArray(_ value: JSONValue, path: JSONPointer) throws(AvroSchemaError) -> [String] {
        guard case .array(let elements) = value else { throw path.error("expected an array of strings, not a \(value.typeName)") }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw path.appending(index).error("expected a string, not a \(element.typeName)")
            }
            strings.append(text)
        }
        return strings
    }

    static func properties(_ object: JSONObject, excluding reserved: Set<String>) -> JSONObject {
        JSONObject(object.members.filter { !reserved.contains($0.key) })
    }
}
