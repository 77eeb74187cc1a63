import RegistryCore

/// `plan`: compares a folder with a registry without writing anything.
public enum PlanEngine {
    public static func plan(source: some FileSource, service: any SchemaRegistryService) async -> Plan {
        let schemas: FolderSchemas
        do {
            let (folder, problems) = try SchemaFolder.load(from: source)
            schemas = FolderSchemas(folder)
            let all = problems + schemas.problems
            if !all.isEmpty { return Plan(problems: all) }
        } catch {
            return Plan(problems: error.problems)
        }
        do {
            return Plan(steps: try await steps(schemas.folder, service: service))
        } catch {
            return Plan(problems: [Problem(kind: .unavailable, message: "registry: \(error.message)",
                                           hint: "check the registry URL or database path")])
        }
    }

    static func steps(_ folder: SchemaFolder, service: any SchemaRegistryService) async throws(RegistryError) -> [PlanStep] {
        var steps: [PlanStep] = []
        var versions: [String: Int] = [:]
        var changing = Set<String>()
        for subject in folder.order {
            guard let entry = folder.manifest.subject(subject), let text = folder.texts[entry.file] else { continue }
            var step = PlanStep(subject: subject, file: folder.displayPath(entry.file), action: .unchanged)
            if let wanted = folder.manifest.compatibility(of: entry) {
                let current = try await RegistrySubmissions.subjectLevel(service, subject)
                if current != wanted { step.levelChange = .init(from: current, to: wanted) }
            }
            let moved = entry.references.map(\.subject).filter { changing.contains($0) }
            if let submission = RegistrySubmissions.submission(entry, text: text, versions: versions) {
                let (exists, version) = try await RegistrySubmissions.existing(service, subject, submission)
                if let version, moved.isEmpty {
                    step.existingVersion = version
                    versions[subject] = version
                } else {
                    step.action = exists ? .newVersion : .createSubject
                    step.becauseOf = moved
                }
            } else {
                // A referenced subject is still to be registered; this one will be new too.
                let exists = (try? await service.versions(subject: subject, includeDeleted: false, deletedOnly: false)) != nil
                step.action = exists ? .newVersion : .createSubject
                step.becauseOf = moved
            }
            if step.action != .unchanged { changing.insert(subject) }
            steps.append(step)
        }
        return steps
    }
}
