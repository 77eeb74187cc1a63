import JSONValue

/// Turns indexed schema documents into a `CompiledProgram`. Subschemas are compiled from a work list, not by
/// recursion: a `$ref` just names a node index, so reference cycles and deep nesting cost no stack.
struct SchemaCompiler {
    var index: SchemaIndex
    let options: JSONSchemaOptions
    private var nodes: [CompiledNode?] = []
    private var nodeByLocation: [SchemaLocation: Int] = [:]
    private var pending: [(Int, SchemaLocation)] = []
    private var resourceIDs: [String: Int] = [:]
    private var dynamicNames: Set<String> = []
    private var usesDynamicScope = false
    /// Distinct pattern sources compiled so far (repeats share one automaton) and their total size.
    private var patterns: [String: SchemaPattern] = [:]
    private var patternInstructions = 0
    static let recursiveAnchorName = "\u{1}$recursiveAnchor"

    init(options: JSONSchemaOptions) {
        self.options = options
        self.index = SchemaIndex(limits: options.limits, external: options.externalSchemas)
    }

    static func compile(_ schema: JSONValue, baseURI: String, options: JSONSchemaOptions) throws(JSONSchemaError) -> CompiledProgram {
        var compiler = SchemaCompiler(options: options)
        let rootLocation = try compiler.index.addDocument(schema, uri: baseURI, draft: options.defaultDraft)
        let root = try compiler.node(for: rootLocation)
        try compiler.drain()
        try compiler.checkReferenceCycles()
        let rootDraft = compiler.index.located[rootLocation]?.draft ?? options.defaultDraft
        return try compiler.finish(root: root, draft: rootDraft)
    }

    private mutating func node(for location: SchemaLocation) throws(JSONSchemaError) -> Int {
        if let existing = nodeByLocation[location] { return existing }
        guard nodes.count < options.limits.maxSubschemas else {
            throw JSONSchemaError(.tooLarge, at: index.describe(location), "more than \(options.limits.maxSubschemas) subschemas")
        }
        let id = nodes.count
        nodes.append(nil)
        nodeByLocation[location] = id
        pending.append((id, location))
        return id
    }

    private mutating func drain() throws(JSONSchemaError) {
        while true {
            while let (id, location) = pending.popLast() {
                nodes[id] = try compileNode(at: location)
            }
            // Every resource holding a dynamic anchor that some `$dynamicRef` names must be compiled too.
            let before = nodes.count
            for name in dynamicNames.sorted() {
                for (_, resource) in index.resources.sorted(by: { $0.key < $1.key }) {
                    if name == Self.recursiveAnchorName {
                        if resource.recursiveAnchor { _ = try node(for: resource.location) }
                    } else if let location = resource.dynamicAnchors[name] {
                        _ = try node(for: location)
                    }
                }
            }
            if nodes.count == before && pending.isEmpty { return }
        }
    }

    private mutating func finish(root: Int, draft: JSONSchemaDraft) throws(JSONSchemaError) -> CompiledProgram {
        var compiled: [CompiledNode] = []
        compiled.reserveCapacity(nodes.count)
        for node in nodes {
            guard let node else { throw JSONSchemaError(.invalidSchema, at: "#", "internal: uncompiled subschema") }
            compiled.append(node)
        }
        var tables = Array(repeating: [String: Int](), count: resourceIDs.count)
        for (uri, resource) in index.resources {
            guard let id = resourceIDs[uri] else { continue }
            for name in dynamicNames {
                if name == Self.recursiveAnchorName {
                    if resource.recursiveAnchor, let node = nodeByLocation[resource.location] { tables[id][name] = node }
                } else if let location = resource.dynamicAnchors[name], let node = nodeByLocation[location] {
                    tables[id][name] = node
                }
            }
        }
        return CompiledProgram(nodes: compiled, root: root, dynamicAnchors: tables, usesDynamicScope: usesDynamicScope,
                               maxEvaluationDepth: options.limits.maxEvaluationDepth,
                               maxEvaluationSteps: options.limits.maxEvaluationSteps, draft: draft)
    }

    private mutating func resourceID(_ uri: String) -> Int {
        if let id = resourceIDs[uri] { return id }
        let id = resourceIDs.count
        resourceIDs[uri] = id
        return id
    }

    // MARK: - One subschema

