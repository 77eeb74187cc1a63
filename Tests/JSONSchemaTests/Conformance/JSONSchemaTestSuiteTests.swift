import Testing
import JSONSchema

@Suite("JSON-Schema-Test-Suite conformance")
struct JSONSchemaTestSuiteTests {
    private func runner() throws -> TestSuiteRunner? {
        switch SharedCorpus.directory("conformance/json-schema-test-suite") {
        case .found(let url): return try TestSuiteRunner(root: url)
        case .skipped(let reason):
            print("json-schema-test-suite: skipped (\(reason))")
            return nil
        case .missing(let reason):
            Issue.record("json-schema-test-suite missing: \(reason)")
            return nil
        }
    }

    @Test("draft 7 required tests")
    func draft7() throws {
        guard let runner = try runner() else { return }
        let outcome = try runner.run(folder: "draft7", draft: .draft7)
        print("json-schema-test-suite draft7: \(outcome.passed)/\(outcome.total) passed")
        for failure in outcome.failures { print("  FAIL \(failure)") }
        #expect(outcome.total > 0)
        #expect(outcome.failures.isEmpty)
    }

    @Test("draft 2020-12 required tests")
    func draft2020() throws {
        guard let runner = try runner() else { return }
        let outcome = try runner.run(folder: "draft2020-12", draft: .draft2020_12)
        print("json-schema-test-suite draft2020-12: \(outcome.passed)/\(outcome.total) passed")
        for failure in outcome.failures { print("  FAIL \(failure)") }
        #expect(outcome.total > 0)
        #expect(outcome.failures.isEmpty)
    }

    /// Informational: optional format tests with format assertion on. Formats this engine does not assert
    /// (idn-*, iri*, json-pointer, regex, uri-template, duration...) stay annotations, so their invalid cases fail.
    @Test("optional format tests (assertion on, informational)")
    func formats() throws {
        guard let runner = try runner() else { return }
        for folder in ["draft7/optional/format", "draft2020-12/optional/format"] {
            let outcome = try runner.run(folder: folder, draft: folder.hasPrefix("draft7") ? .draft7 : .draft2020_12, assertFormat: true)
            print("json-schema-test-suite \(folder) (format assertion): \(outcome.passed)/\(outcome.total) passed")
            print("  per format: " + outcome.perFile.sorted { $0.key < $1.key }.map { "\($0.key.dropLast(5)) \($0.value.0)/\($0.value.1)" }.joined(separator: ", "))
            #expect(outcome.total > 0)
        }
    }
}
