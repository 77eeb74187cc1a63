import JSONValue
import Testing
@testable import Avro

/// The specification's own canonical-form cases (apache/avro share/test/data/schema-tests.txt) and the Ruby
/// fingerprint cases, read from the shared corpus.
@Suite struct CanonicalFormConformanceTests {
    @Test func parsingCanonicalFormMatchesCorpus() throws {
        guard let text = try SharedCorpus.text("conformance/avro-canonical-form.json") else { return }
        guard case .array(let cases) = try JSONParser.parse(text) else {
            Issue.record("avro-canonical-form.json is not an array")
            return
        }
        var canonicalPassed = 0
        var fingerprintCases = 0
        var fingerprintPassed = 0
        for testCase in cases {
            let id = testCase["id"]?.stringValue ?? "?"
            guard let input = testCase["input"]?.stringValue, let expected = testCase["canonical"]?.stringValue else {
                Issue.record("case \(id) lacks input or canonical")
                continue
            }
            let schema: AvroParsedSchema
            do {
                schema = try AvroSchemaParser.parse(input)
            } catch {
                Issue.record("case \(id): \(error)")
                continue
            }
            #expect(schema.parsingCanonicalForm == expected, "case \(id)")
            if schema.parsingCanonicalForm == expected { canonicalPassed += 1 }
            if let signed = testCase["fingerprint_crc64_avro_signed"]?.integerValue {
                fingerprintCases += 1
                let expectedFingerprint = UInt64(bitPattern: signed)
                #expect(schema.fingerprintCRC64 == expectedFingerprint, "case \(id)")
                if let hex = testCase["fingerprint_crc64_avro_hex"]?.stringValue {
                    #expect(String(schema.fingerprintCRC64, radix: 16).leftPadded(to: 16) == hex, "case \(id)")
                }
                if schema.fingerprintCRC64 == expectedFingerprint { fingerprintPassed += 1 }
            }
        }
        print("avro-canonical-form: \(canonicalPassed)/\(cases.count) passed")
        print("avro-canonical-form fingerprints: \(fingerprintPassed)/\(fingerprintCases) passed")
        #expect(!cases.isEmpty)
    }

    @Test func extraFingerprintsMatchCorpus() throws {
        guard let text = try SharedCorpus.text("conformance/avro-fingerprints-extra.json") else { return }
        guard case .array(let cases) = try JSONParser.parse(text) else {
            Issue.record("avro-fingerprints-extra.json is not an array")
            return
        }
        var passed = 0
        for testCase in cases {
            guard let schemaJSON = testCase["schema"] else {
                Issue.record("case lacks schema")
                continue
            }
            let schema = try AvroSchemaParser.parse(schemaJSON.serialized())
            var ok = true
            func check(_ actual: String, _ key: String) {
                guard let expected = testCase[key]?.stringValue else { return }
                #expect(actual == expected, "\(key)")
                if actual != expected { ok = false }
            }
            check(schema.parsingCanonicalForm, "canonical")
            check(AvroFingerprint.hex(schema.fingerprintMD5), "md5_hex")
            check(AvroFingerprint.hex(schema.fingerprintSHA256), "sha256_hex")
            check(String(schema.fingerprintCRC64, radix: 16).leftPadded(to: 16), "crc64_avro_hex")
            check(AvroFingerprint.hex(schema.singleObjectHeader), "single_object_encoding_header_hex")
            if let signed = testCase["crc64_avro_signed"]?.integerValue {
                #expect(schema.fingerprintCRC64 == UInt64(bitPattern: signed))
                if schema.fingerprintCRC64 != UInt64(bitPattern: signed) { ok = false }
            }
            if ok { passed += 1 }
        }
        print("avro-fingerprints-extra: \(passed)/\(cases.count) passed")
        #expect(!cases.isEmpty)
    }
}

fileprivate extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
