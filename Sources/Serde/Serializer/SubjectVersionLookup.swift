import RegistryCore

/// The registry reads that pick a serializer's schema, the same for every format: only compiling the answer
/// differs, so each serializer keeps that and calls these for the rest.
enum SubjectVersionLookup {
    /// Registers (autoRegister) or looks up the application's configured schema under `subject`.
    static func configured(
        _ submission: SchemaSubmission, subject: String, configuration: SerializerConfiguration,
        registry: any SchemaRegistryService, label: String
    ) async throws(SerdeError) -> SubjectVersion {
        do {
            if configuration.autoRegister {
                return try await registry.register(subject: subject, submission, normalize: configuration.normalize)
            }
            return try await registry.lookup(subject: subject, submission, normalize: configuration.normalize, includeDeleted: false)
        } catch {
            let action = configuration.autoRegister ? "registering" : "looking up (autoRegister is off)"
            throw .registry(error, context: "\(action) the \(label) under subject \"\(subject)\"")
        }
    }

    /// A pinned or the latest version of `subject`.
    static func version(
        subject: String, _ selector: VersionSelector, registry: any SchemaRegistryService
    ) async throws(SerdeError) -> SubjectVersion {
        do {
            return try await registry.version(subject: subject, selector, includeDeleted: false)
        } catch {
            let which = selector == .latest ? "the latest version" : "the pinned version"
            throw .registry(error, context: "fetching \(which) of subject \"\(subject)\"")
        }
    }

    /// The version a pinned id has under `subject`, for error messages; nil when it has none there.
    static func version(ofID id: Int, under subject: String?, registry: any SchemaRegistryService) async -> Int? {
        guard let subject, let refs = try? await registry.versions(forSchemaID: id, includeDeleted: false) else { return nil }
        return refs.filter { $0.subject == subject }.map(\.version).max()
    }
}
