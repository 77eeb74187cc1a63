/// The documented exit codes, shared by every command so CI scripts can branch on them.
public enum ExitStatus: Int32, Sendable, Equatable, Codable {
    /// Nothing wrong.
    case clean = 0
    /// Something is incompatible or invalid: the change should not merge.
    case failed = 1
    /// The command could not do its job (bad arguments, unreadable file, registry or git unavailable).
    case unusable = 2

    /// Operational problems win: a check that could not run must not look like a verdict.
    public init(_ problems: [Problem]) {
        if problems.contains(where: { $0.kind.isOperational }) {
            self = .unusable
        } else if problems.isEmpty {
            self = .clean
        } else {
            self = .failed
        }
    }
}
