import JSONValue

/// One JSON document: `{"status", "exitCode", "summary", "problems": [...]}` with stable key names, for tools.
enum JSONRenderer {
    static func render(_ problems: [Problem], summary: String, extra: [(String, String)]) -> String {
        render(problems, summary: summary, members: extra.map { ($0.0, JSONValue.string($0.1)) })
    }

    /// `members` go between the summary and the problems, e.g. a plan's steps.
    static func render(_ problems: [Problem], summary: String, members extra: [(String, JSONValue)]) -> String {
        let status = ExitStatus(problems)
        var members: [(key: String, value: JSONValue)] = [
            ("status", .string(status == .clean ? "ok" : (status == .failed ? "failed" : "error"))),
            ("exitCode", .int(Int64(status.rawValue))),
            ("summary", .string(summary)),
        ]
        for (key, value) in extra { members.append((key, value)) }
        members.append(("problems", .array(problems.map(json))))
        return JSONValue.object(JSONObject(members)).serialized() + "\n"
    }

    static func json(_ problem: Problem) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("kind", .string(problem.kind.rawValue))]
        if let file = problem.file { members.append(("file", .string(file))) }
        if let line = problem.line { members.append(("line", .int(Int64(line)))) }
        if let pointer = problem.pointer { members.append(("pointer", .string(pointer))) }
        if let subject = problem.subject { members.append(("subject", .string(subject))) }
        members.append(("message", .string(problem.message)))
        if let hint = problem.hint { members.append(("hint", .string(hint))) }
        return .object(JSONObject(members))
    }
}
