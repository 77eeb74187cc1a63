import JSONValue

/// Every identifier in the loaded documents: resources by `$id`, anchors, and the base URI/draft at each
/// subschema. Built by walking only keywords known to hold subschemas, so an `$id` inside `enum`, `const` or an
/// unknown keyword is data, as the specification requires.
struct SchemaIndex {
    private(set) var documents: [(uri: String, value: JSONValue)] = []
    private(set) var resources: [String: SchemaResource] = [:]
    private(set) var anchors: [String: SchemaLocation] = [:]
    private(set) var located: [SchemaLocation: LocatedSchema] = [:]
    let limits: JSONSchemaLimits
    let external: [String: JSONValue]

    init(limits: JSONSchemaLimits, external: [String: JSONValue]) {
        self.limits = limits
        self.external = external
    }

    /// Adds a document under `uri` (absolute, no fragment) and indexes it.
    mutating func addDocument(_ value: JSONValue, uri: String, draft defaultDraft: JSONSchemaDraft) throws(JSONSchemaError) -> SchemaLocation {
        let index = documents.count
        documents.append((uri, value))
        let root = SchemaLocation(document: index, pointer: "")
        let draft = Self.declaredDraft(value) ?? defaultDraft
        resources[uri] = resources[uri] ?? SchemaResource(location: root, draft: draft)
        try walk(value, at: root, base: uri, draft: draft, vocabulary: true, depth: 0)
        return root
    }

    /// For a custom `$schema`: the draft its meta-schema follows and whether it enables the validation vocabulary.
    private func customMetaSchema(_ value: JSONValue) -> (JSONSchemaDraft?, Bool)? {
        guard let uri = value["$schema"]?.stringValue, JSONSchemaDraft(metaSchemaURI: uri) == nil else { return nil }
        var key = uri
        if key.hasSuffix("#") { key.removeLast() }
        guard let meta = external[key] ?? MetaSchemas.document(for: key) else { return nil }
        guard case .object(let vocabularies)? = meta["$vocabulary"] else { return (Self.declaredDraft(meta), true) }
        let validation = vocabularies.keys.contains { $0.hasSuffix("/vocab/validation") }
        return (Self.declaredDraft(meta), validation)
    }

    static func declaredDraft(_ value: JSONValue) -> JSONSchemaDraft? {
        guard let uri = value["$schema"]?.stringValue else { return nil }
        return JSONSchemaDraft(metaSchemaURI: uri)
    }

    /// The subschema's absolute URI: its resource's `$id` plus a pointer from that resource, the form error
    /// schema paths use ("https://example.com/order#/properties/id").
    func describe(_ location: SchemaLocation) -> String {
        if let base = located[location]?.baseURI, let resource = resources[base]?.location,
           resource.document == location.document, location.pointer.hasPrefix(resource.pointer) {
            return base + "#" + location.pointer.dropFirst(resource.pointer.count)
        }
        let uri = location.document < documents.count ? documents[location.document].uri : "?"
        return uri + "#" + location.pointer
    }

