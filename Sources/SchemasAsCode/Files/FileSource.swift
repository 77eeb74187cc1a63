import Foundation

/// Where a schema folder's files come from: the working tree, or a git revision. Paths are relative to the
/// folder that holds the manifest. Reads are batched because a git revision answers many paths in one process.
public protocol FileSource: Sendable {
    /// How problems name the folder, e.g. `schemas` or `main:schemas`.
    var label: String { get }
    /// The texts of the paths that exist; absent paths are left out.
    func read(_ paths: [String]) throws(SourceError) -> [String: String]
}

/// A folder or revision that could not be read at all (as opposed to one missing file).
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Files on disk under `root`.
public struct DiskFileSource: FileSource {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var label: String { root }

    public func read(_ paths: [String]) throws(SourceError) -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SourceError("folder '\(root)' does not exist")
        }
        var result: [String: String] = [:]
        for path in paths {
            let full = FolderPath.join(root, path)
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            result[path] = String(decoding: data, as: UTF8.self)
        }
        return result
    }
}

/// Path joining without Foundation's URL round trips, keeping the user's spelling (`schemas/x.avsc`, not an
/// absolute path) so problems point where the user looks.
enum FolderPath {
    static func join(_ root: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if root.isEmpty || root == "." { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
