/// Builds RFC 6901 JSON pointers for error paths; escaping keeps a key containing `/` or `~` unambiguous.
struct JSONPointer: Sendable {
    private(set) var text: String

    static let root = JSONPointer(text: "")

    private init(text: String) {
        self.text = text
    }

    func appending(_ key: String) -> JSONPointer {
        var escaped = ""
        for character in key {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return JSONPointer(text: text + "/" + escaped)
    }

    func appending(_ index: Int) -> JSONPointer {
        JSONPointer(text: text + "/" + String(index))
    }

    func error(_ message: String) -> AvroSchemaError {
        AvroSchemaError(path: text, message: message)
    }
}
