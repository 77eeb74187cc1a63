import Avro
import RegistryCore

/// The same folder at another git revision (or another folder, e.g. an `export`) as the baseline: one earlier
/// version per subject, no registry needed. Everything is read and parsed once, up front.
public struct FolderBaseline: CheckBaseline {
    public let label: String
    let schemas: FolderSchemas?

    /// A source with no manifest is an empty baseline (the folder is new there); an unreadable source throws.
    public init(source: some FileSource) throws(BaselineError) {
        label = source.label
        let hasManifest: Bool
        do {
            hasManifest = try source.read([ManifestLoader.fileName])[ManifestLoader.fileName] != nil
        } catch {
            throw BaselineError("baseline \(source.label): \(error.message)")
        }
        guard hasManifest else {
            schemas = nil
            return
        }
        do {
            let (folder, _) = try SchemaFolder.load(from: source)
            schemas = FolderSchemas(folder)
        } catch {
            throw BaselineError("baseline \(source.label): " + error.problems.map(\.summary).joined(separator: "; "))
        }
    }

    public func previousVersions(of subject: String, all: Bool) async throws(BaselineError) -> [BaselineVersion] {
        guard let schema = schemas?.parsed[subject] else { return [] }
        return [BaselineVersion(label: label, schema: schema)]
    }

    public func compatibilityLevel(of subject: String) async throws(BaselineError) -> CompatibilityLevel? {
        guard let manifest = schemas?.folder.manifest, let entry = manifest.subject(subject) else { return nil }
        return manifest.compatibility(of: entry)
    }
}
