/// One failed assertion: where in the instance (JSON pointer) and which keyword of which subschema (absolute URI
/// with a JSON pointer fragment, e.g. `https://example.com/order#/properties/amount/minimum`).
public struct JSONSchemaValidationError: Sendable, Equatable, CustomStringConvertible {
    public var instanceLocation: String
    public var keywordLocation: String
    public var keyword: String
    public var message: String

    public init(instanceLocation: String, keywordLocation: String, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.keyword = keyword
        self.message = message
    }

    public var description: String {
        "\(instanceLocation.isEmpty ? "/" : instanceLocation): \(message) (\(keywordLocation))"
    }
}
