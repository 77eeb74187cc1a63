import Foundation

/// Example messages on disk: `<examples>/valid/*` must match the schema, `<examples>/invalid/*` must not.
/// A `.json` file is one message; a `.jsonl` or `.ndjson` file is one message per non-empty line.
public struct ExampleSource: Sendable {
    /// The folder holding the manifest; example folders are relative to it.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// Example files of one expectation, sorted by name so reports are stable; manifest-relative paths.
    func files(in directory: String, expectation: ExampleExpectation) -> [String] {
        let relative = FolderPath.join(directory, expectation.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FolderPath.join(root, relative))) ?? []
        return names.filter { name in
            ExampleFileKind(name: name) != nil
        }.sorted().map { FolderPath.join(relative, $0) }
    }

    func exists(_ directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: FolderPath.join(root, directory), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: FolderPath.join(root, relative)).map { [UInt8]($0) }
    }
}

enum ExampleExpectation: String, CaseIterable, Sendable {
    case valid
    case invalid
}

enum ExampleFileKind {
    case single
    case lines

    init?(name: String) {
        if name.hasSuffix(".json") {
            self = .single
        } else if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") {
            self = .lines
        } else {
            return nil
        }
    }
}
