import RegistryCore

/// What a folder is compared against: a registry (remote or an offline database) or the folder at another
/// git revision. Baselines hand back parsed schemas so each one decides how to avoid parsing twice.
public protocol CheckBaseline: Sendable {
    /// How messages name the baseline, e.g. `registry` or `git main`.
    var label: String { get }
    /// Earlier versions of `subject`, oldest first; only the latest unless `all`. Empty for a new subject.
    func previousVersions(of subject: String, all: Bool) async throws(BaselineError) -> [BaselineVersion]
    /// The level the baseline holds the subject to, used when the manifest names none.
    func compatibilityLevel(of subject: String) async throws(BaselineError) -> CompatibilityLevel?
}

/// One earlier version of a subject.
public struct BaselineVersion: Sendable {
    /// e.g. `version 3` or `main`.
    public var label: String
    public var schema: FolderSchema

    public init(label: String, schema: FolderSchema) {
        self.label = label
        self.schema = schema
    }
}

/// The baseline could not be read, so nothing can be said about compatibility.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
