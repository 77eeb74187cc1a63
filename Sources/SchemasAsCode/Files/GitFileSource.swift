import Foundation

/// The folder as it was at a git revision, read with the `git` command (what `git show REV:path` prints), so
/// no registry is needed to compare a branch with its base. All paths are read by one `git cat-file --batch`
/// process: spawning one `git show` per schema would dominate a large folder's check.
public struct GitFileSource: FileSource {
    public let folder: String
    public let revision: String
    /// The folder's path from the repository root, with a trailing slash (empty at the root).
    let prefix: String

    /// Fails when `folder` is not inside a git work tree or `revision` names no commit.
    public init(folder: String, revision: String) throws(SourceError) {
        self.folder = folder
        self.revision = revision
        let inside = try Self.git(["-C", folder, "rev-parse", "--show-prefix"], input: nil)
        guard inside.status == 0 else {
            throw SourceError("'\(folder)' is not inside a git repository: \(inside.errorText)")
        }
        prefix = String(decoding: inside.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try Self.git(["-C", folder, "rev-parse", "--verify", "--quiet", revision + "^{commit}"], input: nil)
        guard commit.status == 0 else {
            throw SourceError("git revision '\(revision)' not found (fetch it first, e.g. `git fetch origin \(revision)`; in GitHub Actions set `fetch-depth: 0`)")
        }
    }

    public var label: String { "\(revision):\(folder)" }

    public func read(_ paths: [String]) throws(SourceError) -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let requests = paths.map { "\(revision):\(prefix)\(Self.normalized($0))\n" }.joined()
        let result = try Self.git(["-C", folder, "cat-file", "--batch"], input: Data(requests.utf8))
        guard result.status == 0 else {
            throw SourceError("git cat-file failed: \(result.errorText)")
        }
        return try Self.parseBatch(result.output, paths: paths)
    }

    /// `git cat-file --batch` answers each request with `<oid> <type> <size>\n<content>\n` or `<name> missing\n`.
    static func parseBatch(_ output: [UInt8], paths: [String]) throws(SourceError) -> [String: String] {
        var files: [String: String] = [:]
        var index = 0
        for path in paths {
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw SourceError("git cat-file output ended early")
            }
            let header = String(decoding: output[index..<newline], as: UTF8.self)
            index = newline + 1
            let parts = header.split(separator: " ")
            if parts.last == "missing" || parts.last == "ambiguous" { continue }
            guard parts.count == 3, let size = Int(parts[2]), index + size <= output.count else {
                throw SourceError("unexpected git cat-file header '\(header)'")
            }
            if parts[1] == "blob" {
                files[path] = String(decoding: output[index..<(index + size)], as: UTF8.self)
            }
            index += size + 1
        }
        return files
    }

    /// Drops `./` segments, which git's `REV:path` syntax does not accept inside the path.
    static func normalized(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
    }

    struct Output {
        var status: Int32
        var output: [UInt8]
        var errorText: String
    }

    /// Runs git with stdin from a temporary file (no deadlock between writing input and reading output).
    static func git(_ arguments: [String], input: Data?) throws(SourceError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let stdout = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("sac-git-\(UUID().uuidString).err")
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("sac-git-\(UUID().uuidString).in")
        defer {
            try? FileManager.default.removeItem(at: errorFile)
            try? FileManager.default.removeItem(at: inputFile)
        }
        do {
            try Data().write(to: errorFile)
            try (input ?? Data()).write(to: inputFile)
            process.standardOutput = stdout
            process.standardError = try FileHandle(forWritingTo: errorFile)
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            try process.run()
        } catch {
            throw SourceError("could not run git: \(error.localizedDescription)")
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, output: [UInt8](data),
                      errorText: errorText.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
