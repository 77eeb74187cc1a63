import Foundation
import JSONSchema
import JSONValue

/// Runs JSON-Schema-Test-Suite files: each group's schema compiled once, each test's instance checked with both
/// `isValid` and `validate` (which must agree).
struct TestSuiteRunner {
    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
        /// file -> (passed, total)
        var perFile: [String: (Int, Int)] = [:]
    }

    let root: URL
    let remotes: [String: JSONValue]

    init(root: URL) throws {
        self.root = root
        var remotes: [String: JSONValue] = [:]
        let remotesDir = root.appendingPathComponent("remotes")
        if let walker = FileManager.default.enumerator(at: remotesDir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "json" {
                let relative = url.path.dropFirst(remotesDir.path.count + 1)
                remotes["http://localhost:1234/" + relative] = try SharedCorpus.readJSON(url)
            }
        }
        self.remotes = remotes
    }

    func run(folder: String, draft: JSONSchemaDraft, assertFormat: Bool = false, skip: Set<String> = []) throws -> Outcome {
        let dir = root.appendingPathComponent("tests").appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        var outcome = Outcome()
        let options = JSONSchemaOptions(defaultDraft: draft, assertFormat: assertFormat, externalSchemas: remotes)
        for file in files {
            guard case .array(let groups) = try SharedCorpus.readJSON(dir.appendingPathComponent(file)) else { continue }
            for group in groups {
                let groupName = "\(folder)/\(file): \(group["description"]?.stringValue ?? "?")"
                guard let schema = group["schema"], case .array(let tests)? = group["tests"] else { continue }
                let validator: JSONSchemaValidator?
                var compileError = ""
                do {
                    validator = try JSONSchemaValidator(schema: schema, options: options)
                } catch {
                    validator = nil
                    compileError = error.description
                }
                for test in tests {
                    let name = "\(groupName) / \(test["description"]?.stringValue ?? "?")"
                    if skip.contains(name) { continue }
                    outcome.total += 1
                    outcome.perFile[file, default: (0, 0)].1 += 1
                    guard let validator else {
                        outcome.failures.append("\(name): compile error \(compileError)")
                        continue
                    }
                    guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                    let fast = validator.isValid(data)
                    let errors = validator.validate(data)
                    // The text entry point proves validity from bytes where it can; it must agree too.
                    let fromText = validator.isValid(jsonText: data.serialized())
                    if fast == expected && errors.isEmpty == expected && fromText == expected {
                        outcome.passed += 1
                        outcome.perFile[file, default: (0, 0)].0 += 1
                    } else {
                        outcome.failures.append("\(name): expected \(expected), isValid \(fast), text \(fromText), errors \(errors.count) \(errors.first?.description ?? "")")
                    }
                }
            }
        }
        return outcome
    }
}
