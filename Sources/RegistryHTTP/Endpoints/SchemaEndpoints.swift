import RegistryCore

/// `/schemas`: schemas by global id, and the search over all versions.
extension RegistryEndpoints {
    func schemaTypes() async throws -> String {
        ResponseShapes.strings(await service.schemaTypes().map(\.rawValue))
    }

    /// Confluent caps this search at `schema.search.max.limit` (1000), which is also its default page.
    func schemas(_ input: EndpointInput) async throws -> String {
        let paging = try Paging(input.query, defaultLimit: 1000, maxLimit: 1000)
        let found = try await service.schemas(
            subjectPrefix: input.query.string("subjectPrefix"),
            includeDeleted: input.query.flag("deleted"),
            latestOnly: input.query.flag("latestOnly")
        )
        return ResponseShapes.subjectVersions(paging.apply(found))
    }

    func schemaByID(_ input: EndpointInput) async throws -> String {
        let schema = try await service.schema(id: try Self.schemaID(input.match.parameter))
        return ResponseShapes.schemaByID(schema)
    }

    /// The schema text itself, unescaped.
    func schemaByIDText(_ input: EndpointInput) async throws -> String {
        try await service.schema(id: try Self.schemaID(input.match.parameter)).schema
    }

    func schemaByIDSubjects(_ input: EndpointInput) async throws -> String {
        let paging = try Paging(input.query)
        let subjects = try await service.subjects(
            forSchemaID: try Self.schemaID(input.match.parameter),
            includeDeleted: input.query.flag("deleted")
        )
        return ResponseShapes.strings(paging.apply(subjects))
    }

    func schemaByIDVersions(_ input: EndpointInput) async throws -> String {
        let paging = try Paging(input.query)
        let versions = try await service.versions(
            forSchemaID: try Self.schemaID(input.match.parameter),
            includeDeleted: input.query.flag("deleted")
        )
        return ResponseShapes.subjectVersionRefs(paging.apply(versions))
    }
}
