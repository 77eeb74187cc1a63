import RegistryCore

/// A schema folder read from a `FileSource`: the manifest and the text of every schema file it lists.
public struct SchemaFolder: Sendable {
    /// How problems name files: the folder as the user gave it (or `REV:folder` for a git revision).
    public let label: String
    public let manifest: Manifest
    /// Subjects, dependencies first.
    public let order: [String]
    /// Schema texts by manifest-relative path.
    public let texts: [String: String]

    public init(label: String, manifest: Manifest, texts: [String: String]) {
        self.label = label
        self.manifest = manifest
        self.order = DependencyOrder.sorted(manifest)
        self.texts = texts
    }

    /// Reads the manifest and the schema files. A missing schema file is a problem on the manifest's line;
    /// a missing manifest or unreadable folder is thrown, because nothing else can be checked then.
    public static func load(from source: some FileSource) throws(ManifestError) -> (SchemaFolder, [Problem]) {
        let manifestPath = FolderPath.join(source.label, ManifestLoader.fileName)
        let found: String?
        do {
            found = try source.read([ManifestLoader.fileName])[ManifestLoader.fileName]
        } catch {
            throw ManifestError([Problem(kind: .unavailable, file: source.label, message: error.message)])
        }
        guard let manifestText = found else {
            throw ManifestError([Problem(kind: .unavailable, file: manifestPath,
                                         message: "no \(ManifestLoader.fileName) in '\(source.label)'",
                                         hint: "create one (see docs/SCHEMAS-AS-CODE.md) or pass the folder that holds it")])
        }
        let manifest = try ManifestLoader.parse(manifestText, file: manifestPath)
        let files = manifest.subjects.map(\.file)
        let texts: [String: String]
        do {
            texts = try source.read(files)
        } catch {
            throw ManifestError([Problem(kind: .unavailable, file: source.label, message: error.message)])
        }
        var problems: [Problem] = []
        for entry in manifest.subjects where texts[entry.file] == nil {
            problems.append(Problem(kind: .schemaInvalid, file: manifestPath, line: entry.line, subject: entry.subject,
                                    message: "schema file '\(entry.file)' of subject '\(entry.subject)' does not exist",
                                    hint: "fix the `file:` path (relative to the manifest) or add the file"))
        }
        return (SchemaFolder(label: source.label, manifest: manifest, texts: texts), problems)
    }

    /// The path problems should print for a manifest-relative path.
    public func displayPath(_ relative: String) -> String {
        FolderPath.join(label, relative)
    }

    public var manifestPath: String { displayPath(ManifestLoader.fileName) }
}
