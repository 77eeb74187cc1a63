import JSONValue
import Testing

/// `/subjects`, `/subjects/{s}/versions`, `/subjects/{s}/versions/{v}` and its sub-resources.
@Suite struct SubjectVersionTests {
    static let v1 = TestSchemas.record("Item", fields: ["a"])
    static let v2 = TestSchemas.record("Item", fields: ["a", "b"])
    static let v3 = TestSchemas.record("Item", fields: ["a", "b", "c"])

    @Test func subjectListingFiltersByPrefixAndDeletion() async throws {
        try await LiveServer.run { client in
            for subject in ["orders-value", "orders-key", "users-value"] {
                _ = try await client.post("/subjects/\(subject)/versions", TestSchemas.body(Self.v1))
            }
            #expect(try await client.get("/subjects").json == .array(["orders-key", "orders-value", "users-value"].map(JSONValue.string)))
            #expect(try await client.get("/subjects?subjectPrefix=orders").json == .array(["orders-key", "orders-value"].map(JSONValue.string)))
            #expect(try await client.get("/subjects?offset=1&limit=1").json == .array([.string("orders-value")]))

            #expect(try await client.delete("/subjects/users-value").text == "[1]")
            #expect(try await client.get("/subjects").json == .array(["orders-key", "orders-value"].map(JSONValue.string)))
            #expect(try await client.get("/subjects?deleted=true").json == .array(["orders-key", "orders-value", "users-value"].map(JSONValue.string)))
            #expect(try await client.get("/subjects?deletedOnly=true").json == .array([.string("users-value")]))
        }
    }

    @Test func versionByNumberLatestAndMinusOne() async throws {
        try await LiveServer.run { client in
            let first = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1)).json
            let second = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2)).json

            let one = try await client.get("/subjects/s/versions/1").json
            #expect(one["subject"] == .string("s"))
            #expect(one["version"] == .int(1))
            #expect(one["id"] == first["id"])
            #expect(one["schemaType"] == .string("AVRO"))
            #expect(one["schema"] == first["schema"])
            #expect(one["deleted"] == nil)

            for selector in ["latest", "LATEST", "-1"] {
                let latest = try await client.get("/subjects/s/versions/\(selector)").json
                #expect(latest["version"] == .int(2), "\(selector)")
                #expect(latest["id"] == second["id"], "\(selector)")
            }
            let raw = try await client.get("/subjects/s/versions/latest/schema")
            #expect(raw.text == second["schema"]?.stringValue)
        }
    }

    @Test func versionErrors() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            let missingVersion = try await client.get("/subjects/s/versions/7")
            #expect(missingVersion.status == 404)
            #expect(try missingVersion.json["error_code"] == .int(40402))
            let missingSubject = try await client.get("/subjects/nope/versions/1")
            #expect(missingSubject.status == 404)
            #expect(try missingSubject.json["error_code"] == .int(40401))
            let missingSubjectVersions = try await client.get("/subjects/nope/versions")
            #expect(try missingSubjectVersions.json["error_code"] == .int(40401))
            for bad in ["0", "-2", "abc", "2147483648", "1.5"] {
                let invalid = try await client.get("/subjects/s/versions/\(bad)")
                #expect(invalid.status == 422, "\(bad)")
                #expect(try invalid.json["error_code"] == .int(42202), "\(bad)")
            }
        }
    }

    @Test func versionsListingWithDeletedVersions() async throws {
        try await LiveServer.run { client in
            for schema in [Self.v1, Self.v2, Self.v3] {
                _ = try await client.post("/subjects/s/versions", TestSchemas.body(schema))
            }
            #expect(try await client.delete("/subjects/s/versions/2").text == "2")
            #expect(try await client.get("/subjects/s/versions").text == "[1,3]")
            #expect(try await client.get("/subjects/s/versions?deleted=true").text == "[1,2,3]")
            #expect(try await client.get("/subjects/s/versions?deletedOnly=true").text == "[2]")
            #expect(try await client.get("/subjects/s/versions?offset=1&limit=1").text == "[3]")

            let hidden = try await client.get("/subjects/s/versions/2")
            #expect(hidden.status == 404)
            let shown = try await client.get("/subjects/s/versions/2?deleted=true").json
            #expect(shown["version"] == .int(2))
            #expect(shown["deleted"] == .bool(true))
        }
    }

    @Test func versionNumbersAreNeverReused() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2))
            _ = try await client.delete("/subjects/s/versions/2")
            let next = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v3)).json
            #expect(next["version"] == .int(3))
        }
    }

    @Test func badPagingParametersAre400() async throws {
        try await LiveServer.run { client in
            let response = try await client.get("/subjects?offset=abc")
            #expect(response.status == 400)
            #expect(try response.json["error_code"] == .int(400))
        }
    }
}
