import JSONValue
import Testing

/// `POST /subjects/{s}/versions` and `POST /subjects/{s}`: ids, versions, idempotence, lookup.
@Suite struct RegistrationTests {
    static let v1 = TestSchemas.record("User", fields: ["name"])
    static let v2 = TestSchemas.record("User", fields: ["name", "email"])

    @Test func registerReturnsTheFullObjectWithIDAndVersion() async throws {
        try await LiveServer.run { client in
            let response = try await client.post("/subjects/users-value/versions", TestSchemas.body(Self.v1))
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/vnd.schemaregistry.v1+json")
            let body = try response.json
            #expect(body["id"]?.integerValue ?? 0 >= 1)
            #expect(body["version"] == .int(1))
            #expect(body["schemaType"] == .string("AVRO"))
            #expect(body["schema"]?.stringValue?.contains("\"User\"") == true)
            // `references` is omitted when empty, as Confluent does.
            #expect(body["references"] == nil)
            #expect(body.objectValue?.keys.sorted() == ["id", "schema", "schemaType", "version"])
        }
    }

    @Test func identicalRegistrationReturnsTheSameIDAndVersion() async throws {
        try await LiveServer.run { client in
            let first = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1)).json
            let again = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1)).json
            #expect(first["id"] == again["id"])
            #expect(again["version"] == .int(1))
            let versions = try await client.get("/subjects/s/versions")
            #expect(versions.text == "[1]")
        }
    }

    @Test func sameSchemaUnderAnotherSubjectKeepsItsIDWithItsOwnVersion() async throws {
        try await LiveServer.run { client in
            // Two unrelated records in one subject: only with compatibility checks off.
            #expect(try await client.put("/config/a", #"{"compatibility":"NONE"}"#).status == 200)
            _ = try await client.post("/subjects/a/versions", TestSchemas.body(TestSchemas.record("Other", fields: ["x"])))
            let inA = try await client.post("/subjects/a/versions", TestSchemas.body(Self.v1)).json
            let inB = try await client.post("/subjects/b/versions", TestSchemas.body(Self.v1)).json
            #expect(inA["id"] == inB["id"])
            #expect(inA["version"] == .int(2))
            #expect(inB["version"] == .int(1))
        }
    }

    @Test func newVersionsGetNewIDsAndIncreasingVersions() async throws {
        try await LiveServer.run { client in
            let first = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1)).json
            let second = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2)).json
            #expect(first["id"] != second["id"])
            #expect(second["version"] == .int(2))
            #expect(try await client.get("/subjects/s/versions").text == "[1,2]")
        }
    }

    @Test func explicitAvroSchemaTypeIsAccepted() async throws {
        try await LiveServer.run { client in
            let response = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1, schemaType: "AVRO"))
            #expect(response.status == 200)
            let implicit = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            #expect(try implicit.json["id"] == response.json["id"])
        }
    }

    @Test func unknownBodyFieldsAreIgnored() async throws {
        try await LiveServer.run { client in
            let body = TestSchemas.body(Self.v1, extra: [("metadata", .object(JSONObject([("properties", .object(JSONObject()))]))), ("ruleSet", .null)])
            let response = try await client.post("/subjects/s/versions", body)
            #expect(response.status == 200)
        }
    }

    @Test func invalidSchemaIs42201AndStoresNothing() async throws {
        try await LiveServer.run { client in
            let bad = try await client.post("/subjects/s/versions", TestSchemas.body(#"{"type":"record","name":"R","fields":[{"name":"a","type":"nosuchtype"}]}"#))
            #expect(bad.status == 422)
            #expect(try bad.json["error_code"] == .int(42201))
            #expect(try bad.json.objectValue?.keys.sorted() == ["error_code", "message"])
            let notJSON = try await client.post("/subjects/s/versions", TestSchemas.body("{not json"))
            #expect(try notJSON.json["error_code"] == .int(42201))
            let empty = try await client.post("/subjects/s/versions", #"{"schema":""}"#)
            #expect(try empty.json["error_code"] == .int(42201))
            let missing = try await client.post("/subjects/s/versions", #"{"schemaType":"AVRO"}"#)
            #expect(try missing.json["error_code"] == .int(42201))
            let unknownType = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1, schemaType: "XML"))
            #expect(unknownType.status == 422)
            #expect(try unknownType.json["error_code"] == .int(42201))
            #expect(try await client.get("/subjects").text == "[]")
        }
    }

    @Test func invalidSubjectIs42208() async throws {
        try await LiveServer.run { client in
            let response = try await client.post("/subjects/bad%01name/versions", TestSchemas.body(Self.v1))
            #expect(response.status == 422)
            #expect(try response.json["error_code"] == .int(42208))
        }
    }

    @Test func incompatibleSchemaIs409WithTheReasons() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            let incompatible = TestSchemas.recordWithRequired("User", fields: ["name", "age"])
            let response = try await client.post("/subjects/s/versions", TestSchemas.body(incompatible))
            #expect(response.status == 409)
            let body = try response.json
            #expect(body["error_code"] == .int(409))
            let message = body["message"]?.stringValue ?? ""
            #expect(message.contains("Schema being registered is incompatible with an earlier schema for subject \"s\""))
            #expect(message.contains("age"))
            #expect(try await client.get("/subjects/s/versions").text == "[1]")
        }
    }

    @Test func subjectsWithEncodedSlashesWork() async throws {
        try await LiveServer.run { client in
            let registered = try await client.post("/subjects/team%2Forders-value/versions", TestSchemas.body(Self.v1))
            #expect(registered.status == 200)
            #expect(try await client.get("/subjects").json == .array([.string("team/orders-value")]))
            let version = try await client.get("/subjects/team%2Forders-value/versions/1").json
            #expect(version["subject"] == .string("team/orders-value"))
        }
    }

    @Test func lookupFindsTheRegisteredVersion() async throws {
        try await LiveServer.run { client in
            let registered = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1)).json
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2))
            let found = try await client.post("/subjects/s", TestSchemas.body(Self.v1))
            #expect(found.status == 200)
            let body = try found.json
            #expect(body["subject"] == .string("s"))
            #expect(body["version"] == .int(1))
            #expect(body["id"] == registered["id"])
            #expect(body["schemaType"] == .string("AVRO"))
            #expect(body["schema"] == registered["schema"])
        }
    }

    @Test func lookupOfUnknownSchemaIs40403AndOfUnknownSubject40401() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            let unknownSchema = try await client.post("/subjects/s", TestSchemas.body(Self.v2))
            #expect(unknownSchema.status == 404)
            #expect(try unknownSchema.json["error_code"] == .int(40403))
            let unknownSubject = try await client.post("/subjects/nobody", TestSchemas.body(Self.v1))
            #expect(unknownSubject.status == 404)
            #expect(try unknownSubject.json["error_code"] == .int(40401))
        }
    }

    @Test func lookupFindsSoftDeletedVersionsOnlyWithDeletedTrue() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2))
            #expect(try await client.delete("/subjects/s/versions/1").text == "1")
            let hidden = try await client.post("/subjects/s", TestSchemas.body(Self.v1))
            #expect(hidden.status == 404)
            let shown = try await client.post("/subjects/s?deleted=true", TestSchemas.body(Self.v1))
            #expect(shown.status == 200)
            #expect(try shown.json["version"] == .int(1))
        }
    }

    @Test func normalizeMakesEquivalentSpellingsOneSchema() async throws {
        try await LiveServer.run { client in
            let compact = #"{"type":"record","name":"N","namespace":"x","fields":[{"name":"a","type":"int"}]}"#
            let spelled = #"{"fields":[{"type":"int","name":"a"}],"name":"x.N","type":"record"}"#
            let first = try await client.post("/subjects/n/versions?normalize=true", TestSchemas.body(compact)).json
            let second = try await client.post("/subjects/n/versions?normalize=true", TestSchemas.body(spelled)).json
            #expect(first["id"] == second["id"])
            #expect(second["version"] == .int(1))
            let found = try await client.post("/subjects/n?normalize=true", TestSchemas.body(spelled))
            #expect(found.status == 200)
        }
    }
}
