import Foundation

struct GitFailure: Error, CustomStringConvertible {
    var description: String
}

/// A real git repository in a temporary folder, driven through the `git` command as CI would.
struct GitRepository {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try git("init", "-q", "-b", "main")
    }

    var path: String { folder.path }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path, "-c", "user.name=Schemas Test", "-c", "user.email=schemas@test.invalid",
                             "-c", "commit.gpgsign=false"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: "git \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    func remove() {
        folder.remove()
    }
}
