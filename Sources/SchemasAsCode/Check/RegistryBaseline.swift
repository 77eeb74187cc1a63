import Avro
import JSONValue
import RegistryCore

/// A registry as the baseline, through `SchemaRegistryService`, so a remote registry (HTTP client) and an
/// offline database (in-process `Registry` over the file) behave the same.
///
/// Parsed schemas are cached by global id: a shared type referenced by hundreds of subjects, or one schema
/// registered under several subjects, is fetched and parsed once. Referenced schemas are kept as decoded JSON,
/// so a type embedded by every version of every subject is decoded once per version of its own.
///
/// The actor only guards the caches: parsing, the bulk of a large check, runs outside it (the lookups are
/// `nonisolated`), so the check engine can compare several subjects at once on several cores.
public actor RegistryBaseline: CheckBaseline {
    public nonisolated let label: String
    let service: any SchemaRegistryService
    private var parsedByID: [Int: AvroParsedSchema] = [:]
    private var versionsByKey: [SubjectVersionRef: StoredSchema] = [:]
    private var documentsByKey: [SubjectVersionRef: JSONValue] = [:]

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

    private func stored(subject: String, version: Int) async throws(BaselineError) -> StoredSchema {
        let key = SubjectVersionRef(subject: subject, version: version)
        if let cached = versionsByKey[key] { return cached }
        do {
            let found = try await service.version(subject: subject, .number(version), includeDeleted: true).schema
            versionsByKey[key] = found
            return found
        } catch {
            throw BaselineError("\(label): cannot read '\(subject)' version \(version): \(error.message)")
        }
    }

    private func cachedParse(_ id: Int) -> AvroParsedSchema? { parsedByID[id] }

    private func remember(_ schema: AvroParsedSchema, id: Int) { parsedByID[id] = schema }

    /// Parses outside the actor; two subjects racing to parse the same id both succeed and one result is kept.
    nonisolated func parsed(_ stored: StoredSchema, subject: String, version: Int) async throws(BaselineError) -> AvroParsedSchema {
        if let cached = await cachedParse(stored.id) { return cached }
        guard stored.schemaType == .avro else {
            throw BaselineError("\(label): '\(subject)' version \(version) is a \(stored.schemaType.rawValue) schema; only Avro is checked")
        }
        let references = try await referenceDocuments(stored.references)
        let schema: AvroParsedSchema
        do {
            schema = try AvroSchemaParser.parse(json: try JSONParser.parse(stored.schema), references: references)
        } catch let error as JSONParseError {
            throw BaselineError("\(label): '\(subject)' version \(version) is not valid JSON: \(error.description)")
        } catch let error as AvroSchemaError {
            throw BaselineError("\(label): '\(subject)' version \(version) does not parse: \(error.description)")
        } catch {
            throw BaselineError("\(label): '\(subject)' version \(version) does not parse: \(error)")
        }
        await remember(schema, id: stored.id)
        return schema
    }

    /// The decoded documents of `references` and everything they reference, dependencies first, each once.
    func referenceDocuments(_ references: [SchemaReference]) async throws(BaselineError) -> [JSONValue] {
        var documents: [JSONValue] = []
        var seen = Set<SubjectVersionRef>()
        // Explicit stack of (reference, children done) to walk dependencies first without recursion.
        var stack: [(SubjectVersionRef, Bool)] = references.reversed().map { (SubjectVersionRef(subject: $0.subject, version: $0.version), false) }
        while let (key, expanded) = stack.popLast() {
            if seen.contains(key) { continue }
            let schema = try await stored(subject: key.subject, version: key.version)
            if expanded {
                seen.insert(key)
                documents.append(try document(of: schema, key: key))
            } else {
                stack.append((key, true))
                for child in schema.references.reversed() {
                    let childKey = SubjectVersionRef(subject: child.subject, version: child.version)
                    if !seen.contains(childKey) { stack.append((childKey, false)) }
                }
            }
        }
        return documents
    }

    private func document(of schema: StoredSchema, key: SubjectVersionRef) throws(BaselineError) -> JSONValue {
        if let cached = documentsByKey[key] { return cached }
        do {
            let document = try JSONParser.parse(schema.schema)
            documentsByKey[key] = document
            return document
        } catch {
            throw BaselineError("\(label): referenced '\(key.subject)' version \(key.version) is not valid JSON: \(error.description)")
        }
    }
}
