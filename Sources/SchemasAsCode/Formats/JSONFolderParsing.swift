import JSONSchema
import JSONValue
import RegistryCore

/// Compiles a JSON Schema subject of a folder. References are Confluent's: each manifest reference's `name` is
/// what a `$ref` in the schema (or in a referenced schema) uses to reach the referenced subject's document.
enum JSONFolderParsing {
    static func parse(_ entry: ManifestSubject, document: JSONValue, text: String, file: String,
                      parsed: [String: FolderSchema]) -> SubjectParse {
        switch document {
        case .object, .bool: break
        default:
            return .failed(Problem(kind: .schemaInvalid, file: file, line: 1, subject: entry.subject,
                                    message: "a JSON Schema is an object or a boolean, not \(document.typeName)",
                                    hint: "start the file with `{\"type\": \"object\", ...}`"))
        }
        var references: [String: JSONValue] = [:]
        for reference in entry.references {
            guard case .json(let target)? = parsed[reference.subject] else { continue }
            // A referenced schema's own references must resolve too; the nearer name wins on a clash.
            references.merge(target.references) { mine, _ in mine }
            references[reference.name] = target.root
        }
        do {
            return .parsed(.json(try JSONFolderSchema(compiling: document, references: references)))
        } catch {
            return .failed(problem(error, entry: entry, file: file, text: text))
        }
    }

    static func problem(_ error: JSONSchemaError, entry: ManifestSubject, file: String, text: String) -> Problem {
        let pointer = JSONFolderSchema.pointer(ofCompilerLocation: error.location)
        let inThisFile = pointer.isEmpty || pointer.hasPrefix("/")
        let line = inThisFile ? JSONSourceMap(text).line(of: pointer) : 1
        let shown = inThisFile ? (pointer.isEmpty ? nil : pointer) : nil
        let place = inThisFile ? "" : " (in \(pointer))"
        if error.kind == .unresolvedReference {
            return Problem(kind: .referenceBroken, file: file, line: line, pointer: shown, subject: entry.subject,
                           message: error.message + place,
                           hint: "a `$ref` to another subject's schema uses a reference name: list it under `references:` of '\(entry.subject)' in registry.yaml (`name:` exactly as the `$ref` writes it)")
        }
        return Problem(kind: .schemaInvalid, file: file, line: line, pointer: shown, subject: entry.subject,
                       message: "\(error.message) (\(error.kind.rawValue))" + place,
                       hint: "fix the schema at \(shown ?? "the top level") (JSON Schema draft 2020-12 unless `$schema` names another)")
    }
}
