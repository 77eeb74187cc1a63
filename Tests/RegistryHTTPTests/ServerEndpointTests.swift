import JSONValue
import Testing

/// `/`, `/schemas/types`, `/contexts`, `/v1/metadata/*`, `/health`, `/metrics`.
@Suite struct ServerEndpointTests {
    @Test func rootAnswersEmptyObjectForGetAndPost() async throws {
        try await LiveServer.run { client in
            let get = try await client.get("/")
            #expect(get.status == 200)
            #expect(get.text == "{}")
            #expect(get.header("content-type") == "application/vnd.schemaregistry.v1+json")
            let post = try await client.post("/", "{}")
            #expect(post.status == 200)
            #expect(post.text == "{}")
        }
    }

    @Test func schemaTypesListsAvro() async throws {
        try await LiveServer.run { client in
            let response = try await client.get("/schemas/types")
            #expect(response.status == 200)
            let types = try response.json.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(types.contains("AVRO"))
        }
    }

    @Test func contextsListsTheDefaultContext() async throws {
        try await LiveServer.run { client in
            let response = try await client.get("/contexts")
            #expect(response.status == 200)
            #expect(response.text == #"["."]"#)
        }
    }

    @Test func metadataEndpointsHaveConfluentShapes() async throws {
        try await LiveServer.run { client in
            let id = try await client.get("/v1/metadata/id").json
            #expect(id["scope"]?["path"] == .array([]))
            #expect(id["scope"]?["clusters"]?["kafka-cluster"]?.stringValue?.isEmpty == false)
            #expect(id["scope"]?["clusters"]?["schema-registry-cluster"]?.stringValue?.isEmpty == false)

            let version = try await client.get("/v1/metadata/version").json
            #expect(version["version"]?.stringValue?.isEmpty == false)
            #expect(version["commitId"]?.stringValue != nil)
        }
    }

    @Test func healthReportsTheStore() async throws {
        try await LiveServer.run { client in
            let response = try await client.get("/health", accept: "text/html")
            #expect(response.status == 200)
            let body = try response.json
            #expect(body["status"] == .string("UP"))
            #expect(body["store"] == .string("ok"))
        }
    }

    @Test func metricsCountRequestsPerRouteTemplateAndReportCounts() async throws {
        try await LiveServer.run { client in
            let registered = try await client.post("/subjects/metrics-value/versions", TestSchemas.body(TestSchemas.record("M", fields: ["a"])))
            #expect(registered.status == 200)
            let id = try registered.json["id"]?.integerValue ?? -1
            for _ in 0..<3 { _ = try await client.get("/schemas/ids/\(id)") }
            _ = try await client.get("/schemas/ids/999999")

            let metrics = try await client.get("/metrics", accept: "application/openmetrics-text; version=1.0.0")
            #expect(metrics.status == 200)
            #expect(metrics.header("content-type")?.hasPrefix("text/plain") == true)
            let text = metrics.text
            #expect(text.contains(#"schema_registry_http_requests_total{route="/schemas/ids/{id}",method="GET",status="200"} 3"#))
            #expect(text.contains(#"schema_registry_http_requests_total{route="/schemas/ids/{id}",method="GET",status="404"} 1"#))
            #expect(text.contains(#"schema_registry_http_request_duration_seconds_count{route="/subjects/{subject}/versions",method="POST",status="200"} 1"#))
            #expect(text.contains("schema_registry_schemas 1"))
            #expect(text.contains("schema_registry_subjects 1"))
        }
    }
}
