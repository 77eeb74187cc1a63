import JSONValue

/// Scalar assertions checked on the token's bytes: no `String`, no `JSONValue`, no evaluator dispatch for the
/// strings, numbers and literals that make up most of a record. Whatever needs the real value (escaped strings,
/// numbers the text cannot decide exactly, `enum`/`const` on non-strings, applicators) answers nil, and the
/// caller rewinds and builds the value as before.
extension StreamEvaluator {
    mutating func scalarOnBytes(_ keywords: UnsafeBufferPointer<Keyword>, _ first: UInt8) -> Bool? {
        switch first {
        case UInt8(ascii: "\""):
            guard let (range, escaped) = cursor.scanString() else { return false }
            if escaped { return nil }
            return Self.string(keywords, UnsafeBufferPointer(rebasing: cursor.bytes[range]))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let (end, classified) = NumberText.scan(cursor.bytes, at: cursor.index) else { return false }
            cursor.index = end
            guard let number = classified else { return nil }
            return Self.number(keywords, number)
        case UInt8(ascii: "t"):
            return cursor.literal("true") ? Self.literal(keywords, .boolean) : false
        case UInt8(ascii: "f"):
            return cursor.literal("false") ? Self.literal(keywords, .boolean) : false
        case UInt8(ascii: "n"):
            return cursor.literal("null") ? Self.literal(keywords, .null) : false
        default:
            return false
        }
    }

    /// `text` is an unescaped string body, already checked to be valid UTF-8.
    private static func string(_ keywords: UnsafeBufferPointer<Keyword>, _ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        for keyword in keywords {
            switch keyword {
            case .type(let types):
                guard types.contains(.string) else { return false }
            case .minLength(let minimum):
                guard text.count >= minimum, text.count / 4 >= minimum || scalarCount(text) >= minimum else { return false }
            case .maxLength(let maximum):
                guard text.count <= maximum || scalarCount(text) <= maximum else { return false }
            case .pattern(let pattern):
                guard pattern.matches(utf8: text) else { return false }
            case .enumeration(let values):
                guard values.contains(stringUTF8: text) else { return false }
            case .const(let expected):
                guard case .string(let s) = expected, s.utf8.count == text.count,
                      s.utf8.withContiguousStorageIfAvailable({ $0.elementsEqual(text) }) ?? s.utf8.elementsEqual(text) else { return false }
            case .format(let format):
                guard format.accepts(String(decoding: text, as: UTF8.self)) else { return false }
            default:
                guard appliesOnlyToOtherTypes(keyword) else { return nil }
            }
        }
        return true
    }

    private static func number(_ keywords: UnsafeBufferPointer<Keyword>, _ number: NumberText) -> Bool? {
        for keyword in keywords {
            switch keyword {
            case .type(let types):
                guard types.contains(.number) || (types.contains(.integer) && number.isInteger) else { return false }
            case .minimum(let bound, let exclusive):
                guard let order = number.compare(to: bound) else { return nil }
                guard exclusive ? order > 0 : order >= 0 else { return false }
            case .maximum(let bound, let exclusive):
                guard let order = number.compare(to: bound) else { return nil }
                guard exclusive ? order < 0 : order <= 0 else { return false }
            case .multipleOf(_, let raw):
                guard case .integer(let value) = number, case .int(let divisor) = raw, divisor > 0 else { return nil }
                guard value % divisor == 0 else { return false }
            case .minLength, .maxLength, .pattern, .format:
                continue
            default:
                guard appliesOnlyToOtherTypes(keyword) else { return nil }
            }
        }
        return true
    }

    private static func literal(_ keywords: UnsafeBufferPointer<Keyword>, _ type: TypeSet) -> Bool? {
        for keyword in keywords {
            switch keyword {
            case .type(let types):
                guard types.contains(type) else { return false }
            case .minimum, .maximum, .multipleOf, .minLength, .maxLength, .pattern, .format:
                continue
            default:
                guard appliesOnlyToOtherTypes(keyword) else { return nil }
            }
        }
        return true
    }

    /// Object and array keywords: every scalar passes them.
    private static func appliesOnlyToOtherTypes(_ keyword: Keyword) -> Bool {
        switch keyword {
        case .properties, .patternProperties, .additionalProperties, .required, .dependentRequired, .dependentSchemas,
             .propertyNames, .minProperties, .maxProperties, .objectShape, .unevaluatedProperties,
             .prefixItems, .items, .contains, .uniqueItems, .minItems, .maxItems, .unevaluatedItems:
            return true
        default:
            return false
        }
    }

    /// Code points in valid UTF-8: every byte that is not a continuation byte starts one.
    @inline(__always) private static func scalarCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in text where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
