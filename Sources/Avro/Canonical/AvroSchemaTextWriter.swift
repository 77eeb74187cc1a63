import JSONValue

/// Re-serializes a schema document as compact, deterministic JSON in one of two styles:
///
/// - `canonical`: what a registry stores. Attributes in a fixed order (the order Apache Avro's Java
///   `Schema.toString()` uses, which Confluent stores as its canonical string), names relative to the enclosing
///   namespace, primitives without properties as bare strings, `order: ascending` dropped; doc, aliases,
///   defaults, logical types and custom properties kept, properties in the order written.
/// - `normalized`: for `normalize=true`. Full names everywhere, properties and object keys sorted, so one
///   schema spelled differently (whitespace, attribute order, short or full names, `"int"` or
///   `{"type": "int"}`) gives one text.
///
/// Works on the validated source document rather than the model, because the model has no slot for
/// properties on primitives, arrays and maps, nor for logical types the specification says to ignore.
/// Recursion follows the document, whose depth the JSON parser bounds.
struct AvroSchemaTextWriter {
    enum Style { case canonical, normalized }

    let names: AvroSchemaSet
    let style: Style

    private static let schemaAttributes: Set<String> = ["type", "name", "namespace", "doc", "aliases", "fields", "symbols", "items", "values", "size"]
    private static let fieldAttributes: Set<String> = ["name", "type", "doc", "default", "order", "aliases"]

    func text(_ document: JSONValue) -> String {
        schema(document, enclosing: nil).serialized()
    }

    func schema(_ json: JSONValue, enclosing: String?) -> JSONValue {
        switch json {
        case .string(let written):
            return reference(written, enclosing: enclosing)
        case .array(let branches):
            return .array(branches.map { schema($0, enclosing: enclosing) })
        case .object(let object):
            return schemaObject(object, enclosing: enclosing)
        default:
            return json
        }
    }

    private func schemaObject(_ object: JSONObject, enclosing: String?) -> JSONValue {
        guard case .string(let type)? = object["type"] else { return .object(object) }
        switch type {
        case "record", "error", "enum", "fixed":
            return named(object, type: type, enclosing: enclosing)
        case "array", "map":
            let key = type == "array" ? "items" : "values"
            var members: [(key: String, value: JSONValue)] = [("type", .string(type))]
            if let child = object[key] { members.append((key, schema(child, enclosing: enclosing))) }
            members += properties(object, excluding: Self.schemaAttributes)
            return .object(JSONObject(members))
        default:
            if AvroNameRules.primitiveNames.contains(type) {
                let extra = properties(object, excluding: Self.schemaAttributes)
                if extra.isEmpty { return .string(type) }
                return .object(JSONObject([("type", .string(type))] + extra))
            }
            return reference(type, enclosing: enclosing)
        }
    }

    private func named(_ object: JSONObject, type: String, enclosing: String?) -> JSONValue {
        let name = Self.definedName(object, enclosing: enclosing)
        var members: [(key: String, value: JSONValue)] = [("type", .string(type))]
        switch style {
        case .canonical:
            members.append(("name", .string(name.name)))
            if let namespace = name.namespace {
                if namespace != enclosing { members.append(("namespace", .string(namespace))) }
            } else if enclosing != nil {
                members.append(("namespace", .string("")))
            }
        case .normalized:
            members.append(("name", .string(name.fullName)))
            if name.namespace == nil, enclosing != nil { members.append(("namespace", .string(""))) }
        }
        if let doc = object["doc"] { members.append(("doc", doc)) }
        let aliases = aliasList(object, of: name)
        if style == .normalized, let aliases { members.append(("aliases", aliases)) }
        var reserved = Self.schemaAttributes
        switch type {
        case "enum":
            if let symbols = object["symbols"] { members.append(("symbols", symbols)) }
            if let defaultSymbol = object["default"] { members.append(("default", defaultSymbol)) }
            reserved.insert("default")
        case "fixed":
            if let size = object["size"] { members.append(("size", size)) }
        default:
            let fields = object["fields"]?.arrayValue ?? []
            members.append(("fields", .array(fields.map { field($0, namespace: name.namespace) })))
        }
        members += properties(object, excluding: reserved)
        if style == .canonical, let aliases { members.append(("aliases", aliases)) }
        return .object(JSONObject(members))
    }

