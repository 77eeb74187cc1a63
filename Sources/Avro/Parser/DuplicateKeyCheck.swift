import JSONValue

/// Rejects objects that repeat a key, anywhere in a schema document (attributes, properties, defaults).
///
/// JSON leaves repeated keys undefined; parsers disagree on which one wins, so a registry that picked one
/// silently would store a schema other tools read differently. Found by fuzzing: with repeats, the model's
/// properties could not even compare equal to themselves. Recursion follows the document, whose depth the
/// JSON parser bounds.
enum DuplicateKeyCheck {
    static func check(_ value: JSONValue, path: JSONPointer = .root) throws(AvroSchemaError) {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() { try check(element, path: path.appending(index)) }
        case .object(let object):
            if object.count > 1 {
                var seen: Set<String> = []
                seen.reserveCapacity(object.count)
                for member in object.members where !seen.insert(member.key).inserted {
                    throw path.appending(member.key).error("the key '\(member.key)' appears more than once in this object")
                }
            }
            for member in object.members { try check(member.value, path: path.appending(member.key)) }
        default:
            return
        }
    }
}
