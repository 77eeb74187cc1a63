import RegistryCore

/// Builds what is sent to the registry for one subject of the folder. References carry the version the
/// referenced subject has in the registry (found or just registered), so the folder describes one state.
enum RegistrySubmissions {
    static func submission(_ entry: ManifestSubject, text: String, versions: [String: Int]) -> SchemaSubmission? {
        var references: [SchemaReference] = []
        for reference in entry.references {
            guard let version = versions[reference.subject] else { return nil }
            references.append(SchemaReference(name: reference.name, subject: reference.subject, version: version))
        }
        return SchemaSubmission(schema: text, schemaType: entry.schemaType, references: references)
    }

    /// The subject's own level, or `nil` when it follows the global one (Confluent answers 40408).
    static func subjectLevel(_ service: any SchemaRegistryService, _ subject: String) async throws(RegistryError) -> CompatibilityLevel? {
        do {
            return try await service.compatibilityLevel(subject: subject, defaultToGlobal: false)
        } catch {
            switch error {
            case .subjectConfigNotFound, .subjectNotFound: return nil
            default: throw error
            }
        }
    }

    /// The registered version holding this schema, or `nil` when there is none (or no subject yet).
    static func existing(_ service: any SchemaRegistryService, _ subject: String, _ submission: SchemaSubmission) async throws(RegistryError) -> (subjectExists: Bool, version: Int?) {
        do {
            let found = try await service.lookup(subject: subject, submission, normalize: false, includeDeleted: false)
            return (true, found.version)
        } catch {
            switch error {
            case .subjectNotFound: return (false, nil)
            case .schemaNotFound, .versionNotFound: return (true, nil)
            default: throw error
            }
        }
    }
}
