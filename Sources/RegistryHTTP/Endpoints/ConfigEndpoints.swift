import RegistryCore

/// `/config` and `/mode`, global (no subject) or per subject.
extension RegistryEndpoints {
    /// The request key is `compatibility`, the response key `compatibilityLevel` (Confluent's asymmetry, kept).
    func config(_ input: EndpointInput) async throws -> String {
        let subject = input.match.route == .subjectConfig ? input.subject : nil
        switch input.method {
        case .put:
            let level = try RequestBodies.compatibilityLevel(input.body)
            try await service.setCompatibilityLevel(level, subject: subject)
            return ResponseShapes.object("compatibility", level.rawValue)
        case .delete:
            let previous = try await service.deleteCompatibilityLevel(subject: subject)
            return ResponseShapes.object("compatibilityLevel", previous.rawValue)
        default:
            let level = try await service.compatibilityLevel(
                subject: subject, defaultToGlobal: subject == nil || input.query.flag("defaultToGlobal"))
            return ResponseShapes.object("compatibilityLevel", level.rawValue)
        }
    }

    func mode(_ input: EndpointInput) async throws -> String {
        let subject = input.match.route == .subjectMode ? input.subject : nil
        switch input.method {
        case .put:
            let mode = try RequestBodies.mode(input.body)
            try await service.setMode(mode, subject: subject, force: input.query.flag("force"))
            return ResponseShapes.object("mode", mode.rawValue)
        case .delete:
            let previous = try await service.deleteMode(subject: subject)
            return ResponseShapes.object("mode", previous.rawValue)
        default:
            let mode = try await service.mode(
                subject: subject, defaultToGlobal: subject == nil || input.query.flag("defaultToGlobal"))
            return ResponseShapes.object("mode", mode.rawValue)
        }
    }
}
