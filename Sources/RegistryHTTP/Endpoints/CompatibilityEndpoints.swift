import RegistryCore

/// `/compatibility/subjects/{s}/versions[/{v}]`.
extension RegistryEndpoints {
    /// With `verbose=true` an invalid schema is an answer ("not compatible", with the reason), not an error:
    /// that is what Confluent does and what CI tools that print the messages rely on.
    func compatibility(_ input: EndpointInput, version: VersionSelector?) async throws -> String {
        let verbose = input.query.flag("verbose")
        do {
            let submission = try RequestBodies.submission(input.body)
            let verdict = try await service.checkCompatibility(
                subject: input.subject, version: version, submission, normalize: input.query.flag("normalize"))
            return ResponseShapes.compatibility(verdict, verbose: verbose)
        } catch let error as RegistryError where verbose && error.errorCode == 42201 {
            return ResponseShapes.compatibility(CompatibilityVerdict(isCompatible: false, messages: [error.message]), verbose: true)
        } catch let error as APIError where verbose && error.errorCode == 42201 {
            return ResponseShapes.compatibility(CompatibilityVerdict(isCompatible: false, messages: [error.message]), verbose: true)
        }
    }
}
