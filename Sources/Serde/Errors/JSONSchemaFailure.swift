import Avro
import JSONSchema
import JSONValue

/// Turns a JSON Schema validation failure into the shape every refusal has (`ValidationError`: path, expected,
/// actual, a reason kind), so dead-letter headers, metrics and callers treat JSON and Avro subjects alike.
enum JSONSchemaFailure {
    /// The first failure of `errors` as the data error a `ValidationError` carries; `instance` is the parsed
    /// message (nil when the text is not JSON), `schema` the root schema document.
    static func dataError(_ errors: [JSONSchemaValidationError], instance: JSONValue?, schema: JSONValue) -> AvroDataError {
        // A spent budget says more than whichever assertion happened to fail before it ran out.
        guard let first = errors.first(where: { $0.keyword == "evaluationBudgetExceeded" }) ?? errors.first else {
            return AvroDataError(.typeMismatch, expected: "a value the schema accepts", actual: "a value it refuses")
        }
        guard let instance else {
            return AvroDataError(.invalidJSON, expected: "JSON text", actual: first.message)
        }
        var path = first.instanceLocation
        var actual = instance.value(at: path).map(snippet) ?? "nothing"
        let asked = keywordValue(first.keywordLocation, in: schema)
        let expected: String
        switch first.keyword {
        case "type": expected = asked.map { "type \($0.serialized())" } ?? first.message
        case "enum": expected = asked.map { "one of \(snippet($0))" } ?? first.message
        case "const": expected = asked.map { "the constant \(snippet($0))" } ?? first.message
        case "minimum": expected = asked.map { ">= \($0.serialized())" } ?? first.message
        case "exclusiveMinimum": expected = asked.map { "> \($0.serialized())" } ?? first.message
        case "maximum": expected = asked.map { "<= \($0.serialized())" } ?? first.message
        case "exclusiveMaximum": expected = asked.map { "< \($0.serialized())" } ?? first.message
        case "multipleOf": expected = asked.map { "a multiple of \($0.serialized())" } ?? first.message
        case "minLength": expected = asked.map { "at least \($0.serialized()) characters" } ?? first.message
        case "maxLength": expected = asked.map { "at most \($0.serialized()) characters" } ?? first.message
        case "pattern": expected = asked?.stringValue.map { "a string matching /\($0)/" } ?? first.message
        case "format": expected = asked?.stringValue.map { "a valid \($0)" } ?? first.message
        case "required", "dependentRequired":
            // The missing member is the place to point at, as the Avro path does for a missing field.
            if let name = quotedName(first.message) { path += "/" + escape(name) }
            expected = first.message
            actual = "nothing"
        case "additionalProperties", "unevaluatedProperties":
            if let name = quotedName(first.message) {
                path += "/" + escape(name)
                actual = instance.value(at: path).map(snippet) ?? actual
            }
            expected = "no such property (\(first.keyword))"
        default:
            expected = first.message
        }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more failure\(errors.count > 2 ? "s" : ""))" : ""
        return AvroDataError(reason(first.keyword), path: path, expected: expected + more, actual: actual)
    }

    /// The closest reason kind the refusal taxonomy already has, so metrics and dead-letter headers group
    /// JSON refusals with their Avro counterparts.
    static func reason(_ keyword: String) -> AvroDataError.Kind {
        switch keyword {
        case "required", "dependentRequired": return .missingField
        case "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames": return .unknownField
        case "enum", "const": return .unknownSymbol
        case "anyOf", "oneOf": return .noUnionBranch
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
             "minItems", "maxItems", "minProperties", "maxProperties", "contains", "minContains", "maxContains":
            return .outOfRange
        case "uniqueItems": return .duplicateField
        case "evaluationBudgetExceeded": return .tooDeep
        default: return .typeMismatch
        }
    }

    /// The keyword's value in the root document, when the failing keyword lives there (not in a reference).
    private static func keywordValue(_ location: String, in schema: JSONValue) -> JSONValue? {
        let prefix = JSONSchemaValidator.defaultBaseURI + "#"
        guard location.hasPrefix(prefix) else { return nil }
        return schema.value(at: String(location.dropFirst(prefix.count)))
    }

    private static func quotedName(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "\""), let close = message[message.index(after: open)...].firstIndex(of: "\"") else { return nil }
        return String(message[message.index(after: open)..<close])
    }

    private static func escape(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// Compact text of a value, cut short so a huge message cannot make a huge error.
    static func snippet(_ value: JSONValue) -> String {
        let text = value.serialized()
        guard text.utf8.count > 200 else { return text }
        return String(decoding: text.utf8.prefix(200), as: UTF8.self) + "…"
    }
}

extension JSONValue {
    /// The value a JSON pointer names; nil when it names nothing.
    func value(at pointer: String) -> JSONValue? {
        guard !pointer.isEmpty else { return self }
        guard pointer.hasPrefix("/") else { return nil }
        var current = self
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = String(raw).replacing("~1", with: "/").replacing("~0", with: "~")
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
