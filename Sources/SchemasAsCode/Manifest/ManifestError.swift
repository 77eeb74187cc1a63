/// A manifest that cannot be used: every problem found, each with the manifest's file and line.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.summary).joined(separator: "\n")
    }
}
