/// A set of Unicode scalars as ECMA-262 character classes describe them: ranges, Unicode general categories
/// (`\p{L}`), possibly negated. ASCII membership is a bitmap so the common case is two loads.
struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var categories: [Unicode.GeneralCategory] = []
    var negatedCategories: [Unicode.GeneralCategory] = []
    var negated = false
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    static let any: ScalarSet = {
        var set = ScalarSet()
        set.add(0...0x10FFFF)
        return set.finished()
    }()

    /// ECMA `.`: everything but line terminators.
    static let dot: ScalarSet = {
        var set = ScalarSet()
        set.add(0x0A...0x0A)
        set.add(0x0D...0x0D)
        set.add(0x2028...0x2029)
        set.negated = true
        return set.finished()
    }()

    mutating func add(_ range: ClosedRange<UInt32>) { ranges.append(range) }

    mutating func add(contentsOf other: ScalarSet) {
        // Only called with non-negated, category-free sets (the \d \w \s shorthands).
        ranges.append(contentsOf: other.ranges)
    }

    /// Computes the ASCII bitmap; call once the set is complete.
    func finished() -> ScalarSet {
        var copy = self
        copy.asciiLow = 0
        copy.asciiHigh = 0
        for scalar in UInt32(0)..<128 {
            guard copy.slowContains(scalar) else { continue }
            if scalar < 64 { copy.asciiLow |= 1 << UInt64(scalar) } else { copy.asciiHigh |= 1 << UInt64(scalar - 64) }
        }
        return copy
    }

    @inline(__always) func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        return slowContains(value)
    }

    private func slowContains(_ value: UInt32) -> Bool {
        var found = false
        for range in ranges where range.contains(value) {
            found = true
            break
        }
        if !found, !categories.isEmpty || !negatedCategories.isEmpty, let scalar = Unicode.Scalar(value) {
            let category = scalar.properties.generalCategory
            if categories.contains(category) { found = true }
            if !found, !negatedCategories.isEmpty, !negatedCategories.contains(category) { found = true }
        }
        return found != negated
    }

    static let digit: ScalarSet = {
        var set = ScalarSet()
        set.add(0x30...0x39)
        return set
    }()

    static let word: ScalarSet = {
        var set = ScalarSet()
        set.add(0x30...0x39)
        set.add(0x41...0x5A)
        set.add(0x5F...0x5F)
        set.add(0x61...0x7A)
        return set
    }()

    /// ECMA `\s`: WhiteSpace plus LineTerminator.
    static let space: ScalarSet = {
        var set = ScalarSet()
        for range: ClosedRange<UInt32> in [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                           0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF] {
            set.add(range)
        }
        return set
    }()

    static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        let v = scalar.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || v == 0x5F || (v >= 0x61 && v <= 0x7A)
    }

    /// General categories named by `\p{...}` (long or short names).
    static func categories(named name: String) -> [Unicode.GeneralCategory]? {
        switch name {
        case "L", "Letter": return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "Lu", "Uppercase_Letter": return [.uppercaseLetter]
        case "Ll", "Lowercase_Letter": return [.lowercaseLetter]
        case "Lt", "Titlecase_Letter": return [.titlecaseLetter]
        case "Lm", "Modifier_Letter": return [.modifierLetter]
        case "Lo", "Other_Letter": return [.otherLetter]
        case "M", "Mark": return [.nonspacingMark, .spacingMark, .enclosingMark]
        case "N", "Number": return [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd", "Decimal_Number", "digit": return [.decimalNumber]
        case "Nl", "Letter_Number": return [.letterNumber]
        case "No", "Other_Number": return [.otherNumber]
        case "P", "Punctuation", "punct":
            return [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation]
        case "S", "Symbol": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Z", "Separator": return [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs", "Space_Separator": return [.spaceSeparator]
        case "C", "Other": return [.control, .format, .surrogate, .privateUse, .unassigned]
        case "Cc", "Control": return [.control]
        default: return nil
        }
    }
}
