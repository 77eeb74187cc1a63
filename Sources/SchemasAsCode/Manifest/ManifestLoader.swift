import RegistryCore
import Yams

/// Reads `registry.yaml`. Unknown keys are errors, not ignored, so a typo such as `compatability:` cannot
/// silently leave a subject at the wrong level. Every problem is collected, each with its line.
public enum ManifestLoader {
    public static let fileName = "registry.yaml"
    /// The only manifest format version so far; written so later formats can be told apart.
    public static let formatVersion = 1

    /// Parses manifest text; `file` is used in problems only.
    public static func parse(_ text: String, file: String) throws(ManifestError) -> Manifest {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ManifestError([yamlProblem(error, file: file)])
        } catch {
            throw ManifestError([Problem(kind: .manifestInvalid, file: file, message: "not valid YAML: \(error)")])
        }
        var reader = Reader(file: file)
        let manifest = reader.manifest(root)
        reader.checkConsistency(manifest)
        if !reader.problems.isEmpty { throw ManifestError(reader.problems) }
        return manifest
    }

    /// The type of a subject that declares none: `.json` files are JSON Schema, `.proto` files Protobuf,
    /// everything else (`.avsc` by convention) Avro.
    public static func schemaType(forFile file: String) -> SchemaType {
        let lower = file.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".proto") { return .protobuf }
        return .avro
    }

    static func yamlProblem(_ error: YamlError, file: String) -> Problem {
        var line: Int?
        var problem = "\(error)"
        switch error {
        case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _), .composer(_, let text, let mark, _):
            line = mark.line
            problem = text
        default:
            break
        }
        return Problem(kind: .manifestInvalid, file: file, line: line, message: "not valid YAML: \(problem)",
                       hint: "check indentation and quoting around line \(line.map(String.init) ?? "?")")
    }
}

/// Walks the YAML node tree into a `Manifest`, recording problems instead of stopping at the first.
private struct Reader {
    let file: String
    var problems: [Problem] = []

    init(file: String) {
        self.file = file
    }

    mutating func fail(_ node: Node?, _ message: String, hint: String? = nil) {
        problems.append(Problem(kind: .manifestInvalid, file: file, line: node?.mark?.line, message: message, hint: hint))
    }

