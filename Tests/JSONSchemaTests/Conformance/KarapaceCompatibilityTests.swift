import Foundation
import Testing
import JSONSchema
import JSONValue

@Suite("Karapace JSON Schema compatibility corpus")
struct KarapaceCompatibilityTests {
    /// Cases where this checker knowingly differs from Karapace, with the reason (mirrored in docs/JSON-SCHEMA.md).
    static let knownDifferences: [String: String] = [:]

    @Test("karapace-jsonschema-compatibility.json")
    func corpus() throws {
        let url: URL
        switch SharedCorpus.directory("conformance/jsonschema-compatibility/karapace-jsonschema-compatibility.json") {
        case .found(let found): url = found
        case .skipped(let reason):
            print("jsonschema-compatibility: skipped (\(reason))")
            return
        case .missing(let reason):
            Issue.record("jsonschema-compatibility missing: \(reason)")
            return
        }
        guard case .array(let cases) = try SharedCorpus.readJSON(url) else {
            Issue.record("corpus is not an array")
            return
        }
        var passed = 0
        var failures: [String] = []
        for entry in cases {
            guard let reader = entry["reader"], let writer = entry["writer"], let expected = entry["compatible"]?.boolValue else { continue }
            let name = entry["name"]?.stringValue ?? "?"
            let findings = JSONSchemaCompatibility.check(reader: reader, writer: writer)
            if findings.isEmpty == expected {
                passed += 1
            } else if Self.knownDifferences[name] == nil {
                failures.append("\(name): expected \(expected), got \(findings.map(\.description))")
            }
        }
        print("jsonschema-compatibility: \(passed)/\(cases.count) passed")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(cases.count > 0)
        #expect(failures.isEmpty)
    }
}
