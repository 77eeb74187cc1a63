import JSONValue
import RegistryCore

/// Plan and apply outcomes in the three output formats: the changes first (lines, annotations or a JSON
/// array), then the problems and summary as every command prints them.
public enum ChangeRenderer {
    public static func render(_ plan: Plan, target: String, with renderer: ProblemRenderer) -> String {
        let changes = plan.changes
        let created = changes.filter { $0.action == .createSubject }.count
        let versions = changes.filter { $0.action == .newVersion }.count
        let levels = changes.filter { $0.levelChange != nil }.count
        let unchanged = plan.steps.count - created - versions
        let summary = plan.problems.isEmpty
            ? "plan for \(target): \(created) subject(s) to create, \(versions) new version(s), \(levels) level change(s), \(unchanged) unchanged"
            : "no plan for \(target)"
        switch renderer.format {
        case .text:
            return changes.map { $0.description + "\n" }.joined() + renderer.render(plan.problems, summary: summary)
        case .github:
            let notices = changes.map { "::notice title=plan::" + GitHubRenderer.escapeData($0.description) + "\n" }
            return notices.joined() + renderer.render(plan.problems, summary: summary)
        case .json:
            return JSONRenderer.render(plan.problems, summary: summary, members: [
                ("target", .string(target)),
                ("steps", .array(plan.steps.map(json))),
            ])
        }
    }

    public static func render(_ result: ApplyResult, target: String, with renderer: ProblemRenderer) -> String {
        let summary = "apply to \(target): \(result.registered.count) registered, \(result.unchanged.count) unchanged, \(result.levelsSet.count) level(s) set"
        switch renderer.format {
        case .text, .github:
            let lines = result.registered.map { "+ \($0.subject) version \($0.version)" }
                + result.levelsSet.map { "~ \($0) compatibility set" }
            let prefix = renderer.format == .github ? "::notice title=apply::" : ""
            return lines.map { prefix + $0 + "\n" }.joined() + renderer.render(result.problems, summary: summary)
        case .json:
            return JSONRenderer.render(result.problems, summary: summary, members: [
                ("target", .string(target)),
                ("registered", .array(result.registered.map(json))),
                ("unchanged", .array(result.unchanged.map(json))),
                ("levelsSet", .array(result.levelsSet.map { .string($0) })),
            ])
        }
    }

    static func json(_ step: PlanStep) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("subject", .string(step.subject)),
            ("file", .string(step.file)),
            ("action", .string(step.action.rawValue)),
        ]
        if let version = step.existingVersion { members.append(("existingVersion", .int(Int64(version)))) }
        if let change = step.levelChange {
            members.append(("compatibilityFrom", change.from.map { .string($0.rawValue) } ?? .null))
            members.append(("compatibilityTo", .string(change.to.rawValue)))
        }
        if !step.becauseOf.isEmpty { members.append(("becauseOf", .array(step.becauseOf.map { .string($0) }))) }
        return .object(JSONObject(members))
    }

    static func json(_ reference: SubjectVersionRef) -> JSONValue {
        .object(JSONObject([("subject", .string(reference.subject)), ("version", .int(Int64(reference.version)))]))
    }
}
