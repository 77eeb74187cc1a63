/// The specification's name grammar, shared by the parser and the writers.
enum AvroNameRules {
    static let primitiveNames: Set<String> = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"]

    /// `[A-Za-z_][A-Za-z0-9_]*`, checked on bytes: names are ASCII by definition.
    static func isValidSimpleName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            let isDigit = byte >= 0x30 && byte <= 0x39
            if first ? !isLetter : !(isLetter || isDigit) { return false }
            first = false
        }
        return !first
    }

    /// A dotted name whose every segment is a simple name.
    static func isValidFullName(_ name: String) -> Bool {
        var segmentStart = true
        var segment = ""
        for character in name {
            if character == "." {
                if segmentStart || !isValidSimpleName(segment) { return false }
                segment = ""
                segmentStart = true
            } else {
                segment.append(character)
                segmentStart = false
            }
        }
        return !segmentStart && isValidSimpleName(segment)
    }

    /// Resolves a name as written against the enclosing namespace: dotted names are already full.
    static func qualify(_ written: String, in namespace: String?) -> AvroName {
        if written.contains(".") { return AvroName(fullName: written) }
        return AvroName(name: written, namespace: namespace)
    }
}
