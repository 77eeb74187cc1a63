import JSONValue
import Testing

/// `/schemas/ids/{id}` and its sub-resources, and the `/schemas` search.
@Suite struct SchemaByIDTests {
    static let schema = TestSchemas.record("Order", fields: ["id"])

    @Test func schemaByIDReturnsTheSchemaAndType() async throws {
        try await LiveServer.run { client in
            let registered = try await client.post("/subjects/orders-value/versions", TestSchemas.body(Self.schema)).json
            let id = registered["id"]?.integerValue ?? -1
            let response = try await client.get("/schemas/ids/\(id)")
            #expect(response.status == 200)
            let body = try response.json
            #expect(body["schema"] == registered["schema"])
            #expect(body["schemaType"] == .string("AVRO"))
            #expect(body.objectValue?.keys.sorted() == ["schema", "schemaType"])
        }
    }

    @Test func rawSchemaTextIsUnescaped() async throws {
        try await LiveServer.run { client in
            let registered = try await client.post("/subjects/o/versions", TestSchemas.body(Self.schema)).json
            let id = registered["id"]?.integerValue ?? -1
            let raw = try await client.get("/schemas/ids/\(id)/schema")
            #expect(raw.status == 200)
            #expect(raw.text == registered["schema"]?.stringValue)
            // The raw text is itself the schema JSON.
            #expect(try raw.json["name"] == .string("Order"))
        }
    }

    @Test func subjectsAndVersionsOfAnID() async throws {
        try await LiveServer.run { client in
            let id = try await client.post("/subjects/a/versions", TestSchemas.body(Self.schema)).json["id"]?.integerValue ?? -1
            #expect(try await client.put("/config/b", #"{"compatibility":"NONE"}"#).status == 200)
            _ = try await client.post("/subjects/b/versions", TestSchemas.body(TestSchemas.record("B", fields: ["x"])))
            _ = try await client.post("/subjects/b/versions", TestSchemas.body(Self.schema))
            #expect(try await client.get("/schemas/ids/\(id)/subjects").json == .array([.string("a"), .string("b")]))
            let versions = try await client.get("/schemas/ids/\(id)/versions").json
            #expect(versions == .array([
                .object(JSONObject([("subject", .string("a")), ("version", .int(1))])),
                .object(JSONObject([("subject", .string("b")), ("version", .int(2))])),
            ]))
            // Paging.
            #expect(try await client.get("/schemas/ids/\(id)/subjects?offset=1&limit=1").json == .array([.string("b")]))

            // Soft-deleted usages show only with deleted=true; the id stays resolvable.
            _ = try await client.delete("/subjects/a/versions/1")
            #expect(try await client.get("/schemas/ids/\(id)/subjects").json == .array([.string("b")]))
            #expect(try await client.get("/schemas/ids/\(id)/subjects?deleted=true").json == .array([.string("a"), .string("b")]))
            #expect(try await client.get("/schemas/ids/\(id)").status == 200)
        }
    }

    @Test func unknownIDIs40403() async throws {
        try await LiveServer.run { client in
            for path in ["/schemas/ids/12345", "/schemas/ids/12345/schema", "/schemas/ids/12345/subjects", "/schemas/ids/12345/versions", "/schemas/ids/notanumber"] {
                let response = try await client.get(path)
                #expect(response.status == 404, "\(path)")
                #expect(try response.json == .object(JSONObject([("error_code", .int(40403)), ("message", response.json["message"] ?? .null)])), "\(path)")
            }
        }
    }

    @Test func schemasSearchFiltersByPrefixLatestAndDeleted() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/app-a/versions", TestSchemas.body(TestSchemas.record("A", fields: ["x"])))
            _ = try await client.post("/subjects/app-a/versions", TestSchemas.body(TestSchemas.record("A", fields: ["x", "y"])))
            _ = try await client.post("/subjects/other/versions", TestSchemas.body(TestSchemas.record("O", fields: ["x"])))

            let all = try await client.get("/schemas").json.arrayValue ?? []
            #expect(all.count == 3)
            #expect(all.first?["subject"] == .string("app-a"))
            #expect(all.first?["version"] == .int(1))
            #expect(all.first?["schemaType"] == .string("AVRO"))

            let prefixed = try await client.get("/schemas?subjectPrefix=app-").json.arrayValue ?? []
            #expect(prefixed.count == 2)
            let latest = try await client.get("/schemas?subjectPrefix=app-&latestOnly=true").json.arrayValue ?? []
            #expect(latest.map { $0["version"] } == [.int(2)])
            let paged = try await client.get("/schemas?offset=1&limit=1").json.arrayValue ?? []
            #expect(paged.map { $0["version"] } == [.int(2)])

            _ = try await client.delete("/subjects/other")
            #expect((try await client.get("/schemas").json.arrayValue ?? []).count == 2)
            let withDeleted = try await client.get("/schemas?deleted=true").json.arrayValue ?? []
            #expect(withDeleted.count == 3)
            #expect(withDeleted.last?["deleted"] == .bool(true))
        }
    }
}
