import Testing
@testable import JSONValue

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndExactIntegers() throws {
        let value = try JSONParser.parse(#"{"b":1,"a":[true,null,-9223372036854775808,1.5,"x\u00e9\n"]}"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["b", "a"])
        #expect(value["a"] == .array([.bool(true), .null, .int(Int64.min), .double(1.5), .string("xé\n")]))
    }

    @Test func roundTripsCompactText() throws {
        let text = #"{"name":"a\"b","n":[1,2.5,{"k":false}]}"#
        #expect(try JSONParser.parse(text).serialized() == text)
    }

    @Test func sortsKeysOnRequest() throws {
        #expect(try JSONParser.parse(#"{"b":1,"a":2}"#).serialized(sortedKeys: true) == #"{"a":2,"b":1}"#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru", "[1] 2", "\"\u{01}\"", "\"\\ud800\""])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func objectsCompareRegardlessOfOrder() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) == JSONParser.parse(#"{"b":2,"a":1}"#))
    }
}