    private mutating func compileNode(at location: SchemaLocation) throws(JSONSchemaError) -> CompiledNode {
        let where_ = index.describe(location)
        guard let info = index.located[location] else {
            throw JSONSchemaError(.unresolvedReference, at: where_, "no schema at this location")
        }
        let resource = resourceID(info.baseURI)
        switch info.value {
        case .bool(let b):
            return CompiledNode(body: .always(b), location: where_, resource: resource, collectsAnnotations: false)
        case .object(let object):
            var keywords = Self.fuseObjectKeywords(try compileKeywords(object, at: location, info: info))
            keywords.sort { Self.rank($0) < Self.rank($1) }
            let collects = keywords.contains {
                if case .unevaluatedProperties = $0 { return true }
                if case .unevaluatedItems = $0 { return true }
                return false
            }
            return CompiledNode(body: keywords.isEmpty ? .always(true) : .keywords(keywords), location: where_, resource: resource, collectsAnnotations: collects)
        default:
            throw JSONSchemaError(.invalidSchema, at: where_, "a schema must be an object or a boolean, got \(info.value.typeName)")
        }
    }

    /// Replaces properties/additionalProperties/required with one `ObjectShape` pass when no patternProperties
    /// is involved and the table is small enough for a 64-bit seen-mask.
    private static func fuseObjectKeywords(_ keywords: [Keyword]) -> [Keyword] {
        var table: PropertyTable?
        var additional: Int?
        var required: [String]?
        var others: [Keyword] = []
        for keyword in keywords {
            switch keyword {
            case .properties(let t): table = t
            case .additionalProperties(let target, _, let patterns):
                guard patterns.isEmpty else { return keywords }
                additional = target
            case .required(let names): required = names
            case .patternProperties: return keywords
            default: others.append(keyword)
            }
        }
        guard table != nil || additional != nil else { return keywords }
        let resolvedTable = table ?? PropertyTable([])
        guard resolvedTable.entries.count <= 64 else { return keywords }
        let requiredEntries = (required ?? []).map { (name: $0, index: resolvedTable.index(for: $0)) }
        others.append(.objectShape(ObjectShape(table: resolvedTable, additional: additional, required: requiredEntries)))
        return others
    }

    /// Cheap assertions first so invalid instances fail fast; `unevaluated*` last because they read the others' annotations.
    private static func rank(_ keyword: Keyword) -> Int {
        switch keyword {
        case .type: return 0
        case .const, .enumeration, .minimum, .maximum, .minLength, .maxLength, .minItems, .maxItems, .minProperties, .maxProperties, .required: return 1
        case .multipleOf, .pattern, .format, .uniqueItems, .dependentRequired: return 2
        case .unevaluatedProperties, .unevaluatedItems: return 9
        default: return 5
        }
    }

