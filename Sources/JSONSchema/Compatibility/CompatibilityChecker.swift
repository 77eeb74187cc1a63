import JSONValue

/// The recursive comparison behind `JSONSchemaCompatibility`. Pairs of (reader, writer) locations already being
/// compared are assumed compatible when met again, so recursive `$ref`s terminate.
struct CompatibilityChecker {
    let readerRoot: JSONValue
    let writerRoot: JSONValue
    let external: [String: JSONValue]
    var findings: [JSONSchemaIncompatibility] = []
    private var active: Set<String> = []
    private var depth = 0
    static let maxDepth = 200
    /// Comparisons made so far. Combinators compare every branch pair and shared `$defs` are re-expanded per
    /// use, so a small hostile schema can ask for exponentially many; past `maxComparisons` the checker stops.
    private(set) var comparisons = 0
    static let maxComparisons = 100_000
    var exhausted: Bool { comparisons > Self.maxComparisons }

    init(readerRoot: JSONValue, writerRoot: JSONValue, external: [String: JSONValue]) {
        self.readerRoot = readerRoot
        self.writerRoot = writerRoot
        self.external = external
    }

    private mutating func report(_ difference: JSONSchemaDifference, _ location: String, _ message: String) {
        findings.append(JSONSchemaIncompatibility(difference: difference, location: location, message: message))
    }

    // MARK: - Dispatch

    mutating func compare(reader rawReader: JSONValue, writer rawWriter: JSONValue, at path: String, writerAt writerPath: String) {
        comparisons += 1
        if exhausted { return }
        guard let (reader, readerPath) = dereference(rawReader, root: readerRoot, path: path, isReader: true),
              let (writer, resolvedWriterPath) = dereference(rawWriter, root: writerRoot, path: writerPath, isReader: false) else { return }
        let key = readerPath + "|" + resolvedWriterPath
        if active.contains(key) || depth > Self.maxDepth { return }
        active.insert(key)
        depth += 1
        defer {
            active.remove(key)
            depth -= 1
        }
        compareResolved(reader, writer, at: path)
    }

    private mutating func compareResolved(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        let readerKind = SchemaShape(reader)
        let writerKind = SchemaShape(writer)

        if case .boolean = readerKind, case .boolean = writerKind { return }
        if case .boolean(false) = readerKind {
            report(.typeChanged, path, "the new schema is false and accepts nothing")
            return
        }
        if case .boolean(false) = writerKind {
            report(.typeChanged, path, "the old schema is false; the new one is not a boolean schema")
            return
        }
        if readerKind.isCombined || writerKind.isCombined {
            compareCombined(reader, writer, at: path)
            return
        }
        if readerKind.isObjectLike && writerKind.isObjectLike {
            compareObjects(reader, writer, at: path)
            return
        }
        switch (readerKind, writerKind) {
        case (.typed(let readerTypes), .typed(let writerTypes)):
            compareTypes(readerTypes, writerTypes, at: path)
            let shared = writerTypes.intersection(readerTypes.union(readerTypes.contains(.number) ? .integer : []))
            if shared.contains(.integer) || shared.contains(.number) { compareNumbers(reader, writer, readerTypes: readerTypes, writerTypes: writerTypes, at: path) }
            if shared.contains(.string) { compareStrings(reader, writer, at: path) }
            if shared.contains(.array) { compareArrays(reader, writer, at: path) }
            if shared.contains(.object) { compareObjects(reader, writer, at: path) }
            compareEnums(reader, writer, at: path)
        case (.enumerated, .enumerated):
            compareEnums(reader, writer, at: path)
        case (.negated, .negated):
            // not A accepts what not B accepted when A ⊆ B: the roles swap.
            if let readerNot = reader["not"], let writerNot = writer["not"] {
                let before = findings.count
                compare(reader: writerNot, writer: readerNot, at: path + "/not", writerAt: path + "/not")
                if findings.count > before {
                    findings.removeSubrange(before...)
                    report(.notTypeChanged, path + "/not", "the not schema now excludes values the old one allowed")
                }
            }
        default:
            report(.typeChanged, path, "type changed from \(writerKind.name) to \(readerKind.name)")
        }
    }

    // MARK: - Types and scalars

