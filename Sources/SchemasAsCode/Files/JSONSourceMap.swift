import Foundation

/// Maps JSON pointers to the lines where they appear in a JSON text, so a problem found on the parsed value
/// can name a line in the file. Built on demand (only when a problem needs a line), from the raw text.
public struct JSONSourceMap: Sendable {
    private var lines: [String: Int] = [:]

    /// Texts that are not well-formed JSON map as far as they could be read.
    public init(_ text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.value(pointer: "", depth: 0)
        lines = scanner.lines
    }

    /// The line of `pointer`, or of its nearest ancestor present in the text: a problem about a field the
    /// text no longer has (e.g. found in an earlier version) still lands on the record or list that held it.
    public func line(of pointer: String) -> Int? {
        var current = pointer == "/" ? "" : pointer
        while true {
            if let line = lines[current] { return line }
            guard let slash = current.lastIndex(of: "/") else { return nil }
            current = String(current[..<slash])
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lines: [String: Int] = [:]
        /// Deeper documents are mapped only to this depth; the parser has its own limit.
        static let maxDepth = 256

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"): line += 1; index += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
                default: return
                }
            }
        }

        mutating func value(pointer: String, depth: Int) {
            skipSpace()
            guard index < bytes.count, depth < Self.maxDepth else { return }
            if lines[pointer] == nil { lines[pointer] = line }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                while true {
                    skipSpace()
                    guard index < bytes.count else { return }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "\"") else { return }
                    let keyLine = line
                    let key = string()
                    let child = pointer + "/" + Self.escape(key)
                    lines[child] = keyLine
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return }
                    index += 1
                    value(pointer: child, depth: depth + 1)
                }
            case UInt8(ascii: "["):
                index += 1
                var position = 0
                while true {
                    skipSpace()
                    guard index < bytes.count else { return }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    let before = index
                    value(pointer: pointer + "/" + String(position), depth: depth + 1)
                    position += 1
                    if index == before { return }
                }
            case UInt8(ascii: "\""):
                _ = string()
            default:
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
            }
        }

        /// Reads a string token; escapes other than `\uXXXX` keep their second character, which is enough
        /// for pointer keys.
        mutating func string() -> String {
            index += 1
            var scalars: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\n") { line += 1 }
                if byte == UInt8(ascii: "\\"), index < bytes.count {
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): scalars.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "t"): scalars.append(UInt8(ascii: "\t"))
                    case UInt8(ascii: "u"):
                        let end = min(index + 4, bytes.count)
                        if let code = UInt32(String(decoding: bytes[index..<end], as: UTF8.self), radix: 16),
                           let scalar = Unicode.Scalar(code) {
                            scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                        }
                        index = end
                    default: scalars.append(escaped)
                    }
                } else {
                    scalars.append(byte)
                }
            }
            return String(decoding: scalars, as: UTF8.self)
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "),
                 UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                return true
            default:
                return false
            }
        }

        static func escape(_ key: String) -> String {
            guard key.contains("~") || key.contains("/") else { return key }
            return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }
    }
}
