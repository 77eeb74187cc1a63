#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON lines from a file or stdin, each handed out as a view into the read buffer (valid until the next call)
/// with its 1-based line number, so a rejection can say where it was. A final line without a newline counts;
/// a trailing `\r` is dropped.
final class LineReader {
    private let input: InputBuffer
    private(set) var lineNumber = 0

    init(path: String?, shouldStop: (() -> Bool)? = nil) throws(CLIFailure) {
        input = try InputBuffer(path: path, shouldStop: shouldStop)
    }

    var name: String { input.name }

    func next() throws(CLIFailure) -> UnsafeBufferPointer<UInt8>? {
        var scanned = 0
        while true {
            let pending = input.view(from: 0, count: input.available)
            if let base = pending.baseAddress, scanned < pending.count,
               let hit = memchr(base + scanned, Int32(UInt8(ascii: "\n")), pending.count - scanned) {
                let newline = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                return take(count: newline, consuming: newline + 1)
            }
            scanned = pending.count
            if try !input.fill() {
                // A partial line cut off by an interruption is not a line.
                guard input.available > 0, !input.wasStopped else { return nil }
                return take(count: input.available, consuming: input.available)
            }
        }
    }

    private func take(count: Int, consuming: Int) -> UnsafeBufferPointer<UInt8> {
        lineNumber += 1
        var length = count
        if length > 0, input.view(from: length - 1, count: 1)[0] == UInt8(ascii: "\r") { length -= 1 }
        let line = input.view(from: 0, count: length)
        input.start += consuming
        return line
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the line holds nothing but JSON whitespace (such lines carry no message and are passed over).
    var isBlank: Bool {
        allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
