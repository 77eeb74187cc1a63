import JSONValue

/// Validates straight from message bytes for the shapes records usually have (objects of known properties,
/// arrays of items, scalar assertions), without building the message as a `JSONValue` first. Anything else is
/// built locally (only that value) and handed to the regular `Evaluator`.
///
/// It only ever *proves* validity: `false` means "not proven" (invalid, malformed, or too deep), and the caller
/// then runs the full path, which produces the authoritative answer. So a gap here can cost speed, never
/// correctness of a `true`.
struct StreamEvaluator {
    var cursor: ByteCursor
    let nodes: UnsafeBufferPointer<CompiledNode>
    /// `StreamTable`'s arrays: read in place, so visiting a node copies nothing reference-counted.
    let keywords: UnsafeBufferPointer<Keyword>
    let spans: UnsafeBufferPointer<StreamTable.Span>
    var evaluator: Evaluator
    let maxDepth: Int
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, program: CompiledProgram, nodes: UnsafeBufferPointer<CompiledNode>,
         keywords: UnsafeBufferPointer<Keyword>, spans: UnsafeBufferPointer<StreamTable.Span>) {
        cursor = ByteCursor(bytes)
        self.nodes = nodes
        self.keywords = keywords
        self.spans = spans
        evaluator = Evaluator(program: program, nodes: nodes, collecting: false)
        maxDepth = program.maxEvaluationDepth
    }

    /// The whole document is one valid value.
    mutating func document(_ root: Int) -> Bool {
        guard value(root) else { return false }
        cursor.skipWhitespace()
        return cursor.index == cursor.bytes.count
    }

    mutating func value(_ id: Int) -> Bool {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maxDepth else { return false }
        cursor.skipWhitespace()
        guard let first = cursor.current else { return false }
        let span = spans[id]
        switch span.kind {
        case .alwaysTrue: return cursor.skipValue()
        case .alwaysFalse: return false
        case .ref: return value(span.start)
        case .keywords: break
        }
        let keywords = UnsafeBufferPointer(rebasing: self.keywords[span.start..<(span.start + span.count)])
        let start = cursor.index
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            if !span.collectsAnnotations {
                if first == UInt8(ascii: "{"), let verdict = object(keywords) { return verdict }
                if first == UInt8(ascii: "["), let verdict = array(keywords) { return verdict }
            }
        } else if let verdict = scalarOnBytes(keywords, first) {
            return verdict
        }
        // Build just this value and use the regular evaluator.
        cursor.index = start
        guard let built = scalar(first) ?? container(from: start) else { return false }
        var none: EvaluatedLocations?
        return evaluator.validate(id, built, &none)
    }

    /// Strings without escapes and plain integers are built directly; other scalars go through the parser.
    private mutating func scalar(_ first: UInt8) -> JSONValue? {
        let start = cursor.index
        switch first {
        case UInt8(ascii: "\""):
            guard let (range, escaped) = cursor.scanString() else { return nil }
            if escaped { return cursor.materialize(start..<cursor.index) }
            return .string(String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[range]), as: UTF8.self))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let range = cursor.scanNumber() else { return nil }
            if range.count <= 18 {
                var magnitude: Int64 = 0
                var negative = false
                var plain = true
                for i in range {
                    let byte = cursor.bytes[i]
                    if byte == UInt8(ascii: "-") { negative = true; continue }
                    guard byte >= 0x30 && byte <= 0x39 else { plain = false; break }
                    magnitude = magnitude * 10 + Int64(byte - 0x30)
                }
                if plain { return .int(negative ? -magnitude : magnitude) }
            }
            return cursor.materialize(range)
        default:
            return nil
        }
    }

    private mutating func container(from start: Int) -> JSONValue? {
        cursor.index = start
        guard cursor.skipValue() else { return nil }
        return cursor.materialize(start..<cursor.index)
    }

    /// nil when the keywords are not all ones this path handles (then the caller builds the value).
    private mutating func object(_ keywords: UnsafeBufferPointer<Keyword>) -> Bool? {
        var shape: ObjectShape?
        var minimum = 0
        var maximum = Int.max
        for keyword in keywords {
            switch keyword {
            case .type(let types): if !types.contains(.object) { return false }
            case .objectShape(let s):
                if s.requiresUndeclared { return nil }
                shape = s
            case .minProperties(let n): minimum = n
            case .maxProperties(let n): maximum = n
            default: return nil
            }
        }
        cursor.depth += 1
        defer { cursor.depth -= 1 }
        guard cursor.depth <= ByteCursor.maxDepth else { return false }
        cursor.index += 1
        var count = 0
        var seen: UInt64 = 0
        var hint = 0
        cursor.skipWhitespace()
        if cursor.current == UInt8(ascii: "}") {
            cursor.index += 1
        } else {
            while true {
                cursor.skipWhitespace()
                guard cursor.current == UInt8(ascii: "\"") else { return false }
                let keyStart = cursor.index
                var predicted: Int?
                var range = keyStart..<keyStart
                var escaped = false
                if let shape, let end = shape.table.keyEnd(entry: hint, in: cursor.bytes, quote: keyStart) {
                    cursor.index = end
                    predicted = hint
                } else {
                    guard let scanned = cursor.scanString() else { return false }
                    (range, escaped) = scanned
                }
                cursor.skipWhitespace()
                guard cursor.current == UInt8(ascii: ":") else { return false }
                cursor.index += 1
                if let shape {
                    let found: Int?
                    if let predicted {
                        found = predicted
                    } else if !escaped, let byBytes = shape.table.index(forUTF8: UnsafeBufferPointer(rebasing: cursor.bytes[range]), hint: hint) {
                        found = byBytes
                    } else if escaped {
                        guard let decoded = cursor.materialize(keyStart..<(range.upperBound + 1))?.stringValue else { return false }
                        found = shape.table.index(for: decoded)
                    } else {
                        found = shape.table.index(for: String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[range]), as: UTF8.self))
                    }
                    if let index = found {
                        hint = index + 1
                        seen |= 1 << UInt64(index)
                        guard value(shape.nodes[index]) else { return false }
                    } else if let additional = shape.additional {
                        guard value(additional) else { return false }
                    } else {
                        cursor.skipWhitespace()
                        guard cursor.skipValue() else { return false }
                    }
                } else {
                    cursor.skipWhitespace()
                    guard cursor.skipValue() else { return false }
                }
                count += 1
                cursor.skipWhitespace()
                guard let next = cursor.current else { return false }
                cursor.index += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "}") { break }
                return false
            }
        }
        guard count >= minimum && count <= maximum else { return false }
        if let shape { return seen & shape.requiredMask == shape.requiredMask }
        return true
    }

    /// Arrays longer than this with `uniqueItems` are built (pairwise byte comparison is quadratic).
    static let uniqueStringsLimit = 32

    /// nil when a keyword needs the built array, possibly after reading part of it (the caller rewinds).
    private mutating func array(_ keywords: UnsafeBufferPointer<Keyword>) -> Bool? {
        var items: Int?
        var minimum = 0
        var maximum = Int.max
        var unique = false
        for keyword in keywords {
            switch keyword {
            case .type(let types): if !types.contains(.array) { return false }
            case .items(let target, let from):
                guard from == 0 else { return nil }
                items = target
            case .minItems(let n): minimum = n
            case .maxItems(let n): maximum = n
            case .uniqueItems: unique = true
            default: return nil
            }
        }
        guard unique else { return arrayItems(items, minimum, maximum, strings: nil) }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: Self.uniqueStringsLimit) { strings in
            arrayItems(items, minimum, maximum, strings: strings)
        }
    }

    /// With `strings`, also proves `uniqueItems` for arrays of unescaped strings, whose byte equality is JSON
    /// equality; other elements make it return nil.
    private mutating func arrayItems(_ items: Int?, _ minimum: Int, _ maximum: Int, strings: UnsafeMutableBufferPointer<Range<Int>>?) -> Bool? {
        cursor.depth += 1
        defer { cursor.depth -= 1 }
        guard cursor.depth <= ByteCursor.maxDepth else { return false }
        cursor.index += 1
        var count = 0
        cursor.skipWhitespace()
        if cursor.current == UInt8(ascii: "]") {
            cursor.index += 1
        } else {
            while true {
                cursor.skipWhitespace()
                let elementStart = cursor.index
                if strings != nil {
                    guard count < Self.uniqueStringsLimit, cursor.current == UInt8(ascii: "\"") else { return nil }
                }
                if let items {
                    guard value(items) else { return false }
                } else {
                    guard cursor.skipValue() else { return false }
                }
                if let strings {
                    let body = (elementStart + 1)..<(cursor.index - 1)
                    let text = UnsafeBufferPointer(rebasing: cursor.bytes[body])
                    if text.contains(UInt8(ascii: "\\")) { return nil }
                    for earlier in strings[0..<count] where earlier.count == body.count {
                        if UnsafeBufferPointer(rebasing: cursor.bytes[earlier]).elementsEqual(text) { return false }
                    }
                    strings[count] = body
                }
                count += 1
                cursor.skipWhitespace()
                guard let next = cursor.current else { return false }
                cursor.index += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "]") { break }
                return false
            }
        }
        return count >= minimum && count <= maximum
    }
}
