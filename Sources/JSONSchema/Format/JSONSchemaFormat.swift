/// The `format` values this engine can assert. Anything else is an annotation only, as the specification allows.
public enum JSONSchemaFormat: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case email
    case hostname
    case ipv4
    case ipv6
    case uri
    case uuid

    /// Whether `text` conforms. Non-strings always pass `format`.
    public func accepts(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .dateTime: return FormatChecks.dateTime(bytes)
        case .date: return FormatChecks.date(bytes[...])
        case .time: return FormatChecks.time(bytes[...])
        case .email: return FormatChecks.email(text)
        case .hostname: return FormatChecks.hostname(text)
        case .ipv4: return FormatChecks.ipv4(Substring(text))
        case .ipv6: return FormatChecks.ipv6(text)
        case .uri: return FormatChecks.uri(text)
        case .uuid: return FormatChecks.uuid(bytes)
        }
    }
}
