import JSONValue
import Testing

/// `/config` and `/mode`, global and per subject.
@Suite struct ConfigAndModeTests {
    static let v1 = TestSchemas.record("K", fields: ["a"])
    static let v2 = TestSchemas.record("K", fields: ["a", "b"])

    @Test func globalConfigReadSetAndReset() async throws {
        try await LiveServer.run { client in
            #expect(try await client.get("/config").text == #"{"compatibilityLevel":"BACKWARD"}"#)
            let set = try await client.put("/config", #"{"compatibility":"full_transitive"}"#)
            #expect(set.status == 200)
            #expect(set.text == #"{"compatibility":"FULL_TRANSITIVE"}"#)
            #expect(try await client.get("/config").text == #"{"compatibilityLevel":"FULL_TRANSITIVE"}"#)
            #expect(try await client.delete("/config").text == #"{"compatibilityLevel":"FULL_TRANSITIVE"}"#)
            #expect(try await client.get("/config").text == #"{"compatibilityLevel":"BACKWARD"}"#)
        }
    }

    @Test func subjectConfigFallsBackToGlobalOnlyWhenAsked() async throws {
        try await LiveServer.run { client in
            let none = try await client.get("/config/s")
            #expect(none.status == 404)
            #expect(try none.json["error_code"] == .int(40408))
            #expect(try await client.get("/config/s?defaultToGlobal=true").text == #"{"compatibilityLevel":"BACKWARD"}"#)

            // Allowed before the subject has any schema (kafkajs does this).
            #expect(try await client.put("/config/s", #"{"compatibility":"NONE"}"#).text == #"{"compatibility":"NONE"}"#)
            #expect(try await client.get("/config/s").text == #"{"compatibilityLevel":"NONE"}"#)
            #expect(try await client.delete("/config/s").text == #"{"compatibilityLevel":"NONE"}"#)
            let gone = try await client.delete("/config/s")
            #expect(gone.status == 404)
        }
    }

    @Test func invalidLevelIs42203() async throws {
        try await LiveServer.run { client in
            for body in [#"{"compatibility":"SOMETIMES"}"#, #"{}"#, #"{"compatibility":3}"#] {
                let response = try await client.put("/config", body)
                #expect(response.status == 422, "\(body)")
                #expect(try response.json["error_code"] == .int(42203), "\(body)")
            }
            #expect(try await client.get("/config").text == #"{"compatibilityLevel":"BACKWARD"}"#)
        }
    }

    @Test func modeReadSetAndReset() async throws {
        try await LiveServer.run { client in
            #expect(try await client.get("/mode").text == #"{"mode":"READWRITE"}"#)
            let none = try await client.get("/mode/s")
            #expect(none.status == 404)
            #expect(try none.json["error_code"] == .int(40409))
            #expect(try await client.get("/mode/s?defaultToGlobal=true").text == #"{"mode":"READWRITE"}"#)

            #expect(try await client.put("/mode/s", #"{"mode":"readonly"}"#).text == #"{"mode":"READONLY"}"#)
            #expect(try await client.get("/mode/s").text == #"{"mode":"READONLY"}"#)
            #expect(try await client.delete("/mode/s").text == #"{"mode":"READONLY"}"#)
            #expect(try await client.get("/mode/s").status == 404)
        }
    }

    @Test func invalidModeIs42204() async throws {
        try await LiveServer.run { client in
            let response = try await client.put("/mode", #"{"mode":"SOMETIMES"}"#)
            #expect(response.status == 422)
            #expect(try response.json["error_code"] == .int(42204))
        }
    }

    @Test func readOnlyRefusesWritesWith42205AndKeepsData() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            _ = try await client.put("/mode/s", #"{"mode":"READONLY"}"#)
            let register = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2))
            #expect(register.status == 422)
            #expect(try register.json["error_code"] == .int(42205))
            let delete = try await client.delete("/subjects/s/versions/1")
            #expect(try delete.json["error_code"] == .int(42205))
            #expect(try await client.get("/subjects/s/versions").text == "[1]")
            // Reads and other subjects are unaffected.
            #expect(try await client.get("/subjects/s/versions/1").status == 200)
            #expect(try await client.post("/subjects/other/versions", TestSchemas.body(Self.v1)).status == 200)

            _ = try await client.delete("/mode/s")
            #expect(try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2)).status == 200)
        }
    }

    @Test func importModeKeepsExplicitIDs() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/live/versions", TestSchemas.body(Self.v1))
            let refused = try await client.put("/mode", #"{"mode":"IMPORT"}"#)
            #expect(refused.status == 422)
            #expect(try refused.json["error_code"] == .int(42205))
            #expect(try await client.put("/mode?force=true", #"{"mode":"IMPORT"}"#).text == #"{"mode":"IMPORT"}"#)

            let imported = try await client.post(
                "/subjects/imported/versions",
                TestSchemas.body(TestSchemas.record("Imp", fields: ["a"]), extra: [("id", .int(5000)), ("version", .int(3))]))
            #expect(imported.status == 200)
            #expect(try imported.json["id"] == .int(5000))
            #expect(try imported.json["version"] == .int(3))
            #expect(try await client.get("/schemas/ids/5000").status == 200)

            let withoutID = try await client.post("/subjects/imported/versions", TestSchemas.body(TestSchemas.record("Imp2", fields: ["a"])))
            #expect(withoutID.status == 422)
            #expect(try withoutID.json["error_code"] == .int(42205))

            _ = try await client.put("/mode", #"{"mode":"READWRITE"}"#)
            let explicitID = try await client.post(
                "/subjects/x/versions", TestSchemas.body(TestSchemas.record("X", fields: ["a"]), extra: [("id", .int(7000))]))
            #expect(explicitID.status == 422)
            #expect(try explicitID.json["error_code"] == .int(42205))
            // New ids continue after the imported ones and never collide.
            let fresh = try await client.post("/subjects/x/versions", TestSchemas.body(TestSchemas.record("X", fields: ["a"]))).json
            #expect((fresh["id"]?.integerValue ?? 0) > 5000)
        }
    }
}
