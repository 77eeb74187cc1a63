import Foundation
import JSONValue

/// Locates the shared conformance corpora: `SHARED_DIR` if set (missing -> test failure), else `../shared`
/// beside the repository root (missing -> the test prints that it was skipped).
enum SharedCorpus {
    enum Location {
        case found(URL)
        case skipped(String)
        case missing(String)
    }

    static func directory(_ relative: String) -> Location {
        if let env = ProcessInfo.processInfo.environment["SHARED_DIR"] {
            let url = URL(fileURLWithPath: env).appendingPathComponent(relative)
            return FileManager.default.fileExists(atPath: url.path) ? .found(url) : .missing("SHARED_DIR=\(env) has no \(relative)")
        }
        // Tests/JSONSchemaTests/Support/SharedCorpus.swift -> repository root is three levels up.
        // The sandbox package links Tests/ into /work/main, so resolve symlinks before walking up.
        let file = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let root = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? .found(url) : .skipped("\(url.path) absent")
    }

    static func readJSON(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        return try JSONParser.parse(bytes: data)
    }
}
