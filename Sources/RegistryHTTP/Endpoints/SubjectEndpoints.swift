import RegistryCore

/// `/subjects`: listing, registration, lookup, versions and deletion.
extension RegistryEndpoints {
    func subjects(_ input: EndpointInput) async throws -> String {
        let paging = try Paging(input.query)
        let subjects = try await service.subjects(
            prefix: input.query.string("subjectPrefix"),
            includeDeleted: input.query.flag("deleted"),
            deletedOnly: input.query.flag("deletedOnly")
        )
        return ResponseShapes.strings(paging.apply(subjects))
    }

    func register(_ input: EndpointInput) async throws -> String {
        let submission = try RequestBodies.submission(input.body)
        let registered = try await service.register(
            subject: input.subject, submission, normalize: input.query.flag("normalize"))
        return ResponseShapes.registered(registered)
    }

    func lookup(_ input: EndpointInput) async throws -> String {
        let submission = try RequestBodies.submission(input.body)
        let found = try await service.lookup(
            subject: input.subject, submission,
            normalize: input.query.flag("normalize"),
            includeDeleted: input.query.flag("deleted")
        )
        return ResponseShapes.subjectVersion(found)
    }

    func deleteSubject(_ input: EndpointInput) async throws -> String {
        let deleted = try await service.deleteSubject(input.subject, permanent: input.query.flag("permanent"))
        return ResponseShapes.ints(deleted)
    }

    func versions(_ input: EndpointInput) async throws -> String {
        let paging = try Paging(input.query)
        let versions = try await service.versions(
            subject: input.subject,
            includeDeleted: input.query.flag("deleted"),
            deletedOnly: input.query.flag("deletedOnly")
        )
        return ResponseShapes.ints(paging.apply(versions))
    }

    func version(_ input: EndpointInput) async throws -> String {
        let found = try await service.version(
            subject: input.subject, try Self.version(input.match.parameter), includeDeleted: input.query.flag("deleted"))
        return ResponseShapes.subjectVersion(found)
    }

    /// The schema text of one version, unescaped.
    func versionText(_ input: EndpointInput) async throws -> String {
        try await service.version(
            subject: input.subject, try Self.version(input.match.parameter), includeDeleted: input.query.flag("deleted")
        ).schema.schema
    }

    func deleteVersion(_ input: EndpointInput) async throws -> String {
        let deleted = try await service.deleteVersion(
            subject: input.subject, try Self.version(input.match.parameter), permanent: input.query.flag("permanent"))
        return String(deleted)
    }

    func referencedBy(_ input: EndpointInput) async throws -> String {
        let paging = try Paging(input.query, defaultLimit: 1000, maxLimit: 1000)
        let ids = try await service.referencedBy(subject: input.subject, try Self.version(input.match.parameter))
        return ResponseShapes.ints(paging.apply(ids))
    }
}
