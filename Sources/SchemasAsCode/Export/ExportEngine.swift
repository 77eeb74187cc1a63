import Foundation
import JSONValue
import RegistryCore

/// What `export` wrote.
public struct ExportResult: Sendable {
    public var subjects: [String] = []
    /// Facts the folder cannot express, e.g. a reference pinned to an older version.
    public var notes: [String] = []
    public var problems: [Problem] = []

    public var exitStatus: ExitStatus { ExitStatus(problems) }
}

/// `export`: writes a registry's live subjects (latest version each) as a schema folder in the same layout,
/// so a registry can be moved under git: point it at any Confluent-compatible registry, commit the folder.
public enum ExportEngine {
    /// Folder-relative directory the schema files go in.
    public static let schemaDirectory = "subjects"

    public static func export(service: any SchemaRegistryService, to directory: String) async -> ExportResult {
        var result = ExportResult()
        let manifest: Manifest
        var files: [(path: String, text: String)] = []
        do {
            manifest = try await build(service: service, files: &files, notes: &result.notes)
        } catch {
            result.problems.append(Problem(kind: .unavailable, message: "registry: \(error.message)"))
            return result
        }
        do {
            let fileManager = FileManager.default
            try fileManager.createDirectory(atPath: FolderPath.join(directory, schemaDirectory), withIntermediateDirectories: true)
            for file in files {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: FolderPath.join(directory, file.path)))
            }
            let text = ManifestWriter.render(manifest, header: "Exported from a schema registry by `schema-registry export`.\nThe folder is the source of truth from now on: see docs/SCHEMAS-AS-CODE.md.")
            try Data(text.utf8).write(to: URL(fileURLWithPath: FolderPath.join(directory, ManifestLoader.fileName)))
        } catch {
            result.problems.append(Problem(kind: .unavailable, file: directory, message: "cannot write the export: \(error.localizedDescription)"))
            return result
        }
        result.subjects = manifest.subjects.map(\.subject)
        return result
    }

    static func build(service: any SchemaRegistryService, files: inout [(path: String, text: String)],
                      notes: inout [String]) async throws(RegistryError) -> Manifest {
        var manifest = Manifest()
        manifest.defaultCompatibility = try await service.compatibilityLevel(subject: nil, defaultToGlobal: true)
        let latest = try await service.schemas(subjectPrefix: nil, includeDeleted: false, latestOnly: true)
        let latestVersion = Dictionary(latest.map { ($0.subject, $0.version) }, uniquingKeysWith: max)
        var usedNames = Set<String>()
        for version in latest {
            let stored = version.schema
            let path = uniqueFileName(version.subject, type: stored.schemaType, used: &usedNames)
            files.append((path, schemaText(stored)))
            var entry = ManifestSubject(subject: version.subject, file: path, schemaType: stored.schemaType)
            entry.compatibility = try await RegistrySubmissions.subjectLevel(service, version.subject)
            for reference in stored.references {
                entry.references.append(ManifestReference(name: reference.name, subject: reference.subject))
                if latestVersion[reference.subject] != reference.version {
                    notes.append("'\(version.subject)' references '\(reference.subject)' version \(reference.version), not its latest; the folder always refers to the latest")
                }
            }
            manifest.subjects.append(entry)
        }
        return manifest
    }

    /// Avro and JSON Schema are written indented; other formats as stored.
    static func schemaText(_ stored: StoredSchema) -> String {
        if stored.schemaType != .protobuf, let value = try? JSONParser.parse(stored.schema) {
            return PrettyJSON.render(value)
        }
        return stored.schema.hasSuffix("\n") ? stored.schema : stored.schema + "\n"
    }

    /// A file name from the subject, safe on every file system, unique within the export.
    static func uniqueFileName(_ subject: String, type: SchemaType, used: inout Set<String>) -> String {
        let safe = String(subject.unicodeScalars.map { scalar -> Character in
            let allowed = CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)
            return allowed && scalar.isASCII ? Character(scalar) : "_"
        })
        let ext: String
        switch type {
        case .avro: ext = "avsc"
        case .json: ext = "json"
        case .protobuf: ext = "proto"
        }
        var name = "\(schemaDirectory)/\(safe).\(ext)"
        var counter = 2
        while used.contains(name.lowercased()) {
            name = "\(schemaDirectory)/\(safe)-\(counter).\(ext)"
            counter += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