    private mutating func compileKeywords(_ object: JSONObject, at location: SchemaLocation, info: LocatedSchema) throws(JSONSchemaError) -> [Keyword] {
        let draft = info.draft
        var keywords: [Keyword] = []
        func path(_ keyword: String) -> String { index.describe(location.appending(keyword)) }

        if let ref = object["$ref"] {
            guard case .string(let text) = ref else { throw JSONSchemaError(.invalidKeyword, at: path("$ref"), "$ref must be a string") }
            keywords.append(.ref(try reference(text, from: info, at: path("$ref"))))
            // Draft 7: "All other properties in a "$ref" object MUST be ignored."
            if draft == .draft7 { return keywords }
        }
        if draft >= .draft2020_12, let ref = object["$dynamicRef"] {
            guard case .string(let text) = ref else { throw JSONSchemaError(.invalidKeyword, at: path("$dynamicRef"), "$dynamicRef must be a string") }
            let targetLocation = try referenceLocation(text, from: info, at: path("$dynamicRef"))
            let target = try node(for: targetLocation)
            var anchor: String?
            let fragment = URIReference(parsing: text).fragment ?? ""
            if !fragment.isEmpty, !fragment.hasPrefix("/"),
               index.located[targetLocation]?.value["$dynamicAnchor"]?.stringValue == fragment {
                anchor = fragment
                dynamicNames.insert(fragment)
                usesDynamicScope = true
            }
            keywords.append(.dynamicRef(target, anchor: anchor))
        }
        if draft == .draft2019_09, let ref = object["$recursiveRef"] {
            guard case .string(let text) = ref else { throw JSONSchemaError(.invalidKeyword, at: path("$recursiveRef"), "$recursiveRef must be a string") }
            let target = try reference(text, from: info, at: path("$recursiveRef"))
            var anchor: String?
            if let rootLocation = index.resources[info.baseURI]?.location, index.located[rootLocation]?.value["$recursiveAnchor"]?.boolValue == true {
                anchor = Self.recursiveAnchorName
                dynamicNames.insert(Self.recursiveAnchorName)
                usesDynamicScope = true
            }
            keywords.append(.dynamicRef(target, anchor: anchor))
        }

        for (key, value) in object.members {
            if !info.validationVocabulary, Self.validationKeywords.contains(key) { continue }
            switch key {
            case "type":
                keywords.append(.type(try typeSet(value, at: path(key))))
            case "enum":
                guard case .array(let values) = value else { throw JSONSchemaError(.invalidKeyword, at: path(key), "enum must be an array") }
                keywords.append(.enumeration(JSONEnum(values)))
            case "const":
                keywords.append(.const(value))
            case "minimum", "maximum":
                guard value.isNumber else { throw JSONSchemaError(.invalidKeyword, at: path(key), "\(key) must be a number") }
                keywords.append(key == "minimum" ? .minimum(value, exclusive: false) : .maximum(value, exclusive: false))
            case "exclusiveMinimum", "exclusiveMaximum":
                // Draft 4's boolean form is not supported by any draft handled here.
                guard value.isNumber else { throw JSONSchemaError(.invalidKeyword, at: path(key), "\(key) must be a number") }
                keywords.append(key == "exclusiveMinimum" ? .minimum(value, exclusive: true) : .maximum(value, exclusive: true))
            case "multipleOf":
                guard let decimal = DecimalNumber(value), decimal.significand != 0, (value.doubleValue ?? 0) > 0 else {
                    throw JSONSchemaError(.invalidKeyword, at: path(key), "multipleOf must be a number greater than 0")
                }
                keywords.append(.multipleOf(decimal, raw: value))
            case "minLength": keywords.append(.minLength(try count(value, at: path(key))))
            case "maxLength": keywords.append(.maxLength(try count(value, at: path(key))))
            case "minItems": keywords.append(.minItems(try count(value, at: path(key))))
            case "maxItems": keywords.append(.maxItems(try count(value, at: path(key))))
            case "minProperties": keywords.append(.minProperties(try count(value, at: path(key))))
            case "maxProperties": keywords.append(.maxProperties(try count(value, at: path(key))))
            case "pattern":
                guard case .string(let source) = value else { throw JSONSchemaError(.invalidKeyword, at: path(key), "pattern must be a string") }
                keywords.append(.pattern(try pattern(source, at: path(key))))
            case "format":
                if options.assertFormat, case .string(let name) = value, let format = JSONSchemaFormat(rawValue: name) {
                    keywords.append(.format(format))
                }
            case "required":
                keywords.append(.required(try stringArray(value, at: path(key))))
            case "properties":
                keywords.append(.properties(try propertyTable(value, at: location.appending(key))))
            case "patternProperties":
                keywords.append(.patternProperties(try patternTable(value, at: location.appending(key))))
            case "additionalProperties":
                let known = try object["properties"].map { v throws(JSONSchemaError) in try propertyTable(v, at: location.appending("properties")) } ?? PropertyTable([])
                let patterns = try object["patternProperties"].map { v throws(JSONSchemaError) in try patternTable(v, at: location.appending("patternProperties")).map(\.0) } ?? []
                keywords.append(.additionalProperties(try node(for: location.appending(key)), known: known, patterns: patterns))
            case "propertyNames":
                keywords.append(.propertyNames(try node(for: location.appending(key))))
            case "dependentRequired" where draft >= .draft2019_09:
                keywords.append(.dependentRequired(try dependentRequired(value, at: location.appending(key))))
            case "dependentSchemas" where draft >= .draft2019_09:
                keywords.append(.dependentSchemas(try schemaMap(value, at: location.appending(key))))
            case "dependencies" where draft == .draft7:
                guard case .object(let members) = value else { throw JSONSchemaError(.invalidKeyword, at: path(key), "dependencies must be an object") }
                var required: [(String, [String])] = []
                var schemas: [(String, Int)] = []
                for member in members.members {
                    if case .array = member.value {
                        required.append((member.key, try stringArray(member.value, at: path(key) + "/" + JSONPointer.escape(member.key))))
                    } else {
                        schemas.append((member.key, try node(for: location.appending(key).appending(member.key))))
                    }
                }
                if !required.isEmpty { keywords.append(.dependentRequired(required)) }
                if !schemas.isEmpty { keywords.append(.dependentSchemas(schemas)) }
            case "prefixItems" where draft >= .draft2020_12:
                keywords.append(.prefixItems(try schemaArray(value, at: location.appending(key))))
            case "items":
                if case .array = value {
                    guard draft < .draft2020_12 else { throw JSONSchemaError(.invalidKeyword, at: path(key), "items must be a schema in 2020-12 (use prefixItems)") }
                    let prefix = try schemaArray(value, at: location.appending(key))
                    keywords.append(.prefixItems(prefix))
                    if object["additionalItems"] != nil {
                        keywords.append(.items(try node(for: location.appending("additionalItems")), from: prefix.count))
                    }
                } else {
                    let prefixCount = draft >= .draft2020_12 ? (object["prefixItems"]?.arrayValue?.count ?? 0) : 0
                    keywords.append(.items(try node(for: location.appending(key)), from: prefixCount))
                }
            case "contains":
                var minimum = 1
                var maximum: Int?
                if draft >= .draft2019_09 {
                    if let v = object["minContains"] { minimum = try count(v, at: path("minContains")) }
                    if let v = object["maxContains"] { maximum = try count(v, at: path("maxContains")) }
                }
                keywords.append(.contains(try node(for: location.appending(key)), min: minimum, max: maximum))
            case "uniqueItems":
                if value.boolValue == true { keywords.append(.uniqueItems) }
            case "allOf":
                keywords.append(.allOf(try schemaArray(value, at: location.appending(key), nonEmpty: true)))
            case "anyOf":
                keywords.append(.anyOf(try schemaArray(value, at: location.appending(key), nonEmpty: true)))
            case "oneOf":
                keywords.append(.oneOf(try schemaArray(value, at: location.appending(key), nonEmpty: true)))
            case "not":
                keywords.append(.not(try node(for: location.appending(key))))
            case "if":
                let thenNode = try object["then"].map { _ throws(JSONSchemaError) in try node(for: location.appending("then")) }
                let elseNode = try object["else"].map { _ throws(JSONSchemaError) in try node(for: location.appending("else")) }
                keywords.append(.conditional(if: try node(for: location.appending(key)), then: thenNode, else: elseNode))
            case "unevaluatedProperties" where draft >= .draft2019_09:
                keywords.append(.unevaluatedProperties(try node(for: location.appending(key))))
            case "unevaluatedItems" where draft >= .draft2019_09:
                keywords.append(.unevaluatedItems(try node(for: location.appending(key))))
            default:
                continue
            }
        }
        return keywords
    }