    private func field(_ json: JSONValue, namespace: String?) -> JSONValue {
        guard case .object(let object) = json else { return json }
        var members: [(key: String, value: JSONValue)] = []
        if let name = object["name"] { members.append(("name", name)) }
        if let type = object["type"] { members.append(("type", schema(type, enclosing: namespace))) }
        if let doc = object["doc"] { members.append(("doc", doc)) }
        if let defaultValue = object["default"] {
            members.append(("default", style == .normalized ? Self.sortedKeys(defaultValue) : defaultValue))
        }
        if let order = object["order"], order != .string("ascending") { members.append(("order", order)) }
        if let aliases = object["aliases"], aliases != .array([]) { members.append(("aliases", aliases)) }
        members += properties(object, excluding: Self.fieldAttributes)
        return .object(JSONObject(members))
    }

    /// A use of a named type: in canonical style relative to the enclosing namespace where that is
    /// unambiguous in the way Avro's Java writer decides it, in normalized style always the full name.
    private func reference(_ written: String, enclosing: String?) -> JSONValue {
        if AvroNameRules.primitiveNames.contains(written) { return .string(written) }
        let name = resolve(written, enclosing: enclosing)
        switch style {
        case .canonical:
            if name.namespace == nil || name.namespace == enclosing { return .string(name.name) }
            return .string(name.fullName)
        case .normalized:
            return .string(name.fullName)
        }
    }

    private func resolve(_ written: String, enclosing: String?) -> AvroName {
        let qualified = AvroNameRules.qualify(written, in: enclosing)
        if names[qualified] != nil || written.contains(".") { return qualified }
        let global = AvroName(name: written, namespace: nil)
        return names[global] != nil ? global : qualified
    }

    private func aliasList(_ object: JSONObject, of name: AvroName) -> JSONValue? {
        guard case .array(let aliases)? = object["aliases"], !aliases.isEmpty else { return nil }
        return .array(aliases.map { alias in
            guard case .string(let written) = alias else { return alias }
            let full = AvroNameRules.qualify(written, in: name.namespace)
            switch style {
            case .canonical:
                return .string(full.namespace == nil || full.namespace == name.namespace ? full.name : full.fullName)
            case .normalized:
                return .string(full.fullName)
            }
        })
    }

    private func properties(_ object: JSONObject, excluding reserved: Set<String>) -> [(key: String, value: JSONValue)] {
        let extra = object.members.filter { !reserved.contains($0.key) }
        switch style {
        case .canonical:
            return extra
        case .normalized:
            return extra.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
                .map { ($0.key, Self.sortedKeys($0.value)) }
        }
    }

    /// The declared name; the document was validated, so a malformed one cannot occur, and the written
    /// text is used as is if it somehow does.
    static func definedName(_ object: JSONObject, enclosing: String?) -> AvroName {
        let written = object["name"]?.stringValue ?? ""
        var namespace = enclosing
        if let declared = object["namespace"]?.stringValue { namespace = declared }
        return AvroNameRules.qualify(written, in: namespace)
    }

    static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map(sortedKeys))
        case .object(let object):
            let members = object.members
                .sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
                .map { (key: $0.key, value: sortedKeys($0.value)) }
            return .object(JSONObject(members))
        default:
            return value
        }
    }
}

extension AvroParsedSchema {
    /// The schema as compact JSON with everything meaningful kept (see `AvroSchemaTextWriter`): the text a
    /// registry stores and hashes for identity.
    public var canonicalText: String {
        AvroSchemaTextWriter(names: names, style: .canonical).text(document)
    }

    /// A deterministic form with full names and sorted properties, for `normalize=true`: schemas that differ
    /// only in spelling give the same text.
    public var normalizedText: String {
        AvroSchemaTextWriter(names: names, style: .normalized).text(document)
    }

    /// The source document, or one derived from the model for schemas built in code.
    var document: JSONValue {
        source ?? root.jsonValue
    }
}