    private mutating func walk(_ value: JSONValue, at location: SchemaLocation, base inherited: String, draft inheritedDraft: JSONSchemaDraft, vocabulary inheritedVocabulary: Bool, depth: Int) throws(JSONSchemaError) {
        guard depth <= limits.maxSchemaDepth else {
            throw JSONSchemaError(.tooDeep, at: describe(location), "subschemas nested deeper than \(limits.maxSchemaDepth) levels")
        }
        guard case .object(let object) = value else {
            located[location] = LocatedSchema(value: value, baseURI: inherited, draft: inheritedDraft, validationVocabulary: inheritedVocabulary)
            return
        }
        var draft = Self.declaredDraft(value) ?? inheritedDraft
        var vocabulary = inheritedVocabulary
        if let (metaDraft, validation) = customMetaSchema(value) {
            draft = metaDraft ?? draft
            vocabulary = validation
        }
        var base = inherited
        let idIgnored = draft == .draft7 && object["$ref"] != nil
        if !idIgnored, let id = object["$id"]?.stringValue {
            let resolved = URIReference(parsing: id).resolved(against: URIReference(parsing: inherited))
            if draft == .draft7, let fragment = resolved.fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
                // Draft 7 spells plain-name anchors as `$id: "#name"`.
                anchors[resolved.withoutFragment + "#" + fragment] = location
            } else {
                base = resolved.withoutFragment
                if resources[base] == nil || location.pointer.isEmpty || resources[base]?.location != location {
                    resources[base] = SchemaResource(location: location, draft: draft)
                }
            }
        }
        if draft >= .draft2019_09 {
            if let anchor = object["$anchor"]?.stringValue {
                anchors[base + "#" + anchor] = location
            }
            if draft >= .draft2020_12, let anchor = object["$dynamicAnchor"]?.stringValue {
                anchors[base + "#" + anchor] = location
                resources[base]?.dynamicAnchors[anchor] = location
            }
            if draft == .draft2019_09, object["$recursiveAnchor"]?.boolValue == true {
                resources[base]?.recursiveAnchor = true
            }
        }
        located[location] = LocatedSchema(value: value, baseURI: base, draft: draft, validationVocabulary: vocabulary)
        for (key, child) in object.members {
            switch Self.childShape(of: key, draft: draft, value: child) {
            case .none:
                continue
            case .single:
                try walk(child, at: location.appending(key), base: base, draft: draft, vocabulary: vocabulary, depth: depth + 1)
            case .array:
                guard case .array(let elements) = child else { continue }
                let keyLocation = location.appending(key)
                for (i, element) in elements.enumerated() {
                    try walk(element, at: keyLocation.appending(i), base: base, draft: draft, vocabulary: vocabulary, depth: depth + 1)
                }
            case .map:
                guard case .object(let members) = child else { continue }
                let keyLocation = location.appending(key)
                for member in members.members {
                    if key == "dependencies", case .array = member.value { continue }
                    try walk(member.value, at: keyLocation.appending(member.key), base: base, draft: draft, vocabulary: vocabulary, depth: depth + 1)
                }
            }
        }
    }

    enum ChildShape { case none, single, array, map }

    /// Which keywords hold subschemas, and in what shape.
    static func childShape(of keyword: String, draft: JSONSchemaDraft, value: JSONValue) -> ChildShape {
        switch keyword {
        case "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else", "contentSchema":
            return .single
        case "unevaluatedProperties", "unevaluatedItems":
            return draft >= .draft2019_09 ? .single : .none
        case "additionalItems":
            return draft < .draft2020_12 ? .single : .none
        case "items":
            if case .array = value { return draft < .draft2020_12 ? .array : .none }
            return .single
        case "allOf", "anyOf", "oneOf":
            return .array
        case "prefixItems":
            return draft >= .draft2020_12 ? .array : .none
        case "properties", "patternProperties", "$defs", "definitions":
            return .map
        case "dependentSchemas":
            return draft >= .draft2019_09 ? .map : .none
        case "dependencies":
            return draft == .draft7 ? .map : .none
        default:
            return .none
        }
    }

    /// Finds the subschema a resolved absolute URI names, loading it from `external` if needed.
    /// `reference` is the `$ref` text as written: Confluent-style references name other schemas ("customer.json")
    /// rather than giving absolute URIs, so the external map is also consulted by that name.
    mutating func locate(_ uri: URIReference, reference: String, external: [String: JSONValue], defaultDraft: JSONSchemaDraft) throws(JSONSchemaError) -> SchemaLocation? {
        let resourceURI = uri.withoutFragment
        if resources[resourceURI] == nil {
            let name = URIReference(parsing: reference).withoutFragment
            guard let document = external[resourceURI] ?? external[resourceURI + "#"] ?? (name.isEmpty ? nil : external[name])
                    ?? MetaSchemas.document(for: resourceURI) else { return nil }
            _ = try addDocument(document, uri: resourceURI, draft: defaultDraft)
        }
        let fragment = uri.fragment ?? ""
        if fragment.isEmpty { return resources[resourceURI]?.location }
        if let tokens = JSONPointer.tokens(fromFragment: fragment) {
            guard let root = resources[resourceURI]?.location else { return nil }
            return try resolvePointer(tokens, from: root)
        }
        return anchors[resourceURI + "#" + fragment]
    }

    /// Follows a pointer, noting subschemas the walk never visited (pointers into unknown keywords are legal).
    private mutating func resolvePointer(_ tokens: [String], from root: SchemaLocation) throws(JSONSchemaError) -> SchemaLocation? {
        guard var info = located[root] else { return nil }
        var current = info.value
        var location = root
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let i = Int(token), i >= 0, i < elements.count else { return nil }
                current = elements[i]
            default:
                return nil
            }
            location = location.appending(token)
            if let known = located[location] { info = known }
        }
        if located[location] == nil {
            located[location] = LocatedSchema(value: current, baseURI: info.baseURI, draft: info.draft, validationVocabulary: info.validationVocabulary)
        }
        return location
    }
}
