import JSONValue

/// Checks a field default against its type, using the JSON encoding the specification prescribes for
/// defaults (bytes and fixed as strings of code points 0-255, unions by their first branch).
///
/// Recursion follows the default value, which is a finite JSON document of bounded depth, so it ends.
/// Lookups are hashed: a hostile schema can pair a huge enum or record with a huge default.
struct DefaultValueValidator {
    let names: AvroSchemaSet
    private var symbolSets: [String: Set<String>] = [:]

    init(names: AvroSchemaSet) {
        self.names = names
    }

    mutating func validate(_ value: JSONValue, against type: AvroSchema, path: JSONPointer) throws(AvroSchemaError) {
        switch type {
        case .null:
            guard case .null = value else { throw mismatch(value, "null", path) }
        case .boolean:
            guard case .bool = value else { throw mismatch(value, "boolean", path) }
        case .int:
            guard case .int(let number) = value, number >= Int64(Int32.min), number <= Int64(Int32.max) else {
                throw mismatch(value, "int (a 32-bit integer)", path)
            }
        case .long:
            guard case .int = value else { throw mismatch(value, "long (a 64-bit integer)", path) }
        case .float, .double:
            switch value {
            case .int, .double: break
            case .string("NaN"), .string("Infinity"), .string("-Infinity"): break
            default: throw mismatch(value, "\(type.typeName) (a number)", path)
            }
        case .string:
            guard case .string = value else { throw mismatch(value, "string", path) }
        case .bytes:
            guard case .string(let text) = value, Self.isByteString(text) else {
                throw mismatch(value, "bytes (a string of code points U+0000-U+00FF)", path)
            }
        case .fixed(let fixed):
            guard case .string(let text) = value, Self.isByteString(text), text.unicodeScalars.count == fixed.size else {
                throw mismatch(value, "fixed '\(fixed.name.fullName)' (a string of \(fixed.size) code points U+0000-U+00FF)", path)
            }
        case .enumeration(let definition):
            guard case .string(let symbol) = value, symbols(of: definition).contains(symbol) else {
                throw mismatch(value, "a symbol of enum '\(definition.name.fullName)'", path)
            }
        case .array(let items):
            guard case .array(let elements) = value else { throw mismatch(value, "array", path) }
            for (index, element) in elements.enumerated() {
                try validate(element, against: items, path: path.appending(index))
            }
        case .map(let values):
            guard case .object(let object) = value else { throw mismatch(value, "map (an object)", path) }
            for member in object.members {
                try validate(member.value, against: values, path: path.appending(member.key))
            }
        case .union(let branches):
            guard let first = branches.first else { throw path.error("an empty union has no valid default") }
            do throws(AvroSchemaError) {
                try validate(value, against: first, path: path)
            } catch {
                throw AvroSchemaError(path: error.path, message: "\(error.message) (a union default must match the union's first branch)")
            }
        case .record(let record):
            guard case .object(let object) = value else { throw mismatch(value, "record '\(record.name.fullName)' (an object)", path) }
            let members = object.count > 8 ? Dictionary(object.members, uniquingKeysWith: { first, _ in first }) : nil
            for field in record.fields {
                let fieldValue: JSONValue? = if let members { members[field.name] } else { object[field.name] }
                if let fieldValue {
                    try validate(fieldValue, against: field.type, path: path.appending(field.name))
                } else if field.defaultValue == nil {
                    throw path.error("default for record '\(record.name.fullName)' lacks field '\(field.name)', which has no default")
                }
            }
        case .reference(let name):
            guard let definition = names[name] else { throw path.error("default refers to undefined type '\(name.fullName)'") }
            try validate(value, against: definition, path: path)
        }
    }

    private mutating func symbols(of definition: AvroEnum) -> Set<String> {
        if let cached = symbolSets[definition.name.fullName] { return cached }
        let symbols = Set(definition.symbols)
        symbolSets[definition.name.fullName] = symbols
        return symbols
    }

    private func mismatch(_ value: JSONValue, _ expected: String, _ path: JSONPointer) -> AvroSchemaError {
        path.error("invalid default: expected \(expected), got \(value.serialized().prefix(64))")
    }

    static func isByteString(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value <= 0xFF }
    }
}
