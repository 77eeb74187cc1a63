import Foundation
import JSONValue
import Testing

/// `GET /schemas/ids/{id}` and `POST /subjects/{s}` over a kept-alive connection are answered on the event loop
/// (the fast path); with `Connection: close` they go through the responder. Both must give the same answer, in
/// order, counted the same way.
@Suite struct FastPathTests {
    static let accepts: [String?] = [
        nil, "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json",
        "*/*", "application/json; q=0.5, application/vnd.schemaregistry+json", "text/html",
    ]

    /// Registers an Avro schema, one that references it, and a JSON Schema; returns their ids.
    static func registerSamples(_ client: HTTPTestClient) async throws -> [Int] {
        let base = TestSchemas.record("Base", fields: ["a"], namespace: "fast")
        let baseID = try await client.post("/subjects/base/versions", TestSchemas.body(base)).json["id"]?.integerValue
        let user = #"{"type":"record","name":"User","namespace":"fast","fields":[{"name":"b","type":"fast.Base"},{"name":"note","type":"string","default":"tab\there \"quoted\" é"}]}"#
        let userID = try await client.post(
            "/subjects/user/versions", TestSchemas.body(user, references: [("fast.Base", "base", 1)])
        ).json["id"]?.integerValue
        let json = #"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"x":{"type":"integer"}}}"#
        let jsonID = try await client.post("/subjects/j/versions", TestSchemas.body(json, schemaType: "JSON")).json["id"]?.integerValue
        let ids = [baseID, userID, jsonID].compactMap { $0.map { Int($0) } }
        try #require(ids.count == 3)
        return ids
    }

    @Test func keptAliveAnswersEqualTheResponders() async throws {
        try await LiveServer.run { client in
            let ids = try await Self.registerSamples(client)
            for id in ids {
                for accept in Self.accepts {
                    let path = "/schemas/ids/\(id)"
                    let fast = try await KeepAliveConnection.exchange(
                        port: client.port, batches: [[KeepAliveConnection.get(path, headers: accept.map { ["Accept: \($0)"] } ?? [])]]
                    )[0]
                    let slow = try await client.get(path, accept: accept)
                    #expect(fast.status == slow.status, "\(path) Accept \(accept ?? "-")")
                    #expect(fast.body == slow.body, "\(path) Accept \(accept ?? "-")")
                    #expect(fast.header("content-type") == slow.header("content-type"), "\(path) Accept \(accept ?? "-")")
                    #expect(fast.header("content-length") == String(fast.body.count))
                    try Self.expectRecentDate(fast.header("date"))
                }
            }
            let user = try await client.get("/schemas/ids/\(ids[1])").json
            #expect(user["references"]?.arrayValue?.count == 1)
        }
    }

    @Test func unusualFormsGetTheRespondersAnswer() async throws {
        try await LiveServer.run { client in
            let id = try await Self.registerSamples(client)[0]
            let paths = [
                "/schemas/ids/0\(id)", "/schemas/ids/\(id)?subject=base", "/schemas/ids/\(id)/", "/schemas/ids/999999",
                "/schemas/ids/abc", "/schemas/ids/", "/schemas/ids/12345678901234567890", "/schemas/ids/\(id)/schema",
            ]
            for path in paths {
                let fast = try await KeepAliveConnection.exchange(port: client.port, batches: [[KeepAliveConnection.get(path)]])[0]
                let slow = try await client.get(path)
                #expect(fast.status == slow.status, "\(path)")
                #expect(fast.body == slow.body, "\(path)")
            }
            let missing = try await KeepAliveConnection.exchange(port: client.port, batches: [[KeepAliveConnection.get("/schemas/ids/999999")]])[0]
            #expect(missing.status == 404)
            #expect(try missing.json["error_code"] == .int(40403))
        }
    }