    static let validationKeywords: Set<String> = [
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
        "minProperties", "required", "dependentRequired",
    ]

    // MARK: - Keyword value helpers

    private mutating func reference(_ text: String, from info: LocatedSchema, at path: String) throws(JSONSchemaError) -> Int {
        try node(for: try referenceLocation(text, from: info, at: path))
    }

    private mutating func referenceLocation(_ text: String, from info: LocatedSchema, at path: String) throws(JSONSchemaError) -> SchemaLocation {
        let resolved = URIReference(parsing: text).resolved(against: URIReference(parsing: info.baseURI))
        guard let target = try index.locate(resolved, reference: text, external: options.externalSchemas, defaultDraft: info.draft) else {
            throw JSONSchemaError(.unresolvedReference, at: path, "cannot resolve \"\(text)\" (as \(resolved.text))")
        }
        return target
    }

    private func typeSet(_ value: JSONValue, at path: String) throws(JSONSchemaError) -> TypeSet {
        switch value {
        case .string(let name):
            guard let set = TypeSet(name: name) else { throw JSONSchemaError(.invalidKeyword, at: path, "unknown type \"\(name)\"") }
            return set
        case .array(let names):
            var set: TypeSet = []
            for name in names {
                guard case .string(let text) = name, let bit = TypeSet(name: text) else {
                    throw JSONSchemaError(.invalidKeyword, at: path, "type entries must be type names")
                }
                set.insert(bit)
            }
            return set
        default:
            throw JSONSchemaError(.invalidKeyword, at: path, "type must be a string or an array of strings")
        }
    }

    private func count(_ value: JSONValue, at path: String) throws(JSONSchemaError) -> Int {
        guard let n = value.integerValue, n >= 0 else { throw JSONSchemaError(.invalidKeyword, at: path, "must be a non-negative integer") }
        return Int(clamping: n)
    }

    private func stringArray(_ value: JSONValue, at path: String) throws(JSONSchemaError) -> [String] {
        guard case .array(let elements) = value else { throw JSONSchemaError(.invalidKeyword, at: path, "must be an array of strings") }
        var out: [String] = []
        for element in elements {
            guard case .string(let s) = element else { throw JSONSchemaError(.invalidKeyword, at: path, "must be an array of strings") }
            out.append(s)
        }
        return out
    }

