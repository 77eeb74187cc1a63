import Avro
import JSONValue
import RegistryCore

/// Every schema of a folder parsed once, each with the schemas it references (dependencies first), so the
/// check, plan and examples all use the same parsed values.
public struct FolderSchemas: Sendable {
    public let folder: SchemaFolder
    /// Parsed schemas by subject; subjects whose schema (or a dependency's) is broken are absent.
    public let parsed: [String: AvroParsedSchema]
    public let problems: [Problem]

    public init(_ folder: SchemaFolder) {
        self.folder = folder
        var documents: [String: JSONValue] = [:]
        var parsed: [String: AvroParsedSchema] = [:]
        var problems: [Problem] = []
        let manifest = folder.manifest
        for subject in folder.order {
            guard let entry = manifest.subject(subject), let text = folder.texts[entry.file] else { continue }
            let file = folder.displayPath(entry.file)
            let document: JSONValue
            do {
                document = try JSONParser.parse(text)
            } catch {
                problems.append(Problem(kind: .schemaInvalid, file: file, line: Self.line(ofByte: error.offset, in: text),
                                        subject: subject, message: "not valid JSON: \(error.message)",
                                        hint: "fix the JSON syntax near this line"))
                continue
            }
            documents[subject] = document
            let dependencies = DependencyOrder.closure(of: subject, in: manifest)
            if let broken = dependencies.first(where: { parsed[$0] == nil }) {
                problems.append(Problem(kind: .referenceBroken, file: file, line: 1, subject: subject,
                                        message: "subject '\(subject)' references '\(broken)', whose schema is broken or missing",
                                        hint: "fix '\(broken)' first; this schema is checked once it parses"))
                continue
            }
            do {
                if let known = Self.knownNames(dependencies, parsed: parsed) {
                    parsed[subject] = try AvroSchemaParser.parse(json: document, knownNames: known)
                } else {
                    // Two dependencies disagree on a name: parsing their texts in order reports where.
                    parsed[subject] = try AvroSchemaParser.parse(json: document, references: dependencies.compactMap { documents[$0] })
                }
            } catch {
                problems.append(Self.parseProblem(error, subject: entry, file: file, text: text))
            }
        }
        self.parsed = parsed
        self.problems = problems
    }

    /// The named types of already parsed dependencies, so a shared type is parsed once for the whole folder
    /// rather than inside every schema using it; `nil` when two of them define one name differently.
    static func knownNames(_ dependencies: [String], parsed: [String: AvroParsedSchema]) -> AvroSchemaSet? {
        var known: [String: AvroSchema] = [:]
        for dependency in dependencies {
            for (name, definition) in parsed[dependency]?.names.named ?? [:] {
                if let existing = known[name], existing != definition { return nil }
                known[name] = definition
            }
        }
        return AvroSchemaSet(named: known)
    }

    static func parseProblem(_ error: AvroSchemaError, subject: ManifestSubject, file: String, text: String) -> Problem {
        let line = JSONSourceMap(text).line(of: error.path)
        let pointer = error.path.isEmpty ? nil : error.path
        if error.message.hasPrefix("unknown type") {
            return Problem(kind: .referenceBroken, file: file, line: line, pointer: pointer, subject: subject.subject,
                           message: error.message,
                           hint: "if the type lives in another subject, list it under `references:` of '\(subject.subject)' in registry.yaml with its full name; otherwise check the name and namespace")
        }
        return Problem(kind: .schemaInvalid, file: file, line: line, pointer: pointer, subject: subject.subject,
                       message: error.message, hint: "fix the schema at \(pointer ?? "the top level") (Avro 1.12 specification)")
    }

    static func line(ofByte offset: Int, in text: String) -> Int {
        var line = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        return line
    }
}
