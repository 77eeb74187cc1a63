import JSONValue
import Testing

/// Framework-level behaviour: content types, negotiation, malformed bodies, unknown routes, methods, sizes.
@Suite struct ProtocolErrorTests {
    static let schema = TestSchemas.record("P", fields: ["a"])

    /// Every error body is exactly `{"error_code","message"}`.
    static func expectError(_ response: HTTPTestResponse, status: Int, code: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let body = try response.json
        #expect(body["error_code"] == .int(Int64(code)), sourceLocation: sourceLocation)
        #expect(body.objectValue?.keys.sorted() == ["error_code", "message"], sourceLocation: sourceLocation)
        #expect(body["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func acceptedRequestContentTypes() async throws {
        try await LiveServer.run { client in
            let types: [String?] = [
                "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json",
                "application/json; charset=utf-8", "application/octet-stream", nil,
            ]
            for (index, type) in types.enumerated() {
                let response = try await client.post("/subjects/ct-\(index)/versions", TestSchemas.body(Self.schema), contentType: type)
                #expect(response.status == 200, "\(type ?? "none")")
            }
        }
    }

    @Test func otherContentTypesAre415() async throws {
        try await LiveServer.run { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
                let response = try await client.post("/subjects/s/versions", TestSchemas.body(Self.schema), contentType: type)
                try Self.expectError(response, status: 415, code: 415)
            }
            let put = try await client.put("/config", #"{"compatibility":"NONE"}"#, contentType: "text/plain")
            try Self.expectError(put, status: 415, code: 415)
            #expect(try await client.get("/subjects").text == "[]")
            #expect(try await client.get("/config").text == #"{"compatibilityLevel":"BACKWARD"}"#)
        }
    }

    @Test func acceptNegotiation() async throws {
        try await LiveServer.run { client in
            let cases: [(String?, String)] = [
                (nil, "application/vnd.schemaregistry.v1+json"),
                ("*/*", "application/vnd.schemaregistry.v1+json"),
                ("application/json", "application/json"),
                ("application/vnd.schemaregistry+json", "application/vnd.schemaregistry+json"),
                ("application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5", "application/vnd.schemaregistry.v1+json"),
                ("application/json, text/html", "application/json"),
                ("text/html, application/*;q=0.2", "application/vnd.schemaregistry.v1+json"),
            ]
            for (accept, expected) in cases {
                let response = try await client.get("/subjects", accept: accept)
                #expect(response.status == 200, "\(accept ?? "none")")
                #expect(response.header("content-type") == expected, "\(accept ?? "none")")
            }
            for accept in ["text/html", "application/xml", "application/json;q=0"] {
                let response = try await client.get("/subjects", accept: accept)
                try Self.expectError(response, status: 406, code: 406)
            }
        }
    }

    @Test func malformedJSONIs400AndWrongShape422() async throws {
        try await LiveServer.run { client in
            try Self.expectError(try await client.post("/subjects/s/versions", "{not json"), status: 400, code: 400)
            try Self.expectError(try await client.post("/subjects/s/versions", ""), status: 400, code: 400)
            try Self.expectError(try await client.put("/config", "{\"compatibility\":"), status: 400, code: 400)
            try Self.expectError(try await client.post("/subjects/s/versions", "[1,2]"), status: 422, code: 422)
            try Self.expectError(try await client.post("/subjects/s/versions", #"{"schema":5}"#), status: 422, code: 422)
            try Self.expectError(try await client.post("/subjects/s/versions", #"{"schema":"\"int\"","references":{}}"#), status: 422, code: 422)
            #expect(try await client.get("/subjects").text == "[]")
        }
    }

    @Test func unknownRoutesAre404() async throws {
        try await LiveServer.run { client in
            for path in ["/nope", "/subjects/s/versions/1/nope", "/schemas/ids", "/schemas/nope", "/v1/metadata/nope", "/compatibility/subjects/s", "/subjects/bad%zzname"] {
                try Self.expectError(try await client.get(path), status: 404, code: 404)
            }
        }
    }

    @Test func wrongMethodsAre405() async throws {
        try await LiveServer.run { client in
            try Self.expectError(try await client.put("/subjects", "{}"), status: 405, code: 405)
            try Self.expectError(try await client.send("PATCH", "/config"), status: 405, code: 405)
            try Self.expectError(try await client.get("/compatibility/subjects/s/versions"), status: 405, code: 405)
            try Self.expectError(try await client.delete("/schemas/ids/1"), status: 405, code: 405)
            try Self.expectError(try await client.get("/subjects/s"), status: 405, code: 405)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await LiveServer.run(maxBodyBytes: 2048) { client in
            let big = TestSchemas.body(TestSchemas.record("Big", fields: (0..<200).map { "field\($0)" }))
            #expect(big.utf8.count > 2048)
            try Self.expectError(try await client.post("/subjects/s/versions", big), status: 413, code: 413)
            try Self.expectError(try await client.post("/compatibility/subjects/s/versions", big), status: 413, code: 413)
            #expect(try await client.get("/subjects").text == "[]")
            // A body under the limit on the same server still works.
            #expect(try await client.post("/subjects/s/versions", TestSchemas.body(Self.schema)).status == 200)
        }
    }

    @Test func errorsKeepTheNegotiatedContentType() async throws {
        try await LiveServer.run { client in
            let response = try await client.get("/subjects/none/versions", accept: "application/json")
            try Self.expectError(response, status: 404, code: 40401)
            #expect(response.header("content-type") == "application/json")
        }
    }
}