    mutating func manifest(_ root: Node?) -> Manifest {
        guard let root, case .mapping(let mapping) = root else {
            fail(root, "the manifest must be a mapping with `version` and `subjects`",
                 hint: "start from schemas/registry.yaml in this repository")
            return Manifest()
        }
        var manifest = Manifest()
        var sawVersion = false
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "version":
                sawVersion = true
                if value.int != ManifestLoader.formatVersion {
                    fail(value, "unsupported manifest version '\(value.string ?? "?")'", hint: "use `version: \(ManifestLoader.formatVersion)`")
                }
            case "defaults":
                manifest.defaultCompatibility = defaults(value)
            case "subjects":
                guard case .sequence(let items) = value else {
                    fail(value, "`subjects` must be a list")
                    continue
                }
                manifest.subjects = items.compactMap { subject($0) }
            default:
                fail(key, "unknown key '\(key.string ?? "?")'", hint: "the top level takes `version`, `defaults` and `subjects`")
            }
        }
        if !sawVersion {
            fail(root, "missing `version`", hint: "add `version: \(ManifestLoader.formatVersion)` at the top")
        }
        return manifest
    }

    mutating func defaults(_ node: Node) -> CompatibilityLevel? {
        guard case .mapping(let mapping) = node else {
            fail(node, "`defaults` must be a mapping")
            return nil
        }
        var level: CompatibilityLevel?
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "compatibility": level = compatibility(value)
            default: fail(key, "unknown key '\(key.string ?? "?")' in `defaults`", hint: "`defaults` takes `compatibility`")
            }
        }
        return level
    }

    mutating func compatibility(_ node: Node) -> CompatibilityLevel? {
        guard let text = node.string, let level = CompatibilityLevel(apiValue: text) else {
            fail(node, "unknown compatibility level '\(node.string ?? "?")'",
                 hint: "use one of " + CompatibilityLevel.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return level
    }

    mutating func subject(_ node: Node) -> ManifestSubject? {
        guard case .mapping(let mapping) = node else {
            fail(node, "each entry of `subjects` must be a mapping with `subject` and `file`")
            return nil
        }
        let line = node.mark?.line ?? 0
        var name: String?
        var file: String?
        var entry = ManifestSubject(subject: "", file: "", line: line)
        var declaredType: SchemaType?
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "subject": name = nonEmptyString(value, "subject")
            case "file": file = nonEmptyString(value, "file")
            case "type":
                guard let text = value.string, let type = SchemaType(apiValue: text) else {
                    fail(value, "unknown schema type '\(value.string ?? "?")'", hint: "use AVRO, JSON or PROTOBUF")
                    continue
                }
                declaredType = type
            case "compatibility": entry.compatibility = compatibility(value)
            case "references": entry.references = references(value)
            case "examples": entry.examples = nonEmptyString(value, "examples")
            default:
                fail(key, "unknown key '\(key.string ?? "?")' in a subject",
                     hint: "a subject takes `subject`, `file`, `type`, `compatibility`, `references` and `examples`")
            }
        }
        guard let name, let file else {
            fail(node, "a subject needs both `subject` and `file`")
            return nil
        }
        entry.schemaType = declaredType ?? ManifestLoader.schemaType(forFile: file)
        if entry.schemaType == .protobuf {
            fail(node, "subject '\(name)': PROTOBUF schemas are not supported by schemas-as-code yet",
                 hint: "only AVRO (.avsc) and JSON (.json) subjects can be checked for now")
        }
        entry.subject = name
        entry.file = file
        return entry
    }

    mutating func references(_ node: Node) -> [ManifestReference] {
        guard case .sequence(let items) = node else {
            fail(node, "`references` must be a list of `{name, subject}`")
            return []
        }
        var result: [ManifestReference] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                fail(item, "a reference must be a mapping with `name` and `subject`")
                continue
            }
            var name: String?
            var subject: String?
            for (key, value) in mapping {
                switch key.string ?? "" {
                case "name": name = nonEmptyString(value, "name")
                case "subject": subject = nonEmptyString(value, "subject")
                default:
                    fail(key, "unknown key '\(key.string ?? "?")' in a reference", hint: "a reference takes `name` and `subject`")
                }
            }
            if let name, let subject {
                result.append(ManifestReference(name: name, subject: subject, line: item.mark?.line ?? 0))
            } else {
                fail(item, "a reference needs both `name` (the Avro full name, or the name a JSON Schema `$ref` uses) and `subject`")
            }
        }
        return result
    }

    mutating func nonEmptyString(_ node: Node, _ key: String) -> String? {
        guard case .scalar = node, let text = node.string, !text.isEmpty else {
            fail(node, "`\(key)` must be a non-empty string")
            return nil
        }
        return text
    }

    /// Cross-entry rules: unique subjects, references to listed subjects, no cycles.
    mutating func checkConsistency(_ manifest: Manifest) {
        var seen: [String: Int] = [:]
        for entry in manifest.subjects {
            if let first = seen[entry.subject] {
                problems.append(Problem(kind: .manifestInvalid, file: file, line: entry.line,
                                        message: "subject '\(entry.subject)' is listed twice (first at line \(first))",
                                        hint: "keep one entry per subject"))
            } else {
                seen[entry.subject] = entry.line
            }
            for reference in entry.references where manifest.subject(reference.subject) == nil {
                problems.append(Problem(kind: .referenceBroken, file: file, line: reference.line, subject: entry.subject,
                                        message: "subject '\(entry.subject)' references subject '\(reference.subject)', which this manifest does not list",
                                        hint: "add an entry for '\(reference.subject)' with its schema file, or fix the subject name"))
            }
        }
        if problems.isEmpty, let cycle = DependencyOrder.cycle(in: manifest) {
            let entry = manifest.subject(cycle[0])
            problems.append(Problem(kind: .referenceBroken, file: file, line: entry?.line,
                                    message: "references form a cycle: " + (cycle + [cycle[0]]).joined(separator: " -> "),
                                    hint: "a schema cannot depend on itself; move the shared types into their own subject"))
        }
    }
}
