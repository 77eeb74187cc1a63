import Avro
import Foundation

extension ValidationSchema {
    /// The schema in `file` parsed with the references its manifest lists, when a `registry.yaml` in the file's
    /// folder or above lists it: `validate --schema schemas/orders/OrderPlaced.avsc` then works without naming
    /// `Money.avsc` and friends. `nil` when no manifest lists the file.
    public static func fromManifest(file: String) throws(ManifestError) -> AvroParsedSchema? {
        let target = URL(fileURLWithPath: file).standardizedFileURL.path
        var directory = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        while true {
            let root = directory.path
            if FileManager.default.fileExists(atPath: FolderPath.join(root, ManifestLoader.fileName)) {
                return try parse(target, inFolder: root)
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || root == "/" { return nil }
            directory = parent
        }
    }

    static func parse(_ target: String, inFolder root: String) throws(ManifestError) -> AvroParsedSchema? {
        let (folder, _) = try SchemaFolder.load(from: DiskFileSource(root: root))
        guard let entry = folder.manifest.subjects.first(where: {
            URL(fileURLWithPath: FolderPath.join(root, $0.file)).standardizedFileURL.path == target
        }) else { return nil }
        let schemas = FolderSchemas(folder)
        if let schema = schemas.parsed[entry.subject] { return schema.avro }
        throw ManifestError(schemas.problems.filter { $0.subject == entry.subject })
    }
}
