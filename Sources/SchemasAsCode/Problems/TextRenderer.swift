/// `file:line: error: message` lines (the form editors and terminals link), the pointer and hint indented below.
struct TextRenderer {
    var colour: Bool

    func render(_ problems: [Problem], summary: String) -> String {
        var out = ""
        for problem in problems {
            var place = problem.file ?? ""
            if let line = problem.line { place += ":\(line)" }
            if !place.isEmpty { out += paint(place + ": ", "1") }
            out += paint("error", "31;1") + paint(" [\(problem.kind.rawValue)]", "2") + ": " + problem.message + "\n"
            if let pointer = problem.pointer, !pointer.isEmpty { out += "    at " + pointer + "\n" }
            if let hint = problem.hint { out += "    " + paint("fix:", "36") + " " + hint + "\n" }
        }
        let status = ExitStatus(problems)
        let verdict: String
        switch status {
        case .clean: verdict = paint("OK", "32;1")
        case .failed: verdict = paint("FAILED", "31;1")
        case .unusable: verdict = paint("ERROR", "31;1")
        }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        out += "\(verdict): \(summary); \(count)\n"
        return out
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
