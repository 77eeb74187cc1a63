import RegistryCore

/// What `apply` did.
public struct ApplyResult: Sendable {
    /// Subjects and the versions now registered for them, in the order applied.
    public var registered: [SubjectVersionRef] = []
    /// Subjects whose schema was already registered.
    public var unchanged: [SubjectVersionRef] = []
    public var levelsSet: [String] = []
    /// The first refusal (apply stops there) or other problems that kept it from starting.
    public var problems: [Problem] = []

    public var exitStatus: ExitStatus { ExitStatus(problems) }
}

/// `apply`: registers the folder in dependency order (referenced subjects first), setting levels before
/// schemas so a new version is judged by the level the folder asks for. Running it again changes nothing:
/// schemas already registered are looked up, not registered again. Stops at the first refusal.
public enum ApplyEngine {
    public static func apply(source: some FileSource, service: any SchemaRegistryService,
                             progress: (@Sendable (String) -> Void)? = nil) async -> ApplyResult {
        var result = ApplyResult()
        let schemas: FolderSchemas
        do {
            let (folder, problems) = try SchemaFolder.load(from: source)
            schemas = FolderSchemas(folder)
            result.problems = problems + schemas.problems
            if !result.problems.isEmpty { return result }
        } catch {
            result.problems = error.problems
            return result
        }
        let folder = schemas.folder
        var versions: [String: Int] = [:]
        for subject in folder.order {
            guard let entry = folder.manifest.subject(subject), let text = folder.texts[entry.file] else { continue }
            let file = folder.displayPath(entry.file)
            do {
                if let wanted = folder.manifest.compatibility(of: entry),
                   try await RegistrySubmissions.subjectLevel(service, subject) != wanted {
                    try await service.setCompatibilityLevel(wanted, subject: subject)
                    result.levelsSet.append(subject)
                    progress?("set compatibility of \(subject) to \(wanted.rawValue)")
                }
                guard let submission = RegistrySubmissions.submission(entry, text: text, versions: versions) else { continue }
                let (_, existing) = try await RegistrySubmissions.existing(service, subject, submission)
                if let existing {
                    versions[subject] = existing
                    result.unchanged.append(SubjectVersionRef(subject: subject, version: existing))
                    continue
                }
                let registered = try await service.register(subject: subject, submission, normalize: false)
                versions[subject] = registered.version
                result.registered.append(SubjectVersionRef(subject: subject, version: registered.version))
                progress?("registered \(subject) version \(registered.version) (id \(registered.id))")
            } catch {
                result.problems.append(refusal(error, subject: subject, file: file))
                return result
            }
        }
        return result
    }

    static func refusal(_ error: RegistryError, subject: String, file: String) -> Problem {
        switch error {
        case .incompatibleSchema:
            return Problem(kind: .refused, file: file, subject: subject, message: "registry refused '\(subject)': \(error.message)",
                           hint: "run `check` against this registry to see each incompatibility with its fix")
        case .storeError:
            return Problem(kind: .unavailable, file: file, subject: subject, message: "registry error on '\(subject)': \(error.message)")
        default:
            return Problem(kind: .refused, file: file, subject: subject,
                           message: "registry refused '\(subject)' (error \(error.errorCode)): \(error.message)")
        }
    }
}
