/// Formats compatibility issues the way Confluent's verbose messages and 409 details read, so tools that show
/// or parse them keep working. Only this file knows the wire wording; the issues themselves stay data.
enum CompatibilityMessages {
    static let differentSchemaType = "Incompatible because of different schema type"

    /// Confluent truncates the old schema it quotes at 10 KiB.
    static let oldSchemaLimit = 10 * 1024

    /// The trailer Confluent appends after the issues of the failing version.
    static func trailer(oldVersion: Int, oldSchema: String, level: CompatibilityLevel) -> [String] {
        let quoted = oldSchema.utf8.count > oldSchemaLimit ? String(decoding: oldSchema.utf8.prefix(oldSchemaLimit), as: UTF8.self) : oldSchema
        return [
            "{oldSchemaVersion: \(oldVersion)}",
            "{oldSchema: '\(quoted)'}",
            "{compatibility: '\(level.rawValue)'}",
        ]
    }

    /// `{errorType:'…', description:'…', additionalInfo:'…'}`. The description follows Confluent's wording per
    /// error type, naming the new and old schema by role; additionalInfo carries the format's own sentence.
    /// `readerIsNew`: true for the backward direction (the new schema reads old data).
    static func line(_ issue: CompatibilityIssue, readerIsNew: Bool) -> String {
        let reader = readerIsNew ? "new" : "old"
        let writer = readerIsNew ? "old" : "new"
        let path = issue.location
        let description: String
        switch issue.kind {
        case "READER_FIELD_MISSING_DEFAULT_VALUE":
            description = "The field at path '\(path)' in the \(reader) schema has no default value and is missing in the \(writer) schema"
        case "TYPE_MISMATCH":
            description = "The type (path '\(path)') of a field in the \(reader) schema does not match with the \(writer) schema"
        case "NAME_MISMATCH":
            description = "The name of the schema has changed (path '\(path)')"
        case "MISSING_ENUM_SYMBOLS":
            description = "The \(reader) schema is missing enum symbols at path '\(path)' in the \(writer) schema"
        case "MISSING_UNION_BRANCH":
            description = "The \(reader) schema is missing a type inside a union field at path '\(path)' in the \(writer) schema"
        case "FIXED_SIZE_MISMATCH":
            description = "The size of FIXED type field at path '\(path)' in the \(reader) schema does not match with the \(writer) schema"
        default:
            description = issue.message
        }
        return "{errorType:'\(issue.kind)', description:'\(description)', additionalInfo:'\(issue.message)'}"
    }
}
