import ArgumentParser
import SchemasAsCode

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--format`'s values; mirrors `ProblemFormat` so the library does not depend on the argument parser.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, json, github

    var problemFormat: ProblemFormat {
        switch self {
        case .text: return .text
        case .json: return .json
        case .github: return .github
        }
    }
}

/// `--format` and `--quiet`, shared by the schemas-as-code commands so CI scripts drive them all alike.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output: text (people), json (tools) or github (workflow annotations).")
    var formatOption: FormatOption = .text

    var format: ProblemFormat { formatOption.problemFormat }

    @Flag(name: .shortAndLong, help: "No progress, and no output on success (text format).")
    var quiet = false

    /// Colour only for a person at a terminal; `NO_COLOR` turns it off (no-color.org).
    var colour: Bool {
        format == .text && Terminal.isTerminal(STDOUT_FILENO) && !Terminal.noColour
    }

    var renderer: ProblemRenderer { ProblemRenderer(format: format, colour: colour) }

    /// Prints a rendered report on stdout, unless `--quiet` and the command succeeded.
    func emit(_ text: String, clean: Bool) {
        if quiet, clean, format == .text { return }
        Terminal.write(text, to: STDOUT_FILENO)
    }

    /// Progress goes to stderr, so stdout stays the report a tool parses.
    func progress(label: String) -> ProgressLine? {
        quiet ? nil : ProgressLine(label: label, isTerminal: Terminal.isTerminal(STDERR_FILENO))
    }
}

enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static var noColour: Bool { getenv("NO_COLOR").map { $0.pointee != 0 } ?? false }

    /// Unbuffered, so lines interleave with stderr in the order they were produced.
    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard var pointer = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                let written = systemWrite(descriptor, pointer, remaining)
                if written <= 0 { return }
                pointer += written
                remaining -= written
            }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(descriptor, pointer, count)
        #elseif canImport(Musl)
        return Musl.write(descriptor, pointer, count)
        #else
        return Glibc.write(descriptor, pointer, count)
        #endif
    }
}

/// `[120/500] check shop.orders-value` on stderr: one line rewritten in place on a terminal; in a CI log, a line
/// per tenth of the way so a slow run shows it is alive without flooding the log.
struct ProgressLine: Sendable {
    let label: String
    let isTerminal: Bool

    func update(done: Int, total: Int, item: String) {
        guard total > 0 else { return }
        if isTerminal {
            let text = done >= total ? "" : "[\(done + 1)/\(total)] \(label) \(item)"
            Terminal.write("\r\u{1B}[K" + text, to: STDERR_FILENO)
        } else if total >= 100, done > 0, done < total, done % max(1, total / 10) == 0 {
            Terminal.write("\(label): \(done)/\(total)\n", to: STDERR_FILENO)
        }
    }

    func note(_ line: String) {
        if isTerminal { Terminal.write("\r\u{1B}[K", to: STDERR_FILENO) }
        Terminal.write(line + "\n", to: STDERR_FILENO)
    }
}
