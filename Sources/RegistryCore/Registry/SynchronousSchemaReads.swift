/// Reads that a registry answers from memory without suspending.
///
/// An adapter that finds this conformance may answer the hottest requests (a serializer fetching a schema by id,
/// or asking whether its schema is registered) on its I/O thread, skipping the hop into a task; everything else
/// goes through `SchemaRegistryService`. Results and errors are exactly those of the matching service calls.
public protocol SynchronousSchemaReads: Sendable {
    /// `SchemaRegistryService.schema(id:)` without suspending.
    func schemaSynchronously(id: Int) throws(RegistryError) -> StoredSchema
    /// `SchemaRegistryService.lookup(subject:_:normalize:includeDeleted:)` without suspending.
    func lookupSynchronously(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) throws(RegistryError) -> SubjectVersion
}
