import Testing
@testable import Avro

/// Parses `text`, expecting failure, and returns the error so a test can check its path and rule.
func schemaParseError(_ text: String, references: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) -> AvroSchemaError? {
    do {
        let schema = try AvroSchemaParser.parse(text, references: references)
        Issue.record("expected a parse error, got \(schema.root)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Asserts `text` is rejected with an error at `path` whose message mentions `fragment`.
func expectSchemaRejected(_ text: String, at path: String, mentioning fragment: String, references: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error = schemaParseError(text, references: references, sourceLocation: sourceLocation) else { return }
    #expect(error.path == path, "message: \(error.message)", sourceLocation: sourceLocation)
    #expect(error.message.contains(fragment), "message: \(error.message)", sourceLocation: sourceLocation)
}
