import RegistryCore

/// What `apply` would do to a registry, subject by subject in dependency order: the dry run.
public struct Plan: Sendable {
    public var steps: [PlanStep]
    /// Problems that stop the plan from being applied (broken schemas, unreadable registry).
    public var problems: [Problem]

    public init(steps: [PlanStep] = [], problems: [Problem] = []) {
        self.steps = steps
        self.problems = problems
    }

    /// Steps that change something.
    public var changes: [PlanStep] { steps.filter { $0.action != .unchanged || $0.levelChange != nil } }
}

/// One subject's part of a plan.
public struct PlanStep: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable {
        /// The subject does not exist yet: version 1.
        case createSubject = "create"
        /// The folder's schema is not registered under the subject: a new version.
        case newVersion = "new-version"
        /// Already registered (the registry would return the existing version).
        case unchanged = "unchanged"
    }

    public struct LevelChange: Sendable, Equatable {
        /// `nil` when the subject has no level of its own (it follows the global one).
        public var from: CompatibilityLevel?
        public var to: CompatibilityLevel
    }

    public var subject: String
    public var file: String
    public var action: Action
    /// The registered version when `unchanged`.
    public var existingVersion: Int?
    public var levelChange: LevelChange?
    /// Why a schema whose text did not change still needs a version: a subject it references gets a new one.
    public var becauseOf: [String]

    public init(subject: String, file: String, action: Action, existingVersion: Int? = nil, levelChange: LevelChange? = nil, becauseOf: [String] = []) {
        self.subject = subject
        self.file = file
        self.action = action
        self.existingVersion = existingVersion
        self.levelChange = levelChange
        self.becauseOf = becauseOf
    }

    /// One line for people, e.g. `+ shop.orders-value (orders/OrderPlaced.avsc): new version`.
    public var description: String {
        var parts: [String] = []
        switch action {
        case .createSubject: parts.append("create subject")
        case .newVersion: parts.append("new version")
        case .unchanged: if levelChange == nil { parts.append("unchanged (version \(existingVersion.map(String.init) ?? "?"))") }
        }
        if !becauseOf.isEmpty { parts.append("references new versions of " + becauseOf.joined(separator: ", ")) }
        if let change = levelChange {
            parts.append("compatibility \(change.from?.rawValue ?? "(global)") -> \(change.to.rawValue)")
        }
        let sign = action == .unchanged ? (levelChange == nil ? "=" : "~") : "+"
        return "\(sign) \(subject) (\(file)): " + parts.joined(separator: "; ")
    }
}