    @Test func aDeletedOrReimportedIDIsNotServedStale() async throws {
        try await LiveServer.run { client in
            let first = TestSchemas.record("Gone", fields: ["a"], namespace: "fast")
            let id = Int(try #require(try await client.post("/subjects/gone/versions", TestSchemas.body(first)).json["id"]?.integerValue))
            let path = "/schemas/ids/\(id)"
            let before = try await KeepAliveConnection.exchange(port: client.port, batches: [[KeepAliveConnection.get(path)]])[0]
            #expect(before.status == 200)
            #expect(try before.json["schema"]?.stringValue == first)

            #expect(try await client.delete("/subjects/gone").status == 200)
            #expect(try await client.delete("/subjects/gone?permanent=true").status == 200)
            let deleted = try await KeepAliveConnection.exchange(port: client.port, batches: [[KeepAliveConnection.get(path)]])[0]
            #expect(deleted.status == 404)
            #expect(try deleted.json["error_code"] == .int(40403))

            // IMPORT mode may give the freed id to other content; the answer must follow.
            #expect(try await client.put("/mode?force=true", #"{"mode":"IMPORT"}"#).status == 200)
            let second = TestSchemas.record("Back", fields: ["b"], namespace: "fast")
            let imported = try await client.post(
                "/subjects/back/versions", TestSchemas.body(second, extra: [("id", .int(Int64(id))), ("version", .int(1))]))
            #expect(imported.status == 200)
            let after = try await KeepAliveConnection.exchange(port: client.port, batches: [[KeepAliveConnection.get(path)]])[0]
            #expect(after.status == 200)
            #expect(try after.json["schema"]?.stringValue == second)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await LiveServer.run { client in
            let id = try await Self.registerSamples(client)[0]
            let next = TestSchemas.record("Next", fields: ["n"], namespace: "fast")
            let responses = try await KeepAliveConnection.exchange(port: client.port, batches: [[
                KeepAliveConnection.post("/subjects/next/versions", TestSchemas.body(next)),
                KeepAliveConnection.get("/schemas/ids/\(id)"),
                KeepAliveConnection.get("/schemas/ids/999999"),
                KeepAliveConnection.get("/subjects/next/versions/latest"),
                KeepAliveConnection.get("/schemas/ids/\(id)"),
            ]])
            #expect(responses.map(\.status) == [200, 200, 404, 200, 200])
            let nextID = try #require(try responses[0].json["id"]?.integerValue)
            let expected = try await client.get("/schemas/ids/\(id)").body
            #expect(responses[1].body == expected)
            #expect(responses[4].body == expected)
            #expect(try responses[3].json["id"]?.integerValue == nextID)
            // Once the responder has answered everything, the connection is back on the fast path.
            let later = try await KeepAliveConnection.exchange(
                port: client.port, batches: [[KeepAliveConnection.get("/schemas/ids/\(nextID)")], [KeepAliveConnection.get("/schemas/ids/\(id)")]])
            #expect(try later[0].json["schema"]?.stringValue == next)
            #expect(later[1].body == expected)
        }
    }

    @Test func fastPathRequestsAreCountedInMetrics() async throws {
        try await LiveServer.run { client in
            let id = try await Self.registerSamples(client)[0]
            let requests = Array(repeating: [KeepAliveConnection.get("/schemas/ids/\(id)")], count: 7)
            let responses = try await KeepAliveConnection.exchange(port: client.port, batches: requests)
            #expect(responses.allSatisfy { $0.status == 200 })
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"schema_registry_http_requests_total{route="/schemas/ids/{id}",method="GET",status="200"} 7"#))
        }
    }

    @Test func keptAliveLookupsEqualTheResponders() async throws {
        try await LiveServer.run { client in
            _ = try await Self.registerSamples(client)
            let registered = TestSchemas.body(TestSchemas.record("Base", fields: ["a"], namespace: "fast"))
            let other = TestSchemas.body(TestSchemas.record("Other", fields: ["z"], namespace: "fast"))
            let json = TestSchemas.body(#"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"x":{"type":"integer"}}}"#, schemaType: "JSON")
            let cases: [(path: String, body: String, contentType: String, accept: String?)] = [
                ("/subjects/base", registered, "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/base", registered, "application/json", "application/json"),
                ("/subjects/j", json, "application/vnd.schemaregistry+json", nil),
                ("/subjects/base", other, "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/nobody", registered, "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/base", "{not json", "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/base", #"{"schema":"{\"type\":\"nope\"}"}"#, "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/base", #"{"schema":""}"#, "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/base", registered, "text/plain", nil),
                ("/subjects/base", registered, "application/vnd.schemaregistry.v1+json", "text/html"),
                ("/subjects/base?deleted=true", registered, "application/vnd.schemaregistry.v1+json", nil),
                ("/subjects/ba%73e", registered, "application/vnd.schemaregistry.v1+json", nil),
            ]
            for item in cases {
                var headers = ["Content-Type: \(item.contentType)"]
                if let accept = item.accept { headers.append("Accept: \(accept)") }
                let request = "POST \(item.path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined()
                    + "Content-Length: \(item.body.utf8.count)\r\n\r\n" + item.body
                let fast = try await KeepAliveConnection.exchange(port: client.port, batches: [[request]])[0]
                var slowHeaders = [("Content-Type", item.contentType)]
                if let accept = item.accept { slowHeaders.append(("Accept", accept)) }
                let slow = try await client.send("POST", item.path, headers: slowHeaders, body: Array(item.body.utf8))
                let label = "\(item.path) \(item.body.prefix(24)) \(item.contentType) \(item.accept ?? "-")"
                #expect(fast.status == slow.status, "\(label)")
                #expect(fast.body == slow.body, "\(label)")
                #expect(fast.header("content-type") == slow.header("content-type"), "\(label)")
            }
            let found = try await KeepAliveConnection.exchange(
                port: client.port, batches: [[KeepAliveConnection.post("/subjects/base", registered)]])[0]
            #expect(found.status == 200)
            #expect(try found.json["subject"] == .string("base"))
            #expect(try found.json["version"] == .int(1))
            try Self.expectRecentDate(found.header("date"))
        }
    }

    @Test func aLookupOverTheBodyLimitGets413() async throws {
        try await LiveServer.run(maxBodyBytes: 300) { client in
            let large = TestSchemas.body(TestSchemas.record("Large", fields: (0..<20).map { "field\($0)" }, namespace: "fast"))
            #expect(large.utf8.count > 300)
            let responses = try await KeepAliveConnection.exchange(
                port: client.port, batches: [[KeepAliveConnection.post("/subjects/large", large)]])
            #expect(responses[0].status == 413)
            #expect(try responses[0].json["error_code"] == .int(413))
        }
    }

    @Test func pipelinedLookupsFollowTheRegistrationBeforeThem() async throws {
        try await LiveServer.run { client in
            let schema = TestSchemas.body(TestSchemas.record("Piped", fields: ["p"], namespace: "fast"))
            let responses = try await KeepAliveConnection.exchange(port: client.port, batches: [[
                KeepAliveConnection.post("/subjects/piped", schema),
                KeepAliveConnection.post("/subjects/piped", schema),
                KeepAliveConnection.post("/subjects/piped/versions", schema),
                KeepAliveConnection.post("/subjects/piped", schema),
            ]])
            #expect(responses.map(\.status) == [404, 404, 200, 200])
            #expect(try responses[0].json["error_code"] == .int(40401))
            let id = try responses[2].json["id"]
            #expect(try responses[3].json["id"] == id)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"schema_registry_http_requests_total{route="/subjects/{subject}",method="POST",status="200"} 1"#))
            #expect(metrics.contains(#"schema_registry_http_requests_total{route="/subjects/{subject}",method="POST",status="404"} 2"#))
        }
    }

    /// An IMF-fixdate (RFC 9110) within a minute of now.
    static func expectRecentDate(_ header: String?) throws {
        let text = try #require(header)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = try #require(formatter.date(from: text), "Date header \(text)")
        #expect(abs(date.timeIntervalSinceNow) < 60, "Date header \(text)")
        #expect(formatter.string(from: date) == text)
    }
}
