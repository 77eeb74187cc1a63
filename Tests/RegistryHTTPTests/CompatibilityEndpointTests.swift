import JSONValue
import Testing

/// `POST /compatibility/subjects/{s}/versions[/{v}]`.
@Suite struct CompatibilityEndpointTests {
    static let v1 = TestSchemas.record("C", fields: ["a"])
    static let compatible = TestSchemas.record("C", fields: ["a", "b"])
    static let incompatible = TestSchemas.recordWithRequired("C", fields: ["a", "required"])

    @Test func checkAgainstLatestAndAll() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            for path in ["/compatibility/subjects/s/versions/latest", "/compatibility/subjects/s/versions", "/compatibility/subjects/s/versions/1"] {
                let yes = try await client.post(path, TestSchemas.body(Self.compatible))
                #expect(yes.status == 200, "\(path)")
                #expect(yes.text == #"{"is_compatible":true}"#, "\(path)")
                let no = try await client.post(path, TestSchemas.body(Self.incompatible))
                #expect(no.text == #"{"is_compatible":false}"#, "\(path)")
            }
        }
    }

    @Test func verboseAddsMessages() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            let no = try await client.post("/compatibility/subjects/s/versions/latest?verbose=true", TestSchemas.body(Self.incompatible)).json
            #expect(no["is_compatible"] == .bool(false))
            let messages = no["messages"]?.arrayValue ?? []
            #expect(!messages.isEmpty)
            #expect(messages.contains { $0.stringValue?.contains("required") == true })
            let yes = try await client.post("/compatibility/subjects/s/versions?verbose=true", TestSchemas.body(Self.compatible)).json
            #expect(yes == .object(JSONObject([("is_compatible", .bool(true)), ("messages", .array([]))])))
        }
    }

    @Test func invalidSchemaIs42201UnlessVerbose() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            let plain = try await client.post("/compatibility/subjects/s/versions/latest", TestSchemas.body("{broken"))
            #expect(plain.status == 422)
            #expect(try plain.json["error_code"] == .int(42201))
            let verbose = try await client.post("/compatibility/subjects/s/versions/latest?verbose=true", TestSchemas.body("{broken"))
            #expect(verbose.status == 200)
            #expect(try verbose.json["is_compatible"] == .bool(false))
            #expect(try verbose.json["messages"]?.arrayValue?.count == 1)
        }
    }

    @Test func unknownSubjectIsCompatibleAgainstLatestButNotAnExplicitVersion() async throws {
        try await LiveServer.run { client in
            let latest = try await client.post("/compatibility/subjects/new-subject/versions/latest", TestSchemas.body(Self.v1))
            #expect(latest.status == 200)
            #expect(try latest.json["is_compatible"] == .bool(true))
            let all = try await client.post("/compatibility/subjects/new-subject/versions", TestSchemas.body(Self.v1))
            #expect(try all.json["is_compatible"] == .bool(true))
            let explicit = try await client.post("/compatibility/subjects/new-subject/versions/3", TestSchemas.body(Self.v1))
            #expect(explicit.status == 404)
            #expect(try explicit.json["error_code"] == .int(40402) || explicit.json["error_code"] == .int(40401))
            let badVersion = try await client.post("/compatibility/subjects/new-subject/versions/x", TestSchemas.body(Self.v1))
            #expect(try badVersion.json["error_code"] == .int(42202))
        }
    }

    @Test func levelNoneAcceptsAnything() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            #expect(try await client.put("/config/s", #"{"compatibility":"NONE"}"#).status == 200)
            let response = try await client.post("/compatibility/subjects/s/versions", TestSchemas.body(Self.incompatible))
            #expect(try response.json["is_compatible"] == .bool(true))
            let registered = try await client.post("/subjects/s/versions", TestSchemas.body(Self.incompatible))
            #expect(registered.status == 200)
        }
    }
}
