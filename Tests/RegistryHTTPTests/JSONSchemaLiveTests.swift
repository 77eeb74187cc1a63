import Foundation
import JSONValue
import Testing

/// `schemaType: "JSON"` end to end over HTTP: the in-process server over SQLite, and the built binary for the
/// list of served types.
@Suite struct JSONSchemaLiveTests {
    static let customer = #"{"type":"object","properties":{"name":{"type":"string"},"email":{"type":"string"}},"required":["name"]}"#

    static func body(_ schema: String, references: [(name: String, subject: String, version: Int)] = []) -> String {
        TestSchemas.body(schema, schemaType: "JSON", references: references)
    }

    static func id(_ response: HTTPTestResponse) throws -> Int64? {
        try response.json["id"]?.integerValue
    }

    @Test func schemaTypesListsJSONInProcessAndFromTheBinary() async throws {
        try await LiveServer.run { client in
            let types = try await client.get("/schemas/types").json.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(types.contains("JSON"))
            #expect(types.contains("AVRO"))
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try await ServerProcess.launch(database: directory.file("r.sqlite"))
        defer { Task { await server.stop() } }
        let types = try await server.client.get("/schemas/types").json.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(types.contains("JSON"))
        let registered = try await server.client.post("/subjects/c/versions", Self.body(Self.customer))
        #expect(registered.status == 200, "\(registered.text)")
        await server.stop()
    }

    @Test func registerFetchAndLookUp() async throws {
        try await LiveServer.run { client in
            let registered = try await client.post("/subjects/customer-value/versions", Self.body(Self.customer))
            #expect(registered.status == 200)
            let id = try Self.id(registered)
            #expect(id != nil)
            let byID = try await client.get("/schemas/ids/\(id ?? -1)").json
            #expect(byID["schemaType"] == .string("JSON"))
            #expect(byID["schema"] == .string(Self.customer))
            let version = try await client.get("/subjects/customer-value/versions/1").json
            #expect(version["schemaType"] == .string("JSON"))
            #expect(version["id"]?.integerValue == id)
            // Pretty-printed, the same schema: same id, no new version; in another subject, the same id too.
            let pretty = "{\n  \"type\": \"object\",\n  \"properties\": {\"name\": {\"type\": \"string\"}, \"email\": {\"type\": \"string\"}},\n  \"required\": [\"name\"]\n}"
            #expect(try Self.id(try await client.post("/subjects/customer-value/versions", Self.body(pretty))) == id)
            #expect(try await client.get("/subjects/customer-value/versions").text == "[1]")
            #expect(try Self.id(try await client.post("/subjects/other/versions", Self.body(pretty))) == id)
            let lookup = try await client.post("/subjects/customer-value", Self.body(pretty))
            #expect(lookup.status == 200)
            #expect(try lookup.json["version"] == .int(1))
            #expect(try lookup.json["id"]?.integerValue == id)
            // The same text without schemaType is read as Avro, which it is not.
            let asAvro = try await client.post("/subjects/customer-value", TestSchemas.body(Self.customer))
            #expect(asAvro.status == 422 || asAvro.status == 404)
        }
    }

    @Test func normalizeIgnoresMemberOrder() async throws {
        try await LiveServer.run { client in
            let reordered = #"{"required":["name"],"type":"object","properties":{"email":{"type":"string"},"name":{"type":"string"}}}"#
            let first = try Self.id(try await client.post("/subjects/a/versions?normalize=true", Self.body(Self.customer)))
            let second = try Self.id(try await client.post("/subjects/b/versions?normalize=true", Self.body(reordered)))
            #expect(first != nil && first == second)
            let plain = try Self.id(try await client.post("/subjects/c/versions", Self.body(reordered)))
            #expect(plain != first)
            let lookup = try await client.post("/subjects/a?normalize=true", Self.body(reordered))
            #expect(try lookup.json["id"]?.integerValue == first)
        }
    }

    @Test func referencesAcrossSubjects() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/customer/versions", Self.body(Self.customer))
            let order = #"{"type":"object","properties":{"customer":{"$ref":"customer.json"},"total":{"type":"number"}},"required":["customer"]}"#
            let references = [(name: "customer.json", subject: "customer", version: 1)]
            let registered = try await client.post("/subjects/order/versions", Self.body(order, references: references))
            #expect(registered.status == 200, "\(registered.text)")
            let id = try Self.id(registered) ?? -1
            let byID = try await client.get("/schemas/ids/\(id)").json
            let stored = byID["references"]?.arrayValue?.first
            #expect(stored?["name"] == .string("customer.json"))
            #expect(stored?["subject"] == .string("customer"))
            #expect(stored?["version"] == .int(1))
            #expect(try await client.get("/subjects/customer/versions/1/referencedby").json == .array([.int(id)]))
            let missing = try await client.post("/subjects/order2/versions", Self.body(order))
            #expect(missing.status == 422)
            #expect(try missing.json["error_code"] == .int(42201))
        }
    }

    @Test func invalidSchemaIs42201WithThePath() async throws {
        try await LiveServer.run { client in
            let response = try await client.post("/subjects/s/versions", Self.body(#"{"type":"object","properties":{"age":{"type":"integer","maximum":"old"}}}"#))
            #expect(response.status == 422)
            #expect(try response.json["error_code"] == .int(42201))
            #expect(try response.json["message"]?.stringValue?.contains("/properties/age") == true, "\(response.text)")
            let notJSON = try await client.post("/subjects/s/versions", Self.body("{nope"))
            #expect(try notJSON.json["error_code"] == .int(42201))
        }
    }

    @Test func incompatibleIs409WithReasonsAndVerboseCompatibilitySaysWhy() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", Self.body(Self.customer))
            let stricter = #"{"type":"object","properties":{"name":{"type":"string","maxLength":20},"email":{"type":"string"}},"required":["name","email"]}"#
            let refused = try await client.post("/subjects/s/versions", Self.body(stricter))
            #expect(refused.status == 409)
            let message = try refused.json["message"]?.stringValue ?? ""
            #expect(message.contains("REQUIRED_ATTRIBUTE_ADDED"), "\(message)")
            #expect(message.contains("MAX_LENGTH_ADDED"), "\(message)")
            let verbose = try await client.post("/compatibility/subjects/s/versions/latest?verbose=true", Self.body(stricter)).json
            #expect(verbose["is_compatible"] == .bool(false))
            let lines = verbose["messages"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(lines.contains { $0.contains("REQUIRED_ATTRIBUTE_ADDED") && $0.contains("#/required") }, "\(lines)")
            #expect(lines.contains("{compatibility: 'BACKWARD'}"))
            let looser = #"{"type":"object","properties":{"name":{"type":["string","null"]},"email":{"type":"string"}},"required":["name"]}"#
            let fine = try await client.post("/compatibility/subjects/s/versions/latest?verbose=true", Self.body(looser)).json
            #expect(fine["is_compatible"] == .bool(true))
            #expect(try await client.put("/config/s", #"{"compatibility":"FORWARD"}"#).status == 200)
            #expect(try await client.post("/subjects/s/versions", Self.body(stricter)).status == 200)
        }
    }

    // MARK: Hostile schemas: a clear 422 (or a bounded 409), never a 500 or a hang

    @Test func hostileSchemasAreRefusedClearly() async throws {
        try await LiveServer.run { client in
            let deep = String(repeating: #"{"not":"#, count: 400) + "{}" + String(repeating: "}", count: 400)
            let deeper = String(repeating: #"{"items":"#, count: 20_000) + "{}" + String(repeating: "}", count: 20_000)
            let expanding = (0..<2_000).map { #""p\#($0)":{"type":"string","pattern":"^(?:[a-z]{999}){20}\#($0)$"}"# }
            let cases: [(String, String)] = [
                ("deep nesting", deep),
                ("nesting past the JSON parser", deeper),
                ("patterns that expand", #"{"type":"object","properties":{\#(expanding.joined(separator: ","))}}"#),
                ("invalid pattern", #"{"type":"string","pattern":"(a"}"#),
                ("$ref cycle", ##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##),
                ("self reference", ##"{"$ref":"#"}"##),
                ("unresolvable $ref", #"{"$ref":"https://example.com/elsewhere.json"}"#),
            ]
            for (name, schema) in cases {
                let response = try await client.post("/subjects/hostile/versions", Self.body(schema))
                #expect(response.status == 422, "\(name): \(response.status) \(response.text.prefix(300))")
                #expect(try response.json["error_code"] == .int(42201), "\(name)")
                #expect(!(try response.json["message"]?.stringValue ?? "").isEmpty, "\(name)")
            }
        }
    }

    @Test func hugeEnumsAndCatastrophicPatternsAreBounded() async throws {
        try await LiveServer.run { client in
            let values = (0..<100_000).map { "\"v\($0)\"" }
            let huge = #"{"enum":[\#(values.joined(separator: ","))]}"#
            #expect(try await client.post("/subjects/enum/versions", Self.body(huge)).status == 200)
            let narrowed = try await client.post("/compatibility/subjects/enum/versions/latest?verbose=true", Self.body(#"{"enum":["v1"]}"#))
            #expect(narrowed.status == 200)
            let lines = try narrowed.json["messages"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(lines.contains { $0.contains("ENUM_ARRAY_NARROWED") })
            // Quoting 99,999 dropped values would make a multi-megabyte line; reasons are capped.
            #expect(lines.allSatisfy { $0.utf8.count < 20_000 }, "\(lines.map(\.count))")
            // Nested quantifiers: linear-time engine, accepted.
            #expect(try await client.post("/subjects/regex/versions", Self.body(#"{"type":"string","pattern":"^(a+)+$"}"#)).status == 200)
        }
    }

    static func doubling(_ leaf: String) -> String {
        var definitions = [#""d0":\#(leaf)"#]
        for level in 1...30 {
            definitions.append(##""d\##(level)":{"anyOf":[{"$ref":"#/$defs/d\##(level - 1)"},{"$ref":"#/$defs/d\##(level - 1)"}]}"##)
        }
        return ##"{"$defs":{\##(definitions.joined(separator: ","))},"$ref":"#/$defs/d30"}"##
    }

    @Test func multiplyingDefinitionsGiveABoundedVerdict() async throws {
        try await LiveServer.run { client in
            #expect(try await client.post("/subjects/dag/versions", Self.body(Self.doubling(#"{"type":"string"}"#))).status == 200)
            let next = Self.doubling(#"{"type":"string","minLength":0}"#)
            let refused = try await client.post("/subjects/dag/versions", Self.body(next))
            #expect(refused.status == 409)
            #expect(try refused.json["message"]?.stringValue?.contains("SCHEMA_TOO_COMPLEX_TO_COMPARE") == true, "\(refused.text.prefix(400))")
        }
    }
}
