/// GitHub Actions workflow commands (`::error file=F,line=N,title=T::message`): each problem becomes an
/// annotation on the pull request, on the line it names.
enum GitHubRenderer {
    static func render(_ problems: [Problem], summary: String) -> String {
        var out = ""
        for problem in problems {
            var properties: [String] = []
            if let file = problem.file { properties.append("file=" + escapeProperty(file)) }
            if let line = problem.line { properties.append("line=\(line)") }
            properties.append("title=" + escapeProperty(problem.kind.rawValue + (problem.subject.map { " " + $0 } ?? "")))
            var message = problem.message
            if let pointer = problem.pointer, !pointer.isEmpty { message += " (at \(pointer))" }
            if let hint = problem.hint { message += "\nFix: " + hint }
            out += "::error " + properties.joined(separator: ",") + "::" + escapeData(message) + "\n"
        }
        let status = ExitStatus(problems)
        out += (status == .clean ? "::notice::" : "::error::") + escapeData("schema-registry: \(summary); \(problems.count) problem(s)") + "\n"
        return out
    }

    /// The runner's escaping for a command's message.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Properties also escape the separators `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
