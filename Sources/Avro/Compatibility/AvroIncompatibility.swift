/// One reason a reader schema cannot read data written with a writer schema.
///
/// Reasons are data, not text: the edges (HTTP verbose messages, CLI output, CI annotations) choose how to show them.
/// `type` and `location` follow Java Avro's `SchemaCompatibility`, so a Confluent client sees the same vocabulary.
public struct AvroIncompatibility: Sendable, Hashable, CustomStringConvertible {
    /// The rule of the specification's Schema Resolution section that failed. Raw values are Java Avro's names.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case readerFieldMissingDefaultValue = "READER_FIELD_MISSING_DEFAULT_VALUE"
        case typeMismatch = "TYPE_MISMATCH"
        case nameMismatch = "NAME_MISMATCH"
        case missingEnumSymbols = "MISSING_ENUM_SYMBOLS"
        case missingUnionBranch = "MISSING_UNION_BRANCH"
        case fixedSizeMismatch = "FIXED_SIZE_MISMATCH"
    }

    public var type: Kind
    /// JSON pointer into the reader schema, walked as Java Avro walks it: `/fields/0/type`, `/items`, `/values`,
    /// `/symbols`, `/size`, `/name`. Where the writer has a union the writer's branch index is appended, because
    /// each writer branch is checked on its own. The root is `/`.
    public var location: String
    /// A sentence naming the field and both sides' types.
    public var message: String
    /// How to fix it, where one fix is obvious.
    public var hint: String?
    /// Java Avro's terse wording of the same reason ("reader type: INT not compatible with writer type: LONG",
    /// "expected: Enum2", "[C]", the field name), which Confluent's registry returns as `additionalInfo`.
    public var javaMessage: String

    public init(type: Kind, location: String, message: String, hint: String? = nil, javaMessage: String = "") {
        self.type = type
        self.location = location
        self.message = message
        self.hint = hint
        self.javaMessage = javaMessage
    }

    public var description: String {
        var text = "\(type.rawValue) at \(location): \(message)"
        if let hint { text += " Hint: \(hint)" }
        return text
    }
}
