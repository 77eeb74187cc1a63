import Avro
import JSONValue
import RegistryCore

/// Every schema of a folder parsed once, each with the schemas it references (dependencies first), so the
/// check, plan and examples all use the same parsed values.
public struct FolderSchemas: Sendable {
    public let folder: SchemaFolder
    /// Parsed schemas by subject; subjects whose schema (or a dependency's) is broken are absent.
    public let parsed: [String: FolderSchema]
    public let problems: [Problem]

    public init(_ folder: SchemaFolder) {
        self.folder = folder
        var documents: [String: JSONValue] = [:]
        var parsed: [String: FolderSchema] = [:]
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
            if let foreign = dependencies.first(where: { parsed[$0]?.schemaType != entry.schemaType }) {
                let other = parsed[foreign]?.schemaType.rawValue ?? "?"
                problems.append(Problem(kind: .referenceBroken, file: file, line: 1, subject: subject,
                                        message: "subject '\(subject)' is \(entry.schemaType.rawValue) but references '\(foreign)', which is \(other)",
                                        hint: "a schema can only reference schemas of its own type"))
                continue
            }
            let result: SubjectParse
            switch entry.schemaType {
            case .avro:
                result = AvroFolderParsing.parse(entry, document: document, text: text, file: file,
                                                 dependencies: dependencies, parsed: parsed, documents: documents)
            case .json:
                result = JSONFolderParsing.parse(entry, document: document, text: text, file: file, parsed: parsed)
            case .protobuf:
                // The manifest loader refuses Protobuf entries; nothing reaches here.
                continue
            }
            switch result {
            case .parsed(let schema): parsed[subject] = schema
            case .failed(let problem): problems.append(problem)
            }
        }
        self.parsed = parsed
        self.problems = problems
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

/// One subject's schema parsed, or the problem that kept it from parsing.
enum SubjectParse {
    case parsed(FolderSchema)
    case failed(Problem)
}