    private mutating func compareTypes(_ reader: TypeSet, _ writer: TypeSet, at path: String) {
        var accepted = reader
        if reader.contains(.number) { accepted.insert(.integer) }
        let missing = TypeSet(rawValue: writer.rawValue & ~accepted.rawValue)
        guard !missing.isEmpty else { return }
        if missing == writer && !(writer.contains(.number) && reader.contains(.integer)) {
            report(.typeChanged, path + "/type", "type changed from \(writer.names) to \(reader.names)")
        } else {
            report(.typeNarrowed, path + "/type", "type narrowed from \(writer.names) to \(reader.names)")
        }
    }

    private mutating func compareNumbers(_ reader: JSONValue, _ writer: JSONValue, readerTypes: TypeSet, writerTypes: TypeSet, at path: String) {
        upperBound("maximum", reader, writer, at: path, added: .maximumAdded, tightened: .maximumDecreased)
        upperBound("exclusiveMaximum", reader, writer, at: path, added: .exclusiveMaximumAdded, tightened: .exclusiveMaximumDecreased)
        lowerBound("minimum", reader, writer, at: path, added: .minimumAdded, tightened: .minimumIncreased)
        lowerBound("exclusiveMinimum", reader, writer, at: path, added: .exclusiveMinimumAdded, tightened: .exclusiveMinimumIncreased)
        if let readerMultiple = reader["multipleOf"], let divisor = DecimalNumber(readerMultiple), divisor.significand != 0 {
            if let writerMultiple = reader["multipleOf"].flatMap({ _ in writer["multipleOf"] }) {
                if let value = DecimalNumber(writerMultiple), !value.isMultiple(of: divisor) {
                    report(.multipleOfChanged, path + "/multipleOf", "multipleOf changed from \(writerMultiple.serialized()) to \(readerMultiple.serialized())")
                }
            } else {
                report(.multipleOfAdded, path + "/multipleOf", "multipleOf \(readerMultiple.serialized()) added")
            }
        }
    }

    private mutating func upperBound(_ keyword: String, _ reader: JSONValue, _ writer: JSONValue, at path: String, added: JSONSchemaDifference, tightened: JSONSchemaDifference) {
        guard let readerBound = reader[keyword], readerBound.isNumber else { return }
        guard let writerBound = writer[keyword], writerBound.isNumber else {
            report(added, path + "/" + keyword, "\(keyword) \(readerBound.serialized()) added")
            return
        }
        if let order = JSONEquality.compare(readerBound, writerBound), order < 0 {
            report(tightened, path + "/" + keyword, "\(keyword) decreased from \(writerBound.serialized()) to \(readerBound.serialized())")
        }
    }

    private mutating func lowerBound(_ keyword: String, _ reader: JSONValue, _ writer: JSONValue, at path: String, added: JSONSchemaDifference, tightened: JSONSchemaDifference) {
        guard let readerBound = reader[keyword], readerBound.isNumber else { return }
        guard let writerBound = writer[keyword], writerBound.isNumber else {
            report(added, path + "/" + keyword, "\(keyword) \(readerBound.serialized()) added")
            return
        }
        if let order = JSONEquality.compare(readerBound, writerBound), order > 0 {
            report(tightened, path + "/" + keyword, "\(keyword) increased from \(writerBound.serialized()) to \(readerBound.serialized())")
        }
    }

    private mutating func compareStrings(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        upperBound("maxLength", reader, writer, at: path, added: .maxLengthAdded, tightened: .maxLengthDecreased)
        lowerBound("minLength", reader, writer, at: path, added: .minLengthAdded, tightened: .minLengthIncreased)
        if let readerPattern = reader["pattern"]?.stringValue {
            if let writerPattern = writer["pattern"]?.stringValue {
                if readerPattern != writerPattern {
                    report(.patternChanged, path + "/pattern", "pattern changed from /\(writerPattern)/ to /\(readerPattern)/")
                }
            } else {
                report(.patternAdded, path + "/pattern", "pattern /\(readerPattern)/ added")
            }
        }
    }

    private mutating func compareEnums(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        guard case .array(let readerValues)? = reader["enum"] else { return }
        guard case .array(let writerValues)? = writer["enum"] else {
            report(.enumArrayNarrowed, path + "/enum", "enum added: only \(readerValues.count) values now allowed")
            return
        }
        let allowed = JSONEnum(readerValues)
        let missing = writerValues.filter { !allowed.contains($0) }
        guard !missing.isEmpty else { return }
        let overlap = writerValues.count - missing.count
        report(overlap > 0 ? .enumArrayNarrowed : .enumArrayChanged, path + "/enum",
               "enum no longer allows \(missing.map { $0.serialized() }.joined(separator: ", "))")
    }

    // MARK: - Objects

