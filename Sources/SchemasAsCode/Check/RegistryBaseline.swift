import Avro
import RegistryCore

/// A registry as the baseline, through `SchemaRegistryService`, so a remote registry (HTTP client) and an
/// offline database (in-process `Registry` over the file) behave the same.
///
/// Parsed schemas are cached by global id: a shared type referenced by hundreds of subjects, or one schema
/// registered under several subjects, is fetched and parsed once.
public actor RegistryBaseline: CheckBaseline {
    public nonisolated let label: String
    let service: any SchemaRegistryService
    private var parsedByID: [Int: AvroParsedSchema] = [:]
    private var versionsByKey: [SubjectVersionRef: StoredSchema] = [:]

    public init(service: any SchemaRegistryService, label: String = "registry") {
        self.service = service
        self.label = label
    }

    public func previousVersions(of subject: String, all: Bool) async throws(BaselineError) -> [BaselineVersion] {
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

    public func compatibilityLevel(of subject: String) async throws(BaselineError) -> CompatibilityLevel? {
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

    private func parsed(_ stored: StoredSchema, subject: String, version: Int) async throws(BaselineError) -> AvroParsedSchema {
        if let cached = parsedByID[stored.id] { return cached }
        guard stored.schemaType == .avro else {
            throw BaselineError("\(label): '\(subject)' version \(version) is a \(stored.schemaType.rawValue) schema; only Avro is checked")
        }
        let references = try await referenceTexts(stored.references)
        do {
            let schema = try AvroSchemaParser.parse(stored.schema, references: references)
            parsedByID[stored.id] = schema
            return schema
        } catch {
            throw BaselineError("\(label): '\(subject)' version \(version) does not parse: \(error.description)")
        }
    }

    /// The texts of `references` and everything they reference, dependencies first, each once.
    func referenceTexts(_ references: [SchemaReference]) async throws(BaselineError) -> [String] {
        var texts: [String] = []
        var seen = Set<SubjectVersionRef>()
        // Explicit stack of (reference, children done) to walk dependencies first without recursion.
        var stack: [(SubjectVersionRef, Bool)] = references.reversed().map { (SubjectVersionRef(subject: $0.subject, version: $0.version), false) }
        while let (key, expanded) = stack.popLast() {
            if seen.contains(key) { continue }
            let schema = try await stored(subject: key.subject, version: key.version)
            if expanded {
                seen.insert(key)
                texts.append(schema.schema)
            } else {
                stack.append((key, true))
                for child in schema.references.reversed() {
                    let childKey = SubjectVersionRef(subject: child.subject, version: child.version)
                    if !seen.contains(childKey) { stack.append((childKey, false)) }
                }
            }
        }
        return texts
    }
}