    private mutating func pattern(_ source: String, at path: String) throws(JSONSchemaError) -> SchemaPattern {
        if let known = patterns[source] { return known }
        guard source.utf8.count <= options.limits.maxPatternLength else {
            throw JSONSchemaError(.invalidPattern, at: path, "pattern longer than \(options.limits.maxPatternLength) bytes")
        }
        let compiled: SchemaPattern
        do throws(RegexSyntaxError) {
            compiled = try SchemaPattern(source, allowBacktracking: options.limits.allowBacktrackingPatterns)
        } catch {
            switch error {
            case .invalid(let reason): throw JSONSchemaError(.invalidPattern, at: path, "\(reason) in /\(source)/")
            case .unsupportedFeature(let feature): throw JSONSchemaError(.invalidPattern, at: path, "unsupported \(feature) in /\(source)/")
            }
        }
        patternInstructions += compiled.size
        guard patternInstructions <= options.limits.maxPatternInstructions else {
            throw JSONSchemaError(.tooLarge, at: path, "patterns expand to more than \(options.limits.maxPatternInstructions) automaton states in total")
        }
        patterns[source] = compiled
        return compiled
    }

    private mutating func propertyTable(_ value: JSONValue, at location: SchemaLocation) throws(JSONSchemaError) -> PropertyTable {
        PropertyTable(try schemaMap(value, at: location).map { (name: $0.0, node: $0.1) })
    }

    private mutating func schemaMap(_ value: JSONValue, at location: SchemaLocation) throws(JSONSchemaError) -> [(String, Int)] {
        guard case .object(let members) = value else { throw JSONSchemaError(.invalidKeyword, at: index.describe(location), "must be an object of schemas") }
        var out: [(String, Int)] = []
        for member in members.members {
            out.append((member.key, try node(for: location.appending(member.key))))
        }
        return out
    }

    private mutating func patternTable(_ value: JSONValue, at location: SchemaLocation) throws(JSONSchemaError) -> [(SchemaPattern, Int)] {
        guard case .object(let members) = value else { throw JSONSchemaError(.invalidKeyword, at: index.describe(location), "must be an object of schemas") }
        var out: [(SchemaPattern, Int)] = []
        for member in members.members {
            let memberLocation = location.appending(member.key)
            out.append((try pattern(member.key, at: index.describe(memberLocation)), try node(for: memberLocation)))
        }
        return out
    }

    private mutating func dependentRequired(_ value: JSONValue, at location: SchemaLocation) throws(JSONSchemaError) -> [(String, [String])] {
        guard case .object(let members) = value else { throw JSONSchemaError(.invalidKeyword, at: index.describe(location), "must be an object") }
        var out: [(String, [String])] = []
        for member in members.members {
            out.append((member.key, try stringArray(member.value, at: index.describe(location.appending(member.key)))))
        }
        return out
    }

    private mutating func schemaArray(_ value: JSONValue, at location: SchemaLocation, nonEmpty: Bool = false) throws(JSONSchemaError) -> [Int] {
        guard case .array(let elements) = value, !(nonEmpty && elements.isEmpty) else {
            throw JSONSchemaError(.invalidKeyword, at: index.describe(location), nonEmpty ? "must be a non-empty array of schemas" : "must be an array of schemas")
        }
        var out: [Int] = []
        for i in elements.indices {
            out.append(try node(for: location.appending(i)))
        }
        return out
    }

    // MARK: - Cycles

    /// A cycle through `$ref`/`allOf` alone re-enters the same subschema on the same instance forever; refuse it
    /// at compile time. Cycles that pass through a child instance are ordinary recursion and fine.
    private func checkReferenceCycles() throws(JSONSchemaError) {
        var state = [UInt8](repeating: 0, count: nodes.count) // 0 new, 1 on stack, 2 done
        for start in nodes.indices where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let edges = inPlaceEdges(top.node)
                if top.next < edges.count {
                    stack[stack.count - 1].next += 1
                    let target = edges[top.next]
                    if state[target] == 1 {
                        throw JSONSchemaError(.referenceCycle, at: nodes[target]?.location ?? "#", "reference cycle that never reaches a child value (would loop forever)")
                    }
                    if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    private func inPlaceEdges(_ id: Int) -> [Int] {
        guard let node = nodes[id], case .keywords(let keywords) = node.body else { return [] }
        var edges: [Int] = []
        for keyword in keywords {
            switch keyword {
            case .ref(let target): edges.append(target)
            case .allOf(let children): edges.append(contentsOf: children)
            default: continue
            }
        }
        return edges
    }
}
