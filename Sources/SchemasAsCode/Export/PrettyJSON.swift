import JSONValue

/// Indented JSON for files people read and diff: two spaces, one member per line, short arrays of scalars
/// (enum symbols, `["null", "string"]` unions) kept on one line.
enum PrettyJSON {
    static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        switch value {
        case .object(let object) where !object.isEmpty:
            out += "{\n"
            let inner = indent + "  "
            for (index, member) in object.members.enumerated() {
                out += inner
                JSONValue.writeString(member.key, to: &out)
                out += ": "
                write(member.value, indent: inner, into: &out)
                out += index == object.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .array(let items) where !items.isEmpty:
            if items.allSatisfy(isScalar) {
                out += "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            let inner = indent + "  "
            for (index, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, into: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        default:
            out += value.serialized()
        }
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): return object.isEmpty
        case .array(let items): return items.isEmpty
        default: return true
        }
    }
}
