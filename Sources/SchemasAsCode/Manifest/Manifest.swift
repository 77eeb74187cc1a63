import RegistryCore

/// The contents of `registry.yaml`: which file holds each subject's schema, at which compatibility level, what
/// it references and where its example messages live. The folder, not the registry, is the source of truth.
public struct Manifest: Sendable, Equatable {
    /// The level for subjects that do not name their own; `nil` leaves it to the registry.
    public var defaultCompatibility: CompatibilityLevel?
    /// In the order written; `dependencyOrder` gives the order to register them in.
    public var subjects: [ManifestSubject]

    public init(defaultCompatibility: CompatibilityLevel? = nil, subjects: [ManifestSubject] = []) {
        self.defaultCompatibility = defaultCompatibility
        self.subjects = subjects
    }

    public func subject(_ name: String) -> ManifestSubject? {
        subjects.first { $0.subject == name }
    }

    /// The level a subject is held to when the manifest says so, explicitly or by default.
    public func compatibility(of subject: ManifestSubject) -> CompatibilityLevel? {
        subject.compatibility ?? defaultCompatibility
    }
}

/// One subject: a schema file and how it is registered.
public struct ManifestSubject: Sendable, Equatable {
    public var subject: String
    /// Relative to the folder that holds the manifest.
    public var file: String
    public var schemaType: SchemaType
    public var compatibility: CompatibilityLevel?
    public var references: [ManifestReference]
    /// A folder (relative to the manifest) with `valid/` and `invalid/` example messages.
    public var examples: String?
    /// Where the entry starts in the manifest, for messages; 0 when unknown (e.g. built in code).
    public var line: Int

    public init(subject: String, file: String, schemaType: SchemaType = .avro, compatibility: CompatibilityLevel? = nil,
                references: [ManifestReference] = [], examples: String? = nil, line: Int = 0) {
        self.subject = subject
        self.file = file
        self.schemaType = schemaType
        self.compatibility = compatibility
        self.references = references
        self.examples = examples
        self.line = line
    }
}

/// A named type this schema uses from another subject of the same folder. The version is not written: it is
/// whatever version that subject has once the folder is applied, so the folder always describes one state.
public struct ManifestReference: Sendable, Equatable {
    /// The Avro full name the schema uses, or for JSON Schema the name its `$ref` uses (Confluent-style).
    public var name: String
    public var subject: String
    public var line: Int

    public init(name: String, subject: String, line: Int = 0) {
        self.name = name
        self.subject = subject
        self.line = line
    }
}
