import Avro
import JSONValue
import RegistryCore

/// A registry as the baseline, through `SchemaRegistryService`, so a remote registry (HTTP client) and an
/// offline database (in-process `Registry` over the file) behave the same.
///
/// Referenced schemas are cached by global id: a shared type referenced by hundreds of subjects is fetched and
/// parsed once, and its named types are handed to the schemas that use it rather than re-parsed inside each.
///
/// The actor only guards the caches: parsing, the bulk of a large check, runs outside it (the lookups are
/// `nonisolated`), so the check engine can compare several subjects at once on several cores.
public actor RegistryBaseline: CheckBaseline {
    public nonisolated let label: String
    let service: any SchemaRegistryService
    private var parsedByID: [Int: FolderSchema] = [:]
    private var versionsByKey: [SubjectVersionRef: StoredSchema] = [:]

    public init(service: any SchemaRegistryService, label: String = "registry") {
        self.service = service
        self.label = label
    }

    public nonisolated func previousVersions(of subject: String, all: Bool) async throws(BaselineError) -> [BaselineVersion] {
        let numbers: [Int]
        do {
            numbers = try await service.versions(subject: subject, includeDeleted: false, deletedOnly: false)
        } catch {
            if case .subjectNotFound = error { return [] }
            throw BaselineError("\(label): cannot list versions of '\(subject)': \(error.message)")
        }
        let chosen = all ? numbers : Array(numbers.suffix(1))
        var result: [BaselineVersion] = []
        result.reserveCapacity(chosen.count)
        for number in chosen {
            let stored = try await stored(subject: subject, version: number)
            result.append(BaselineVersion(label: "\(label) version \(number)", schema: try await parsed(stored, subject: subject, version: number)))
        }
        return result
    }

    public nonisolated func compatibilityLevel(of subject: String) async throws(BaselineError) -> CompatibilityLevel? {
        do {
            return try await service.compatibilityLevel(subject: subject, defaultToGlobal: true)
        } catch {
            if case .subjectConfigNotFound = error { return nil }
            if case .subjectNotFound = error { return nil }
            throw BaselineError("\(label): cannot read the compatibility level of '\(subject)': \(error.message)")
        }
    }

    /// `keep` for referenced versions, which many schemas ask for again.
    private func stored(subject: String, version: Int, keep: Bool = false) async throws(BaselineError) -> StoredSchema {
        let key = SubjectVersionRef(subject: subject, version: version)
        if let cached = versionsByKey[key] { return cached }
        do {
            let found = try await service.version(subject: subject, .number(version), includeDeleted: true).schema
            if keep { versionsByKey[key] = found }
            return found
        } catch {
            throw BaselineError("\(label): cannot read '\(subject)' version \(version): \(error.message)")
        }
    }

    private func cachedParse(_ id: Int) -> FolderSchema? { parsedByID[id] }

    private func remember(_ schema: FolderSchema, id: Int) { parsedByID[id] = schema }

    /// Parses outside the actor; two subjects racing to parse the same id both succeed and one result is kept.
    /// A referenced schema is parsed once (and cached by id) and its named types handed to every schema using
    /// it, instead of re-parsing its text inside each of them.
    nonisolated func parsed(_ stored: StoredSchema, subject: String, version: Int, depth: Int = 0) async throws(BaselineError) -> FolderSchema {
        if let cached = await cachedParse(stored.id) { return cached }
        // References are registered before the schemas using them, so a chain this long is a damaged store.
        guard depth < 64 else {
            throw BaselineError("\(label): '\(subject)' version \(version): references nest more than 64 deep")
        }
        let schema: FolderSchema
        switch stored.schemaType {
        case .avro: schema = .avro(try await parsedAvro(stored, subject: subject, version: version, depth: depth))
        case .json: schema = .json(try await parsedJSON(stored, subject: subject, version: version, depth: depth))
        case .protobuf:
            throw BaselineError("\(label): '\(subject)' version \(version) is a PROTOBUF schema; only Avro and JSON Schema are checked")
        }
        // Only referenced schemas are kept: they are met again by every schema using them, while a subject's own
        // versions are compared once and then dropped, which keeps a large check's memory flat.
        if depth > 0 { await remember(schema, id: stored.id) }
        return schema
    }

    private nonisolated func parsedAvro(_ stored: StoredSchema, subject: String, version: Int, depth: Int) async throws(BaselineError) -> AvroParsedSchema {
        var known: [String: AvroSchema] = [:]
        for reference in stored.references {
            let target = try await self.stored(subject: reference.subject, version: reference.version, keep: true)
            guard case .avro(let dependency) = try await parsed(target, subject: reference.subject, version: reference.version, depth: depth + 1) else {
                throw BaselineError("\(label): '\(subject)' version \(version) references '\(reference.subject)', which is not an Avro schema")
            }
            for (name, definition) in dependency.names.named {
                if let existing = known[name], existing != definition {
                    throw BaselineError("\(label): '\(subject)' version \(version): named type '\(name)' is defined differently by two of its references")
                }
                known[name] = definition
            }
        }
        do {
            return try AvroSchemaParser.parse(json: try JSONParser.parse(stored.schema), knownNames: AvroSchemaSet(named: known))
        } catch let error as JSONParseError {
            throw BaselineError("\(label): '\(subject)' version \(version) is not valid JSON: \(error.description)")
        } catch let error as AvroSchemaError {
            throw BaselineError("\(label): '\(subject)' version \(version) does not parse: \(error.description)")
        } catch {
            throw BaselineError("\(label): '\(subject)' version \(version) does not parse: \(error)")
        }
    }

    /// A JSON Schema with the documents its references reach, by reference name, as the registry resolves them.
    private nonisolated func parsedJSON(_ stored: StoredSchema, subject: String, version: Int, depth: Int) async throws(BaselineError) -> JSONFolderSchema {
        var references: [String: JSONValue] = [:]
        for reference in stored.references {
            let target = try await self.stored(subject: reference.subject, version: reference.version, keep: true)
            guard case .json(let dependency) = try await parsed(target, subject: reference.subject, version: reference.version, depth: depth + 1) else {
                throw BaselineError("\(label): '\(subject)' version \(version) references '\(reference.subject)', which is not a JSON schema")
            }
            references.merge(dependency.references) { mine, _ in mine }
            references[reference.name] = dependency.root
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(stored.schema)
        } catch {
            throw BaselineError("\(label): '\(subject)' version \(version) is not valid JSON: \(error.description)")
        }
        do {
            return try JSONFolderSchema(compiling: root, references: references)
        } catch {
            throw BaselineError("\(label): '\(subject)' version \(version) does not compile: \(error.description)")
        }
    }
}
