/// How problems are printed: for people, for programs, or as GitHub Actions workflow commands that show up as
/// annotations on the pull request's diff.
public enum ProblemFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
}

/// Renders a list of problems plus a one-line summary in one of the `ProblemFormat`s.
public struct ProblemRenderer: Sendable {
    public var format: ProblemFormat
    /// ANSI colour in text output; callers turn it on only for a terminal.
    public var colour: Bool

    public init(format: ProblemFormat, colour: Bool = false) {
        self.format = format
        self.colour = colour
    }

    /// `summary` is a sentence such as "42 subjects, 40 comparisons, 12 examples"; `extra` adds fields to JSON.
    public func render(_ problems: [Problem], summary: String, extra: [(String, String)] = []) -> String {
        switch format {
        case .text: return TextRenderer(colour: colour).render(problems, summary: summary)
        case .json: return JSONRenderer.render(problems, summary: summary, extra: extra)
        case .github: return GitHubRenderer.render(problems, summary: summary)
        }
    }
}