    private mutating func compareObjects(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        upperBound("maxProperties", reader, writer, at: path, added: .maxPropertiesAdded, tightened: .maxPropertiesDecreased)
        lowerBound("minProperties", reader, writer, at: path, added: .minPropertiesAdded, tightened: .minPropertiesIncreased)

        let readerModel = ContentModel(reader)
        let writerModel = ContentModel(writer)

        // Additional properties: a closed or narrower reader model rejects extras the writer let through.
        switch (readerModel.additional, writerModel.additional) {
        case (.closed, .closed), (.open, _):
            break
        case (.closed, _):
            report(.additionalPropertiesRemoved, path + "/additionalProperties", "additional properties are no longer allowed")
        case (.schema(let readerSchema), .schema(let writerSchema)):
            compare(reader: readerSchema, writer: writerSchema, at: path + "/additionalProperties", writerAt: path + "/additionalProperties")
        case (.schema, .open):
            report(.additionalPropertiesNarrowed, path + "/additionalProperties", "additional properties are now constrained")
        case (.schema, .closed):
            break
        }

        var names: [String] = readerModel.properties.map(\.key)
        for (name, _) in writerModel.properties where readerModel.property(name) == nil { names.append(name) }
        for name in names {
            let propertyPath = path + "/properties/" + JSONPointer.escape(name)
            let readerProperty = readerModel.property(name)
            let writerProperty = writerModel.property(name)
            switch (readerProperty, writerProperty) {
            case (let r?, let w?):
                compare(reader: r, writer: w, at: propertyPath, writerAt: propertyPath)
            case (nil, let w?):
                // Removed from the reader: writer data may still carry it.
                if let covering = readerModel.patternSchema(for: name) {
                    let before = findings.count
                    compare(reader: covering.schema, writer: w, at: path + "/patternProperties/" + JSONPointer.escape(covering.pattern), writerAt: propertyPath)
                    if findings.count > before {
                        findings.removeSubrange(before...)
                        report(.propertyRemovedNotCoveredByPartiallyOpenContentModel, propertyPath, "property \"\(name)\" removed and not covered by the new patternProperties")
                    }
                } else {
                    switch readerModel.additional {
                    case .open: break
                    case .closed:
                        report(.propertyRemovedFromClosedContentModel, propertyPath, "property \"\(name)\" removed from a closed content model")
                    case .schema(let schema):
                        let before = findings.count
                        compare(reader: schema, writer: w, at: path + "/additionalProperties", writerAt: propertyPath)
                        if findings.count > before {
                            findings.removeSubrange(before...)
                            report(.propertyRemovedNotCoveredByPartiallyOpenContentModel, propertyPath, "property \"\(name)\" removed and not covered by additionalProperties")
                        }
                    }
                }
            case (let r?, nil):
                // Added in the reader: fine if the writer could never send it, else it must accept what the writer allowed there.
                if let covering = writerModel.patternSchema(for: name) {
                    let before = findings.count
                    compare(reader: r, writer: covering.schema, at: propertyPath, writerAt: path + "/patternProperties/" + JSONPointer.escape(covering.pattern))
                    if findings.count > before {
                        findings.removeSubrange(before...)
                        report(.propertyAddedNotCoveredByPartiallyOpenContentModel, propertyPath, "property \"\(name)\" added but the old patternProperties allowed other values")
                    }
                } else {
                    switch writerModel.additional {
                    case .closed: break
                    case .open:
                        report(.propertyAddedToOpenContentModel, propertyPath, "property \"\(name)\" added to an open content model")
                    case .schema(let schema):
                        let before = findings.count
                        compare(reader: r, writer: schema, at: propertyPath, writerAt: path + "/additionalProperties")
                        if findings.count > before {
                            findings.removeSubrange(before...)
                            report(.propertyAddedNotCoveredByPartiallyOpenContentModel, propertyPath, "property \"\(name)\" added but the old additionalProperties allowed other values")
                        }
                    }
                }
            case (nil, nil):
                break
            }
        }

        let writerRequired = Set(writer["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        for case .string(let name) in reader["required"]?.arrayValue ?? [] where !writerRequired.contains(name) {
            report(.requiredAttributeAdded, path + "/required", "property \"\(name)\" is now required")
        }

        if let readerNames = reader["propertyNames"], let writerNames = writer["propertyNames"] {
            compare(reader: readerNames, writer: writerNames, at: path + "/propertyNames", writerAt: path + "/propertyNames")
        }
        compareDependencies(reader, writer, at: path)
    }

    private mutating func compareDependencies(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        for keyword in ["dependentRequired", "dependencies"] {
            guard case .object(let readerRules)? = reader[keyword] else { continue }
            let writerRules = Self.byName(writer[keyword])
            for rule in readerRules.members {
                let rulePath = path + "/" + keyword + "/" + JSONPointer.escape(rule.key)
                switch (rule.value, writerRules[rule.key]) {
                case (.array(let names), .array(let writerNames)?):
                    let known = Set(writerNames.compactMap(\.stringValue))
                    if names.contains(where: { !known.contains($0.stringValue ?? "") }) {
                        report(.dependencyArrayExtended, rulePath, "dependency of \"\(rule.key)\" extended")
                    }
                case (.array, _):
                    report(.dependencyArrayAdded, rulePath, "dependency of \"\(rule.key)\" added")
                case (let schema, let writerSchema?):
                    compare(reader: schema, writer: writerSchema, at: rulePath, writerAt: rulePath)
                case (_, nil):
                    report(.dependencySchemaAdded, rulePath, "dependency schema for \"\(rule.key)\" added")
                }
            }
        }
        if case .object(let readerSchemas)? = reader["dependentSchemas"] {
            let writerSchemas = Self.byName(writer["dependentSchemas"])
            for rule in readerSchemas.members {
                let rulePath = path + "/dependentSchemas/" + JSONPointer.escape(rule.key)
                if let writerSchema = writerSchemas[rule.key] {
                    compare(reader: rule.value, writer: writerSchema, at: rulePath, writerAt: rulePath)
                } else {
                    report(.dependencySchemaAdded, rulePath, "dependency schema for \"\(rule.key)\" added")
                }
            }
        }
    }

    // MARK: - Arrays

    private mutating func compareArrays(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        upperBound("maxItems", reader, writer, at: path, added: .maxItemsAdded, tightened: .maxItemsDecreased)
        lowerBound("minItems", reader, writer, at: path, added: .minItemsAdded, tightened: .minItemsIncreased)
        if reader["uniqueItems"]?.boolValue == true && writer["uniqueItems"]?.boolValue != true {
            report(.uniqueItemsAdded, path + "/uniqueItems", "items must now be unique")
        }
        let readerItems = ItemModel(reader)
        let writerItems = ItemModel(writer)
        if readerItems.isTuple != writerItems.isTuple && (readerItems.isTuple || writerItems.isTuple) {
            report(.typeChanged, path + "/items", readerItems.isTuple ? "array changed to a tuple" : "tuple changed to an array")
            return
        }
        let count = max(readerItems.prefix.count, writerItems.prefix.count)
        for i in 0..<count {
            let readerItem = i < readerItems.prefix.count ? readerItems.prefix[i] : readerItems.rest
            let writerItem = i < writerItems.prefix.count ? writerItems.prefix[i] : writerItems.rest
            let itemPath = i < readerItems.prefix.count ? path + "/" + readerItems.prefixKeyword + "/\(i)" : path + "/" + readerItems.restKeyword
            compareItem(readerItem, writerItem, at: itemPath, index: i)
        }
        compareItem(readerItems.rest, writerItems.rest, at: path + "/" + readerItems.restKeyword, index: nil)
    }

    private mutating func compareItem(_ reader: JSONValue, _ writer: JSONValue, at path: String, index: Int?) {
        if reader == .bool(true) { return }
        if writer == .bool(false) { return }
        if reader == .bool(false) {
            if let index {
                report(.itemRemovedFromClosedContentModel, path, "item \(index) is no longer allowed")
            } else {
                report(.additionalItemsRemoved, path, "additional items are no longer allowed")
            }
            return
        }
        if writer == .bool(true), index == nil {
            report(.additionalItemsNarrowed, path, "additional items are now constrained")
            return
        }
        compare(reader: reader, writer: writer, at: path, writerAt: path)
    }

    // MARK: - Combinators

    private mutating func compareCombined(_ reader: JSONValue, _ writer: JSONValue, at path: String) {
        let readerCombined = Combination(reader)
        let writerCombined = Combination(writer)
        let keyword = readerCombined?.keyword ?? writerCombined?.keyword ?? "anyOf"
        let readerBranches = readerCombined?.branches ?? [reader]
        let writerBranches = writerCombined?.branches ?? [writer]
        let readerKeyword = readerCombined?.keyword ?? writerCombined?.keyword ?? keyword
        let writerKeyword = writerCombined?.keyword ?? readerKeyword
        if readerKeyword != writerKeyword {
            report(.combinedTypeChanged, path + "/" + readerKeyword, "combination changed from \(writerKeyword) to \(readerKeyword)")
            return
        }
        let branchPath = path + "/" + readerKeyword
        if readerKeyword == "allOf" {
            if readerBranches.count > writerBranches.count {
                report(.productTypeExtended, branchPath, "allOf gained \(readerBranches.count - writerBranches.count) subschemas")
                return
            }
            // Every reader branch must be implied by some writer branch.
            if !match(left: readerBranches, right: writerBranches, readerIsLeft: true, at: branchPath) {
                report(.combinedTypeSubschemasChanged, branchPath, "allOf subschemas changed")
            }
        } else {
            if readerBranches.count < writerBranches.count {
                report(.sumTypeNarrowed, branchPath, "\(readerKeyword) lost \(writerBranches.count - readerBranches.count) subschemas")
                return
            }
            // Every writer branch must be accepted by some reader branch.
            if !match(left: writerBranches, right: readerBranches, readerIsLeft: false, at: branchPath) {
                report(.combinedTypeSubschemasChanged, branchPath, "\(readerKeyword) subschemas changed")
            }
        }
    }

    /// A matching covering every `left` branch with a distinct compatible `right` branch (augmenting paths).
    private mutating func match(left: [JSONValue], right: [JSONValue], readerIsLeft: Bool, at path: String) -> Bool {
        // Every pair is compared: past the budget, stop before allocating the pair table.
        guard left.count * right.count <= Self.maxComparisons - comparisons else {
            comparisons = Self.maxComparisons + 1
            return false
        }
        var compatible = Array(repeating: Array(repeating: false, count: right.count), count: left.count)
        for i in left.indices {
            for j in right.indices {
                let before = findings.count
                if readerIsLeft {
                    compare(reader: left[i], writer: right[j], at: path + "/\(i)", writerAt: path + "/\(j)")
                } else {
                    compare(reader: right[j], writer: left[i], at: path + "/\(j)", writerAt: path + "/\(i)")
                }
                compatible[i][j] = findings.count == before
                if findings.count > before { findings.removeSubrange(before...) }
            }
        }
        var owner = Array(repeating: -1, count: right.count)
        func augment(_ i: Int, _ seen: inout [Bool]) -> Bool {
            for j in right.indices where compatible[i][j] && !seen[j] {
                seen[j] = true
                if owner[j] < 0 || augment(owner[j], &seen) {
                    owner[j] = i
                    return true
                }
            }
            return false
        }
        for i in left.indices {
            var seen = Array(repeating: false, count: right.count)
            if !augment(i, &seen) { return false }
        }
        return true
    }

    // MARK: - References

    /// Follows `$ref` chains (local pointers, or names/URIs in `external`) to the schema they denote.
    private mutating func dereference(_ schema: JSONValue, root: JSONValue, path: String, isReader: Bool) -> (JSONValue, String)? {
        var current = schema
        // Root and `$ref` targets get canonical keys so a recursive reference meets its own comparison again.
        var currentPath = path == "#" ? (isReader ? "R:#" : "W:#") : path
        var currentRoot = root
        var hops = 0
        while case .string(let ref)? = current["$ref"] {
            hops += 1
            if hops > 32 {
                report(.referenceUnresolved, path, "reference chain too long at \(ref)")
                return nil
            }
            let (document, fragment) = Self.split(ref)
            if !document.isEmpty {
                guard let target = external[document] else {
                    report(.referenceUnresolved, path, "cannot resolve \(ref)")
                    return nil
                }
                currentRoot = target
            }
            guard let tokens = JSONPointer.tokens(fromFragment: fragment), let target = Self.follow(tokens, in: currentRoot) else {
                report(.referenceUnresolved, path, "cannot resolve \(ref)")
                return nil
            }
            current = target
            currentPath = (isReader ? "R:" : "W:") + ref
        }
        return (current, currentPath)
    }

    /// An object's members by name (first wins, as lookup in `JSONObject` does), for lookups in a loop.
    private static func byName(_ value: JSONValue?) -> [String: JSONValue] {
        Dictionary((value?.objectValue?.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private static func split(_ ref: String) -> (String, String) {
        guard let hash = ref.firstIndex(of: "#") else { return (ref, "") }
        return (String(ref[..<hash]), String(ref[ref.index(after: hash)...]))
    }

    private static func follow(_ tokens: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let i = Int(token), elements.indices.contains(i) else { return nil }
                current = elements[i]
            default:
                return nil
            }
        }
        return current
    }
}
