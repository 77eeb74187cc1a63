/// Why a schema could not be compiled. `location` is the absolute URI of the offending subschema with a JSON
/// pointer fragment, so the author can find the field.
public struct JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case invalidJSON
        case invalidSchema
        case invalidKeyword
        case invalidPattern
        case unresolvedReference
        case referenceCycle
        case tooDeep
        case tooLarge
        case unsupportedDraft
    }

    public var kind: Kind
    public var location: String
    public var message: String

    public init(_ kind: Kind, at location: String, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(kind.rawValue) at \(location): \(message)" }
}
