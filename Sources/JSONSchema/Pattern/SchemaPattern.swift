import Foundation

/// A compiled `pattern`. Most patterns run on the linear-time automaton in `RegexProgram`; those using
/// back-references or lookaround (which no automaton can express) fall back to Foundation's
/// `NSRegularExpression` (ICU, backtracking) — the one place this module needs Foundation. Such patterns are
/// the only ones whose matching time is not linear; docs/JSON-SCHEMA.md lists the consequence.
/// A class: reading one out of its keyword per string value is then one reference-count operation.
final class SchemaPattern: Sendable {
    enum Engine: Sendable {
        case automaton(RegexProgram)
        case foundation(FoundationRegex)
    }

    let source: String
    let engine: Engine

    /// `allowBacktracking: false` turns lookaround/back-references into `unsupportedFeature` errors, for callers
    /// that must guarantee linear-time matching on untrusted schemas.
    init(_ source: String, allowBacktracking: Bool = true) throws(RegexSyntaxError) {
        self.source = source
        var parser = RegexParser(source)
        do {
            let node = try parser.parse()
            engine = .automaton(try RegexProgram(node))
        } catch .unsupportedFeature(let feature) {
            guard allowBacktracking else { throw .unsupportedFeature(feature) }
            guard let regex = FoundationRegex(source) else { throw .invalid("\(feature) in a pattern Foundation cannot compile") }
            engine = .foundation(regex)
        } catch {
            throw error
        }
    }

    /// What the pattern costs to hold: automaton instructions, or the source length for Foundation's engine.
    var size: Int {
        switch engine {
        case .automaton(let program): return program.instructions.count
        case .foundation: return source.utf8.count
        }
    }

    @inline(__always) func matches(_ text: String) -> Bool {
        switch engine {
        case .automaton(let program): return program.test(text)
        case .foundation(let regex): return regex.matches(text)
        }
    }

    /// Matching on a string body's valid UTF-8 (the stream path), building a `String` only for Foundation's engine.
    @inline(__always) func matches(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch engine {
        case .automaton(let program): return program.test(utf8: text)
        case .foundation(let regex): return regex.matches(String(decoding: text, as: UTF8.self))
        }
    }
}

/// NSRegularExpression is immutable once built and documented thread-safe, hence the unchecked conformance.
final class FoundationRegex: @unchecked Sendable {
    private let regex: NSRegularExpression

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source, options: []) else { return nil }
        self.regex = regex
    }

    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
