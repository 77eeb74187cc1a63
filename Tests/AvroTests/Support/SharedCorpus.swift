import Foundation

/// Finds the shared conformance corpora: `$SHARED_DIR` when set (and then it must exist), otherwise
/// `../shared` next to the repository root, which may be absent (the caller then skips, saying so).
enum SharedCorpus {
    struct MissingError: Error, CustomStringConvertible {
        var path: String
        var description: String { "SHARED_DIR is set to '\(path)', which does not exist" }
    }

    /// The corpus root, or `nil` (after printing why) when the default location is absent.
    static func root(filePath: String = #filePath) throws -> URL? {
        if let configured = ProcessInfo.processInfo.environment["SHARED_DIR"], !configured.isEmpty {
            let url = URL(fileURLWithPath: configured)
            guard FileManager.default.fileExists(atPath: url.path) else { throw MissingError(path: configured) }
            return url
        }
        // Tests/AvroTests/Support/SharedCorpus.swift -> repository root; symlinked sandboxes resolve to the real tree.
        let repositoryRoot = URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIPPED: shared corpus not found at \(url.path) (set SHARED_DIR to run conformance tests)")
            return nil
        }
        return url
    }

    /// A file under the corpus root, or `nil` when the corpus is skipped.
    static func url(_ relativePath: String) throws -> URL? {
        try root()?.appendingPathComponent(relativePath)
    }

    static func data(_ relativePath: String) throws -> Data? {
        guard let url = try url(relativePath) else { return nil }
        return try Data(contentsOf: url)
    }

    static func text(_ relativePath: String) throws -> String? {
        guard let data = try data(relativePath) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file under `relativeDirectory` whose name ends in `suffix`, sorted for stable output.
    static func files(under relativeDirectory: String, suffix: String) throws -> [URL]? {
        guard let directory = try url(relativeDirectory) else { return nil }
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in enumerator where url.lastPathComponent.hasSuffix(suffix) { found.append(url) }
        return found.sorted { $0.path < $1.path }
    }
}
