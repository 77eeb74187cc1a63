import Avro
import JSONValue
import RegistryCore

/// Parses an Avro subject of a folder with the named types of the subjects it references.
enum AvroFolderParsing {
    static func parse(_ entry: ManifestSubject, document: JSONValue, text: String, file: String, dependencies: [String],
                      parsed: [String: FolderSchema], documents: [String: JSONValue]) -> SubjectParse {
        do {
            if let known = knownNames(dependencies, parsed: parsed) {
                return .parsed(.avro(try AvroSchemaParser.parse(json: document, knownNames: known)))
            }
            // Two dependencies disagree on a name: parsing their texts in order reports where.
            return .parsed(.avro(try AvroSchemaParser.parse(json: document, references: dependencies.compactMap { documents[$0] })))
        } catch {
            return .failed(parseProblem(error, subject: entry, file: file, text: text))
        }
    }

    /// The named types of already parsed dependencies, so a shared type is parsed once for the whole folder
    /// rather than inside every schema using it; `nil` when two of them define one name differently.
    static func knownNames(_ dependencies: [String], parsed: [String: FolderSchema]) -> AvroSchemaSet? {
        var known: [String: AvroSchema] = [:]
        for dependency in dependencies {
            for (name, definition) in parsed[dependency]?.avro?.names.named ?? [:] {
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
}
