/// Why a datum does not match its schema: where (a JSON pointer into the datum), what the schema wanted, and
/// what was found. Paths are built while the error unwinds, so the happy path pays nothing for them.
public struct AvroDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The value has another type than the schema asks for.
        case typeMismatch
        /// A number outside the range of its type or logical type.
        case outOfRange
        /// The binary input ended inside a value.
        case truncated
        /// A varint longer than 10 bytes (5 for an int) or one that overflows.
        case invalidVarint
        /// A negative length, or a length or item count the remaining input cannot hold.
        case invalidLength
        case invalidUnionIndex
        case invalidEnumIndex
        case unknownSymbol
        case invalidUTF8
        /// Bytes left after the datum.
        case trailingBytes
        case missingField
        case unknownField
        case duplicateField
        /// A fixed value of the wrong size.
        case fixedSize
        /// A decimal with more digits than its precision allows.
        case decimalPrecision
        /// A UUID string that is not in 8-4-4-4-12 hex form.
        case invalidUUID
        /// JSON text that is not well-formed.
        case invalidJSON
        /// A JSON value no union branch accepts, or that several accept equally.
        case noUnionBranch
        /// A field default that does not match the field's type.
        case invalidDefault
        /// Writer and reader schemas that cannot be resolved against each other.
        case unresolvable
        /// Nesting deeper than the codec's limit; guards the stack against hostile input.
        case tooDeep
        /// A reference to a named type no schema defines.
        case unknownType
        /// An object container file that is not one, or that uses a compression codec this reader lacks.
        case invalidContainer
    }

    public var kind: Kind
    /// JSON pointer to the failing value, e.g. `/shipping_address/country`; empty for the root.
    public var path: String
    public var expected: String
    public var actual: String

    public init(_ kind: Kind, path: String = "", expected: String, actual: String) {
        self.kind = kind
        self.path = path
        self.expected = expected
        self.actual = actual
    }

    public var description: String {
        let message = "expected \(expected), got \(actual)"
        return path.isEmpty ? message : "\(path): \(message)"
    }

    /// The same error one level further out: `component` is the field name, map key or array index.
    func inside(_ component: String) -> AvroDataError {
        var copy = self
        var escaped = ""
        if component.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
            for character in component.unicodeScalars {
                switch character {
                case "~": escaped += "~0"
                case "/": escaped += "~1"
                default: escaped.unicodeScalars.append(character)
                }
            }
        } else {
            escaped = component
        }
        copy.path = "/" + escaped + path
        return copy
    }

    func inside(index: Int) -> AvroDataError { inside(String(index)) }
}
