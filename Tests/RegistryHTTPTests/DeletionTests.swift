import JSONValue
import Testing

/// Soft and permanent deletes of subjects and versions, and references that block them.
@Suite struct DeletionTests {
    static let v1 = TestSchemas.record("D", fields: ["a"])
    static let v2 = TestSchemas.record("D", fields: ["a", "b"])

    @Test func softThenPermanentSubjectDelete() async throws {
        try await LiveServer.run { client in
            let id = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1)).json["id"]?.integerValue ?? -1
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2))

            let notSoft = try await client.delete("/subjects/s?permanent=true")
            #expect(notSoft.status == 404)
            #expect(try notSoft.json["error_code"] == .int(40405))

            #expect(try await client.delete("/subjects/s").text == "[1,2]")
            let again = try await client.delete("/subjects/s")
            #expect(again.status == 404)
            #expect(try again.json["error_code"] == .int(40404))
            #expect(try await client.get("/subjects/s/versions").json["error_code"] == .int(40401))
            // Soft-deleted schemas stay resolvable by id.
            #expect(try await client.get("/schemas/ids/\(id)").status == 200)

            #expect(try await client.delete("/subjects/s?permanent=true").text == "[1,2]")
            #expect(try await client.get("/subjects?deleted=true").text == "[]")
            let gone = try await client.delete("/subjects/s")
            #expect(try gone.json["error_code"] == .int(40401))
            #expect(try await client.get("/schemas/ids/\(id)").status == 404)
        }
    }

    @Test func softThenPermanentVersionDelete() async throws {
        try await LiveServer.run { client in
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v1))
            _ = try await client.post("/subjects/s/versions", TestSchemas.body(Self.v2))

            let notSoft = try await client.delete("/subjects/s/versions/1?permanent=true")
            #expect(notSoft.status == 404)
            #expect(try notSoft.json["error_code"] == .int(40407))

            #expect(try await client.delete("/subjects/s/versions/latest").text == "2")
            let again = try await client.delete("/subjects/s/versions/2")
            #expect(again.status == 404)
            #expect(try again.json["error_code"] == .int(40406))

            #expect(try await client.delete("/subjects/s/versions/2?permanent=true").text == "2")
            #expect(try await client.get("/subjects/s/versions?deleted=true").text == "[1]")
            let missing = try await client.delete("/subjects/s/versions/9")
            #expect(try missing.json["error_code"] == .int(40402))
            let badVersion = try await client.delete("/subjects/s/versions/zero")
            #expect(try badVersion.json["error_code"] == .int(42202))
        }
    }

    @Test func referencesResolveAndBlockDeletion() async throws {
        try await LiveServer.run { client in
            let address = TestSchemas.record("Address", fields: ["street"])
            let addressID = try await client.post("/subjects/address/versions", TestSchemas.body(address)).json["id"]
            let customer = #"{"type":"record","name":"Customer","namespace":"test","fields":[{"name":"home","type":"test.Address"}]}"#
            let body = TestSchemas.body(customer, references: [(name: "test.Address", subject: "address", version: 1)])
            let registered = try await client.post("/subjects/customer/versions", body)
            #expect(registered.status == 200)
            let customerJSON = try registered.json
            #expect(customerJSON["references"] == .array([.object(JSONObject([
                ("name", .string("test.Address")), ("subject", .string("address")), ("version", .int(1)),
            ]))]))
            let customerID = customerJSON["id"]?.integerValue ?? -1
            #expect(customerJSON["id"] != addressID)

            let byID = try await client.get("/schemas/ids/\(customerID)").json
            #expect(byID["references"]?.arrayValue?.count == 1)
            let version = try await client.get("/subjects/customer/versions/1").json
            #expect(version["references"]?.arrayValue?.first?["subject"] == .string("address"))

            #expect(try await client.get("/subjects/address/versions/1/referencedby").json == .array([.int(Int64(customerID))]))
            #expect(try await client.get("/subjects/address/versions/latest/referencedby").json == .array([.int(Int64(customerID))]))

            let blocked = try await client.delete("/subjects/address/versions/1")
            #expect(blocked.status == 422)
            #expect(try blocked.json["error_code"] == .int(42206))
            let blockedSubject = try await client.delete("/subjects/address")
            #expect(try blockedSubject.json["error_code"] == .int(42206))

            // A reference to a version that does not exist is an invalid schema.
            let dangling = TestSchemas.body(customer, references: [(name: "test.Address", subject: "address", version: 5)])
            let refused = try await client.post("/subjects/customer2/versions", dangling)
            #expect(refused.status == 422 || refused.status == 404)
        }
    }
}
