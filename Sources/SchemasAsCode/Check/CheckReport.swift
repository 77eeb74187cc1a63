/// The outcome of `check`: counts for the summary line and every problem found.
public struct CheckReport: Sendable {
    public var folder: String
    public var baseline: String?
    public var subjects: Int = 0
    /// Pairs of (new schema, earlier version) compared.
    public var comparisons: Int = 0
    public var examples: Int = 0
    public var problems: [Problem] = []

    public init(folder: String, baseline: String?) {
        self.folder = folder
        self.baseline = baseline
    }

    public var exitStatus: ExitStatus { ExitStatus(problems) }
}

/// Reported while a long check runs, so a terminal can show where it is.
public struct CheckProgress: Sendable {
    public var done: Int
    public var total: Int
    public var subject: String
}
