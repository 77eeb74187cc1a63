import Testing
import JSONSchema
import JSONValue

/// ECMA-262 semantics where they differ from other regex flavours.
@Suite("pattern semantics")
struct PatternTests {
    private func matches(_ pattern: String, _ text: String) throws -> Bool {
        let schema = JSONValue.object(JSONObject([("pattern", .string(pattern))]))
        return try JSONSchemaValidator(schema: schema).isValid(.string(text))
    }

    @Test func patternsAreUnanchoredSearches() throws {
        #expect(try matches("b+", "abbbc"))
        #expect(try !matches("^b+$", "abbbc"))
    }

    @Test func shorthandClassesAreASCII() throws {
        #expect(try matches(#"^\d+$"#, "123"))
        #expect(try !matches(#"^\d+$"#, "١٢٣")) // Arabic-Indic digits are not \d in ECMA-262
        #expect(try !matches(#"^\w$"#, "é"))
        #expect(try matches(#"^\s$"#, "\u{00A0}"))
    }

    @Test func dollarMatchesOnlyAtTheEnd() throws {
        #expect(try !matches("^abc$", "abc\n"))
    }

    @Test func unicodePropertiesAndCodePoints() throws {
        #expect(try matches(#"^\p{Letter}+$"#, "héllo"))
        #expect(try !matches(#"^\p{L}+$"#, "h3llo"))
        #expect(try matches("^.$", "💩"))
        #expect(try matches(#"^[\u{1F4A9}]$"#, "💩"))
    }

    @Test func alternationGroupsAndCounts() throws {
        #expect(try matches("^(ab|cd){2,3}$", "abcdab"))
        #expect(try !matches("^(ab|cd){2,3}$", "ab"))
        #expect(try matches(#"^[^a-c]x\b"#, "dx y"))
        #expect(try matches("^a{2,}?$", "aaaa"))
    }

    @Test func lookaroundAndBackreferencesUseTheFallbackEngine() throws {
        #expect(try matches("^(?=.*[A-Z]).{4,}$", "abcD"))
        #expect(try !matches("^(?=.*[A-Z]).{4,}$", "abcd"))
        #expect(try matches(#"^(a)\1$"#, "aa"))
        #expect(try !matches(#"^(a)\1$"#, "ab"))
    }

    @Test func backtrackingPatternsCanBeRefused() {
        let options = JSONSchemaOptions(limits: JSONSchemaLimits(allowBacktrackingPatterns: false))
        do {
            _ = try JSONSchemaValidator(schemaText: #"{"pattern": "^(?=a)"}"#, options: options)
            Issue.record("expected invalidPattern")
        } catch {
            #expect(error.kind == .invalidPattern)
        }
    }
}
