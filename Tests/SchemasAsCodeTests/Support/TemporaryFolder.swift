import Foundation

/// A fresh directory under the system temp folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("sac-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ relative: String) -> String {
        path + "/" + relative
    }

    func write(_ relative: String, _ text: String) throws {
        let full = file(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: file(relative), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Copies a folder's contents into `relative`.
    func copy(from source: String, to relative: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: file(relative))
    }
}

/// The repository's own `schemas/` folder, located from this file so tests run from any directory.
enum RepositoryPaths {
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    static var schemas: String { root + "/schemas" }
}
