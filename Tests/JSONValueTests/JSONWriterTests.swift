import Testing
@testable import JSONValue

/// String escaping, which every schema served over HTTP goes through.
@Suite struct JSONWriterTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        (#"{"type":"string"}"#, #""{\"type\":\"string\"}""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nfeed\r\ttab\u{08}\u{0C}", #""line\nfeed\r\ttab\b\f""#),
        ("\u{01}\u{1F}", #""\u0001\u001f""#),
        ("\"é 日本 🎉\"", #""\"é 日本 🎉\"""#),
    ])
    func escapes(text: String, expected: String) throws {
        var out = ""
        JSONValue.writeString(text, to: &out)
        #expect(out == expected)
        // Whatever is written parses back to the same string.
        #expect(try JSONParser.parse(out) == .string(text))
    }
}
