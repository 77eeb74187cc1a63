/// The parsed form of an ECMA-262 pattern, restricted to constructs a Thompson automaton can run in linear
/// time. Back-references and lookaround are reported as `unsupportedFeature` so the caller can choose a
/// backtracking engine for them.
indirect enum RegexNode {
    case set(ScalarSet)
    case empty
    case concat([RegexNode])
    case alternation([RegexNode])
    case repeating(RegexNode, min: Int, max: Int?)
    case lineStart
    case lineEnd
    case wordBoundary(Bool)
}

enum RegexSyntaxError: Error {
    case invalid(String)
    case unsupportedFeature(String)
}

/// Recursive-descent parser over the pattern's scalars.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0
    static let maxDepth = 100
    static let maxRepeat = 1000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if index < scalars.count { throw .invalid("unmatched ')' at \(index)") }
        return node
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseSequence()]
        while peek == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek, c != "|", c != ")" {
            let atom = try parseAtom()
            items.append(try parseQuantifier(on: atom))
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func parseQuantifier(on atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        guard let c = peek else { return atom }
        var min = 0
        var max: Int?
        switch c {
        case "*": index += 1
        case "+": index += 1; min = 1
        case "?": index += 1; max = 1
        case "{":
            guard let bounds = try parseBraces() else { return atom }
            (min, max) = bounds
        default:
            return atom
        }
        if peek == "?" { index += 1 } // lazy: irrelevant to a yes/no match
        switch atom {
        case .lineStart, .lineEnd, .wordBoundary: throw .invalid("nothing to repeat")
        default: break
        }
        return .repeating(atom, min: min, max: max)
    }

    /// `{n}`, `{n,}`, `{n,m}`; anything else leaves `{` a literal (Annex B).
    private mutating func parseBraces() throws(RegexSyntaxError) -> (Int, Int?)? {
        var cursor = index + 1
        func number(_ cursor: inout Int) -> Int? {
            var value = 0
            var digits = 0
            while cursor < scalars.count, let d = Int(String(scalars[cursor])), scalars[cursor].isASCII {
                value = Swift.min(value * 10 + d, 1_000_000)
                digits += 1
                cursor += 1
            }
            return digits > 0 ? value : nil
        }
        guard let low = number(&cursor) else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number(&cursor)
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        index = cursor + 1
        if let high, high < low { throw .invalid("numbers out of order in {} quantifier") }
        if low > Self.maxRepeat || (high ?? 0) > Self.maxRepeat { throw .invalid("repeat count above \(Self.maxRepeat)") }
        return (low, high)
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        guard let c = peek else { throw .invalid("unexpected end") }
        index += 1
        switch c {
        case "^": return .lineStart
        case "$": return .lineEnd
        case ".": return .set(.dot)
        case "(":
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maxDepth { throw .invalid("groups nested too deeply") }
            if peek == "?" {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                switch next {
                case ":": index += 2
                case "=", "!": throw .unsupportedFeature("lookahead")
                case "<":
                    let after = index + 2 < scalars.count ? scalars[index + 2] : nil
                    if after == "=" || after == "!" { throw .unsupportedFeature("lookbehind") }
                    index += 2
                    while let n = peek, n != ">" { index += 1 }
                    guard peek == ">" else { throw .invalid("unterminated group name") }
                    index += 1
                default: throw .invalid("invalid group")
                }
            }
            let inner = try parseAlternation()
            guard peek == ")" else { throw .invalid("missing ')'") }
            index += 1
            return inner
        case "[":
            return .set(try parseClass())
        case "\\":
            return try parseEscape(inClass: false).node
        case "*", "+", "?":
            throw .invalid("nothing to repeat")
        case "{":
            if let _ = try parseBraces() { throw .invalid("nothing to repeat") }
            return .set(Self.single(c))
        default:
            return .set(Self.single(c))
        }
    }

    static func single(_ c: Unicode.Scalar) -> ScalarSet {
        var set = ScalarSet()
        set.add(c.value...c.value)
        return set.finished()
    }

    private enum Escape {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        case assertion(RegexNode)

        var node: RegexNode {
            switch self {
            case .scalar(let s): return .set(RegexParser.single(s))
            case .set(let set): return .set(set.finished())
            case .assertion(let node): return node
            }
        }
    }

    private mutating func parseEscape(inClass: Bool) throws(RegexSyntaxError) -> Escape {
        guard let c = peek else { throw .invalid("trailing backslash") }
        index += 1
        switch c {
        case "d": return .set(.digit)
        case "D": return .set(Self.complement(.digit))
        case "w": return .set(.word)
        case "W": return .set(Self.complement(.word))
        case "s": return .set(.space)
        case "S": return .set(Self.complement(.space))
        case "b": return inClass ? .scalar("\u{08}") : .assertion(.wordBoundary(true))
        case "B":
            if inClass { throw .invalid("\\B in class") }
            return .assertion(.wordBoundary(false))
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "0":
            if let n = peek, n.properties.numericType != nil, n.isASCII { throw .unsupportedFeature("octal escape") }
            return .scalar("\u{0}")
        case "1"..."9":
            if inClass { throw .invalid("back-reference in class") }
            throw .unsupportedFeature("back-reference")
        case "k":
            throw .unsupportedFeature("named back-reference")
        case "c":
            guard let letter = peek, letter.isASCII, letter.properties.isAlphabetic else { throw .invalid("invalid \\c escape") }
            index += 1
            return .scalar(Unicode.Scalar(letter.value % 32) ?? "\u{0}")
        case "x":
            return .scalar(try hexScalar(count: 2))
        case "u":
            if peek == "{" {
                index += 1
                var value: UInt32 = 0
                var digits = 0
                while let h = peek, let digit = Self.hexDigit(h) {
                    value = value &* 16 &+ UInt32(digit)
                    digits += 1
                    index += 1
                    if digits > 6 { throw .invalid("\\u{} escape too long") }
                }
                guard peek == "}", digits > 0, let scalar = Unicode.Scalar(value) else { throw .invalid("invalid \\u{} escape") }
                index += 1
                return .scalar(scalar)
            }
            let high = try hexScalarValue(count: 4)
            if (0xD800...0xDBFF).contains(high), index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" {
                let save = index
                index += 2
                if let low = try? hexScalarValue(count: 4), (0xDC00...0xDFFF).contains(low),
                   let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return .scalar(scalar)
                }
                index = save
            }
            guard let scalar = Unicode.Scalar(high) else { throw .invalid("lone surrogate in \\u escape") }
            return .scalar(scalar)
        case "p", "P":
            guard peek == "{" else { throw .invalid("\\p needs {name}") }
            index += 1
            var name = ""
            while let n = peek, n != "}" {
                name.unicodeScalars.append(n)
                index += 1
            }
            guard peek == "}" else { throw .invalid("unterminated \\p{") }
            index += 1
            if let eq = name.firstIndex(of: "="), name[..<eq] == "General_Category" || name[..<eq] == "gc" {
                name = String(name[name.index(after: eq)...])
            }
            guard let categories = ScalarSet.categories(named: name) else { throw .unsupportedFeature("\\p{\(name)}") }
            var set = ScalarSet()
            if c == "p" { set.categories = categories } else { set.negatedCategories = categories }
            return .set(set)
        default:
            // Identity escapes: ECMA (with the u flag) allows only syntax characters and '/'; '-' inside classes.
            if "^$\\.*+?()[]{}|/".unicodeScalars.contains(c) || (inClass && c == "-") {
                return .scalar(c)
            }
            throw .invalid("invalid escape \\\(c)")
        }
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0x41...0x46: return Int(scalar.value - 0x41 + 10)
        case 0x61...0x66: return Int(scalar.value - 0x61 + 10)
        default: return nil
        }
    }

    private mutating func hexScalarValue(count: Int) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let h = peek, let digit = Self.hexDigit(h) else { throw .invalid("invalid hex escape") }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func hexScalar(count: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        guard let scalar = Unicode.Scalar(try hexScalarValue(count: count)) else { throw .invalid("invalid hex escape") }
        return scalar
    }

    private mutating func parseClass() throws(RegexSyntaxError) -> ScalarSet {
        var set = ScalarSet()
        if peek == "^" {
            set.negated = true
            index += 1
        }
        while let c = peek, c != "]" {
            index += 1
            let low: Escape
            if c == "\\" { low = try parseEscape(inClass: true) } else { low = .scalar(c) }
            guard case .scalar(let lowScalar) = low else {
                if case .set(let member) = low { Self.merge(member, into: &set) }
                continue
            }
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard let h = peek else { throw .invalid("unterminated class") }
                index += 1
                let high: Escape = h == "\\" ? try parseEscape(inClass: true) : .scalar(h)
                guard case .scalar(let highScalar) = high else { throw .invalid("class range with a class escape") }
                guard lowScalar.value <= highScalar.value else { throw .invalid("class range out of order") }
                set.add(lowScalar.value...highScalar.value)
            } else {
                set.add(lowScalar.value...lowScalar.value)
            }
        }
        guard peek == "]" else { throw .invalid("unterminated character class") }
        index += 1
        return set.finished()
    }

    private static func merge(_ member: ScalarSet, into set: inout ScalarSet) {
        set.ranges.append(contentsOf: member.ranges)
        set.categories.append(contentsOf: member.categories)
        set.negatedCategories.append(contentsOf: member.negatedCategories)
    }

    /// The complement of a plain range set, as ranges (so it can join a bracket class).
    static func complement(_ set: ScalarSet) -> ScalarSet {
        let sorted = set.ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result = ScalarSet()
        var next: UInt32 = 0
        for range in sorted {
            if range.lowerBound > next { result.add(next...(range.lowerBound - 1)) }
            next = Swift.max(next, range.upperBound + 1)
        }
        if next <= 0x10FFFF { result.add(next...0x10FFFF) }
        return result
    }
}
