import Testing
import JSONValue
import Avro

/// The shared reader/writer corpus (apache/avro, avro-rs, Karapace cases); see /work/shared/conformance/README.md.
@Suite struct AvroCompatibilityConformanceTests {
    private struct Outcome {
        var name: String
        var expected: Bool
        var disputed: Bool
        var found: [AvroIncompatibility]?
        var parseError: String?
        var java: [JSONValue]?
    }

    private func outcomes() throws -> [Outcome]? {
        guard let text = try SharedCorpus.text("conformance/avro-compatibility.json") else { return nil }
        let corpus = try JSONParser.parse(text)
        return (corpus.arrayValue ?? []).map { entry in
            var outcome = Outcome(
                name: entry["name"]?.stringValue ?? "?",
                expected: entry["compatible"]?.boolValue ?? false,
                disputed: entry["disputed"]?.boolValue ?? false,
                java: entry["java_incompatibilities"]?.arrayValue)
            do throws(AvroSchemaError) {
                let reader = try AvroSchemaParser.parse(json: entry["reader"] ?? .null)
                let writer = try AvroSchemaParser.parse(json: entry["writer"] ?? .null)
                outcome.found = AvroCompatibility.check(reader: reader, writer: writer)
            } catch {
                outcome.parseError = error.description
            }
            return outcome
        }
    }

    @Test func readerWriterPairs() throws {
        guard let outcomes = try outcomes() else { return }
        #expect(outcomes.count == 317)
        var passed = 0
        var disputedAgreeing = 0
        for outcome in outcomes {
            let ok = outcome.found.map { $0.isEmpty == outcome.expected } ?? false
            if ok { passed += 1 }
            if outcome.disputed && ok { disputedAgreeing += 1 }
            #expect(ok, "\(outcome.name): expected compatible=\(outcome.expected), got \(outcome.parseError ?? outcome.found.map { "\($0)" } ?? "nothing")")
        }
        let disputed = outcomes.filter(\.disputed).count
        print("avro-compatibility: \(passed)/\(outcomes.count) passed (non-disputed \(passed - disputedAgreeing)/\(outcomes.count - disputed), disputed cases answered as the corpus records \(disputedAgreeing)/\(disputed))")
    }

    /// Java Avro's `SchemaCompatibility` reasons, where the corpus has them: same types at the same locations, in order.
    @Test func reasonsAgreeWithJavaAvro() throws {
        guard let outcomes = try outcomes() else { return }
        var cases = 0, agreeing = 0, javaReasons = 0, matchedReasons = 0, sameWording = 0
        for outcome in outcomes {
            guard let java = outcome.java, let found = outcome.found else { continue }
            cases += 1
            let expected = java.map { "\($0["type"]?.stringValue ?? "") \($0["location"]?.stringValue ?? "")" }
            let ours = found.map { "\($0.type.rawValue) \($0.location)" }
            javaReasons += expected.count
            matchedReasons += expected.filter { ours.contains($0) }.count
            let javaWording = java.map { "\($0["type"]?.stringValue ?? "") \($0["location"]?.stringValue ?? "") \($0["message"]?.stringValue ?? "")" }
            let ourWording = Set(found.map { "\($0.type.rawValue) \($0.location) \($0.javaMessage)" })
            sameWording += javaWording.filter { ourWording.contains($0) }.count
            if expected == ours {
                agreeing += 1
            } else {
                print("java disagreement \(outcome.name): java \(expected), ours \(ours)")
            }
            // Every reported reason carries a sentence; the type/location agreement is measured, not required.
            #expect(found.allSatisfy { !$0.message.isEmpty })
        }
        print("avro-compatibility java reasons: \(agreeing)/\(cases) cases identical (type+location, in order), \(matchedReasons)/\(javaReasons) java reasons reproduced, \(sameWording)/\(javaReasons) also with Java's message (javaMessage)")
        #expect(cases > 0)
    }
}
