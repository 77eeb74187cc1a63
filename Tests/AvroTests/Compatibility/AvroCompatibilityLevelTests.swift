import Testing
import JSONValue
import Avro

@Suite struct AvroCompatibilityLevelTests {
    private let v1 = SchemaBuilder.parsed(SchemaBuilder.record("User", SchemaBuilder.field("id", .long(nil))))
    /// Adds a field with a default: readable in both directions with v1.
    private let v2 = SchemaBuilder.parsed(SchemaBuilder.record("User", SchemaBuilder.field("id", .long(nil)),
                                               SchemaBuilder.field("email", .union([.null, .string(nil)]), default: .null)))
    /// Adds a required field: the new schema cannot read v1/v2 data, but they can read its data.
    private let v3 = SchemaBuilder.parsed(SchemaBuilder.record("User", SchemaBuilder.field("id", .long(nil)),
                                               SchemaBuilder.field("email", .union([.null, .string(nil)]), default: .null),
                                               SchemaBuilder.field("name", .string(nil))))

    @Test func nonTransitiveLevelsCheckOnlyTheLatestVersion() {
        let backward = AvroCompatibility.check(level: .backward, newSchema: v3, previous: [v1, v2])
        #expect(backward.checkedVersions == [1])
        #expect(backward.failures.map(\.previousIndex) == [1])
        #expect(backward.failures.first?.direction == .backward)
        #expect(backward.failures.first?.incompatibilities.map(\.type) == [.readerFieldMissingDefaultValue])

        let forward = AvroCompatibility.check(level: .forward, newSchema: v3, previous: [v1, v2])
        #expect(forward.isCompatible)
    }

    @Test func transitiveLevelsReportEveryFailingVersionOldestFirst() {
        let report = AvroCompatibility.check(level: .fullTransitive, newSchema: v3, previous: [v1, v2])
        #expect(report.checkedVersions == [0, 1])
        #expect(report.failures.map(\.previousIndex) == [0, 1])
        #expect(report.failures.map(\.direction) == [.backward, .backward])
        #expect(!report.isCompatible)
        #expect(AvroCompatibility.check(level: .fullTransitive, newSchema: v2, previous: [v1]).isCompatible)
    }

    @Test func forwardLevelsReadTheNewSchemaWithTheOldOne() {
        // v1 as the "new" schema: dropping email is fine backward, and v2 readers have a default for it.
        let report = AvroCompatibility.check(level: .full, newSchema: v1, previous: [v3])
        #expect(report.failures.map(\.direction) == [.forward])
        #expect(report.failures.first?.incompatibilities.first?.message.contains("`name`") == true)
    }

    @Test func noneAndNoHistoryCheckNothing() {
        #expect(AvroCompatibility.check(level: .none, newSchema: v3, previous: [v1]).checkedVersions.isEmpty)
        for level in AvroCompatibilityLevel.allCases {
            let report = AvroCompatibility.check(level: level, newSchema: v3, previous: [])
            #expect(report.isCompatible && report.checkedVersions.isEmpty)
        }
    }

    /// The shared Karapace level cases.
    @Test func conformanceLevels() throws {
        guard let text = try SharedCorpus.text("conformance/avro-compatibility-levels.json") else { return }
        let corpus = try JSONParser.parse(text)
        let cases = corpus.arrayValue ?? []
        var passed = 0, applicable = 0
        for entry in cases {
            let name = entry["name"]?.stringValue ?? "?"
            guard let level = entry["level"]?.stringValue.flatMap(AvroCompatibilityLevel.init(rawValue:)) else {
                Issue.record("\(name): unknown level")
                continue
            }
            do throws(AvroSchemaError) {
                let newSchema = try AvroSchemaParser.parse(json: entry["new_schema"] ?? .null)
                var previous: [AvroParsedSchema] = []
                for schema in entry["previous_schemas"]?.arrayValue ?? [] { previous.append(try AvroSchemaParser.parse(json: schema)) }
                let report = AvroCompatibility.check(level: level, newSchema: newSchema, previous: previous)
                guard let expected = entry["compatible"]?.boolValue else {
                    // No earlier version: the registry answers 404; the engine has nothing to check.
                    #expect(previous.isEmpty && report.checkedVersions.isEmpty && report.isCompatible, "\(name)")
                    passed += 1
                    continue
                }
                applicable += 1
                var ok = report.isCompatible == expected
                // Karapace names the version that failed first; ours lists failures oldest first.
                if !expected, let message = entry["expected_messages"]?.arrayValue?.first?.stringValue,
                   let writerType = message.split(separator: " ").last.map(String.init) {
                    ok = ok && (report.failures.first?.incompatibilities.first?.message.contains("writer's \(writerType)") ?? false)
                }
                #expect(ok, "\(name): expected \(expected), got \(report.failures)")
                if ok { passed += 1 }
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
        print("avro-compatibility-levels: \(passed)/\(cases.count) passed (\(applicable) with previous versions)")
    }
}
