import JSONValue

/// The checker resolves `$ref`s of both schemas through one map, but the new schema and an earlier version may
/// mean different documents by one reference name (a referenced subject changed). Each side must read its own:
/// otherwise a change in `money.json` compares the new Money with itself and the schemas using it look clean.
/// So when the two disagree, the earlier version's references get names of their own.
struct JSONReferenceScope {
    let newRoot: JSONValue
    let oldRoot: JSONValue
    let external: [String: JSONValue]

    /// Cannot be a reference name written in a manifest or a registry (those are non-empty text without NUL).
    static let oldPrefix = "\u{0}baseline/"

    init(new: JSONFolderSchema, old: JSONFolderSchema) {
        newRoot = new.root
        let agree = old.references.allSatisfy { name, document in new.references[name].map { $0 == document } ?? true }
        guard !agree else {
            oldRoot = old.root
            external = old.references.merging(new.references) { _, mine in mine }
            return
        }
        let names = Set(old.references.keys)
        oldRoot = Self.renamed(old.root, names)
        var external = new.references
        for (name, document) in old.references {
            external[Self.oldPrefix + name] = Self.renamed(document, names)
        }
        self.external = external
    }

    /// Keywords whose values are data, not schemas: a `$ref` member in them is a value to keep as written.
    static let dataKeywords: Set<String> = ["enum", "const", "default", "examples"]

    /// `value` with every `$ref` to a document in `names` pointing at the renamed document instead.
    static func renamed(_ value: JSONValue, _ names: Set<String>) -> JSONValue {
        switch value {
        case .object(let object):
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(object.count)
            for member in object.members {
                if member.key == "$ref", case .string(let ref) = member.value {
                    let hash = ref.firstIndex(of: "#") ?? ref.endIndex
                    let document = String(ref[..<hash])
                    members.append((member.key, names.contains(document) ? .string(oldPrefix + ref) : member.value))
                } else if dataKeywords.contains(member.key) {
                    members.append(member)
                } else {
                    members.append((member.key, renamed(member.value, names)))
                }
            }
            return .object(JSONObject(members))
        case .array(let elements):
            return .array(elements.map { renamed($0, names) })
        case .null, .bool, .int, .double, .string:
            return value
        }
    }
}
