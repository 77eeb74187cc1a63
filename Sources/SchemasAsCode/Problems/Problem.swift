/// One thing wrong with a schema folder, as data: the renderers (text, JSON, GitHub annotations) decide how it
/// looks, and the exit status is derived from the kinds found.
public struct Problem: Sendable, Equatable, Codable {
    public var kind: ProblemKind
    /// As the user names it (the folder path joined with the manifest's relative path), so editors and CI
    /// annotations can open it.
    public var file: String?
    /// 1-based; `nil` when no place in the file can be named.
    public var line: Int?
    /// JSON pointer into the schema or message, where there is one.
    public var pointer: String?
    public var subject: String?
    public var message: String
    public var hint: String?

    public init(kind: ProblemKind, file: String? = nil, line: Int? = nil, pointer: String? = nil,
                subject: String? = nil, message: String, hint: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.pointer = pointer
        self.subject = subject
        self.message = message
        self.hint = hint
    }

    /// `file:line: message`, the form compilers use, for errors that travel as plain text.
    public var summary: String {
        var place = file ?? ""
        if let line { place += ":\(line)" }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}

/// What kind of problem, which decides the exit status.
public enum ProblemKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// `registry.yaml` is malformed or inconsistent.
    case manifestInvalid = "MANIFEST_INVALID"
    /// The schema file does not parse or breaks the format's rules.
    case schemaInvalid = "SCHEMA_INVALID"
    /// A named type is used but no reference brings it in, or a referenced schema is itself broken.
    case referenceBroken = "REFERENCE_BROKEN"
    /// The schema is not compatible with an earlier version at its subject's level.
    case incompatible = "INCOMPATIBLE"
    /// An example under `valid/` does not match the schema.
    case validExampleRejected = "VALID_EXAMPLE_REJECTED"
    /// An example under `invalid/` matches the schema.
    case invalidExampleAccepted = "INVALID_EXAMPLE_ACCEPTED"
    /// A data line given to `validate` does not match the schema.
    case dataInvalid = "DATA_INVALID"
    /// The registry refused a write during `apply`.
    case refused = "REFUSED"
    /// A file, folder, git revision or registry could not be read.
    case unavailable = "UNAVAILABLE"
    /// The command was given something it cannot use.
    case usage = "USAGE"

    /// Problems the user's input caused rather than the content under check.
    public var isOperational: Bool {
        self == .unavailable || self == .usage
    }
}
