/// A submission turned into what the registry compares and stores.
struct PreparedSchema: Sendable {
    var parsed: any ParsedSchema
    /// Stored text (canonical, or normalized with `normalize=true`) + type + references with concrete versions.
    var identity: SchemaIdentity
    /// Every schema the references reach, dependencies first: what the format was given to parse with.
    var resolved: [ResolvedReference]
}

extension Registry {
    func format(_ type: SchemaType) throws(RegistryError) -> any SchemaFormat {
        guard let format = formats[type] else { throw .invalidSchema("Invalid schema type \(type.rawValue)") }
        return format
    }

    /// The identity a submission would be stored under, from the cache when this exact text was seen before.
    /// Still refuses what `prepare` refuses, because a text only enters the cache after parsing once.
    func identity(of submission: SchemaSubmission, normalize: Bool) throws(RegistryError) -> SchemaIdentity {
        let key = IdentityCache.key(submission, normalize: normalize)
        if let key, let cached = identityCache.get(key) { return cached }
        let identity = try prepare(submission, normalize: normalize).identity
        if let key { identityCache.put(key, identity) }
        return identity
    }

    /// Resolves references against the current index, parses, and computes the identity.
    func prepare(_ submission: SchemaSubmission, normalize: Bool) throws(RegistryError) -> PreparedSchema {
        let format = try format(submission.schemaType)
        let (references, resolved) = try read { (s: borrowing RegistryState) throws(RegistryError) in
            try Self.resolve(submission.references, in: s)
        }
        let parsed: any ParsedSchema
        do {
            parsed = try format.parse(submission.schema, references: resolved)
        } catch {
            throw .invalidSchema(error.description)
        }
        let text = normalize ? parsed.normalizedText : parsed.canonicalText
        return PreparedSchema(
            parsed: parsed,
            identity: SchemaIdentity(schemaType: submission.schemaType, text: text, references: references),
            resolved: resolved)
    }

    /// References with `-1` replaced by the then-latest version, and the transitive closure they reach.
    static func resolve(_ references: [SchemaReference], in s: borrowing RegistryState) throws(RegistryError) -> ([SchemaReference], [ResolvedReference]) {
        var concrete: [SchemaReference] = []
        var closure: [ResolvedReference] = []
        var seen = Set<SubjectVersionRef>()
        for reference in references {
            guard !reference.name.isEmpty, !reference.subject.isEmpty else {
                throw .invalidSchema("reference with empty name or subject")
            }
            let version: Int
            if reference.version == -1 {
                guard let latest = s.liveVersions(reference.subject).last else {
                    throw .invalidSchema("reference '\(reference.name)': subject '\(reference.subject)' has no live version")
                }
                version = latest.version
            } else {
                version = reference.version
            }
            let pinned = SchemaReference(name: reference.name, subject: reference.subject, version: version)
            concrete.append(pinned)
            try collect(pinned, in: s, into: &closure, seen: &seen, depth: 0)
        }
        return (concrete, closure)
    }

    /// Depth-first, dependencies before dependents; a depth bound guards against cycles written in IMPORT mode.
    private static func collect(_ reference: SchemaReference, in s: borrowing RegistryState, into closure: inout [ResolvedReference], seen: inout Set<SubjectVersionRef>, depth: Int) throws(RegistryError) {
        let key = SubjectVersionRef(subject: reference.subject, version: reference.version)
        guard !seen.contains(key) else { return }
        guard depth < 64 else { throw .invalidSchema("references nested deeper than 64 levels at '\(reference.subject)'") }
        guard let entry = s.subjects[reference.subject]?.first(where: { $0.version == reference.version }),
              let row = s.schemas[entry.schemaID]
        else {
            throw .invalidSchema("reference '\(reference.name)': subject '\(reference.subject)' version \(reference.version) not found")
        }
        seen.insert(key)
        for inner in row.schema.references {
            try collect(inner, in: s, into: &closure, seen: &seen, depth: depth + 1)
        }
        closure.append(ResolvedReference(
            name: reference.name, subject: reference.subject, version: reference.version,
            schemaType: row.schema.schemaType, schema: row.schema.schema))
    }

    /// A stored schema, parsed once and cached by id.
    func parsedSchema(id: Int) throws(RegistryError) -> any ParsedSchema {
        if let cached = parsedCache.get(id) { return cached }
        let (schema, resolved) = try read { (s: borrowing RegistryState) throws(RegistryError) in
            guard let row = s.schemas[id] else { throw RegistryError.schemaNotFound(id: id) }
            return (row.schema, try Self.resolve(row.schema.references, in: s).1)
        }
        let format = try format(schema.schemaType)
        let parsed: any ParsedSchema
        do {
            parsed = try format.parse(schema.schema, references: resolved)
        } catch {
            throw .invalidSchema("stored schema \(id) no longer parses: \(error.description)")
        }
        parsedCache.put(id, parsed)
        return parsed
    }
}
