import Foundation
import JSONValue

/// Locates the shared conformance corpora: `SHARED_DIR`, else `../shared` next to the repository root.
enum ConformanceCorpus {
    enum Location {
        case found(String)
        /// The default folder is absent: the caller prints that it skipped.
        case skipped(String)
    }

    struct MissingSharedDir: Error, CustomStringConvertible {
        var path: String
        var description: String { "SHARED_DIR is set to \(path), which does not exist" }
    }

    static func file(_ name: String, filePath: String = #filePath) throws -> Location {
        if let shared = ProcessInfo.processInfo.environment["SHARED_DIR"] {
            guard FileManager.default.fileExists(atPath: shared) else { throw MissingSharedDir(path: shared) }
            return .found(shared + "/conformance/" + name)
        }
        // #filePath is <repo>/Tests/AvroTests/Compatibility/<file>.swift.
        let repoRoot = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = repoRoot.deletingLastPathComponent().appendingPathComponent("shared").path
        guard FileManager.default.fileExists(atPath: shared) else { return .skipped(shared) }
        return .found(shared + "/conformance/" + name)
    }

    /// The corpus file as JSON, or nil (after printing why) when the default shared folder is absent.
    static func load(_ name: String, filePath: String = #filePath) throws -> JSONValue? {
        switch try file(name, filePath: filePath) {
        case .skipped(let folder):
            print("\(name): skipped, shared folder \(folder) not found (set SHARED_DIR)")
            return nil
        case .found(let path):
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try JSONParser.parse(text)
        }
    }
}
