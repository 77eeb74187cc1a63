import JSONValue
import Testing

/// Many clients at once, through real connections.
@Suite struct ConcurrentRegistrationTests {
    @Test func thirtyTwoClientsRegisteringOneSchemaGetOneIDAndOneVersion() async throws {
        try await LiveServer.run { client in
            let body = TestSchemas.body(TestSchemas.record("Same", fields: ["a"]))
            let results = try await withThrowingTaskGroup(of: JSONValue.self) { group in
                for _ in 0..<32 {
                    group.addTask { try await client.post("/subjects/same/versions", body).json }
                }
                return try await group.reduce(into: [JSONValue]()) { $0.append($1) }
            }
            #expect(results.count == 32)
            #expect(Set(results.compactMap { $0["id"] }).count == 1)
            #expect(Set(results.compactMap { $0["version"] }) == [.int(1)])
            #expect(try await client.get("/subjects/same/versions").text == "[1]")
        }
    }

    @Test func thirtyTwoClientsRegisteringDifferentSchemasGetDistinctContiguousIDs() async throws {
        try await LiveServer.run { client in
            let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        let body = TestSchemas.body(TestSchemas.record("R\(index)", fields: ["a"]))
                        let response = try await client.post("/subjects/subject-\(index)/versions", body)
                        return Int(try response.json["id"]?.integerValue ?? -1)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            let sorted = ids.sorted()
            #expect(Set(ids).count == 32)
            #expect(sorted.first.map { Array($0..<($0 + 32)) } == sorted)
            // Every one is readable by its id afterwards.
            for id in sorted {
                #expect(try await client.get("/schemas/ids/\(id)").status == 200)
            }
        }
    }
}
