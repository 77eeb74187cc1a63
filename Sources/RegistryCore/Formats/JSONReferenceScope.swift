import JSONValue

/// The checker resolves `$ref`s of both schemas through one map, but the new schema and an earlier version may
/// mean different documents by one reference name (a referenced subject changed). Each side must read its own:
/// otherwise a change in `money.json` compares the new Money with itself and the schemas using it look clean.
/// So when the two disagree, the earlier version's references get names of their own. Used by the registry's
/// compatibility check and by `check` over a folder, so both judge a referenced-schema change alike.
public struct JSONReferenceScope: Sendable {
    public let newRoot: JSONValue
    public let oldRoot: JSONValue
    public let external: [String: JSONValue]

    /// Cannot be a reference name written in a manifest or a registry (those are non-empty text without NUL).
    public static let oldPrefix = "\u{0}baseline/"

    public init(newRoot new: JSONValue, newReferences: [String: JSONValue],
                oldRoot old: JSONValue, oldReferences: [String: JSONValue]) {
        newRoot = new
        let agree = oldReferences.allSatisfy { name, document in newReferences[name].map { $0 == document } ?? true }
        guard !agree else {
            oldRoot = old
            external = oldReferences.merging(newReferences) { _, mine in mine }
            return
        }
        let names = Set(oldReferences.keys)
        oldRoot = Self.renamed(old, names)
        var external = newReferences
        for (name, document) in oldReferences {
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
