/// Reads that a registry answers from memory without suspending.
///
/// An adapter that finds this conformance may answer the hottest read (a serializer fetching a schema by id) on
/// its I/O thread, skipping the hop into a task; every other read goes through `SchemaRegistryService`.
public protocol SynchronousSchemaReads: Sendable {
    /// The schema with this global id, exactly as `SchemaRegistryService.schema(id:)` returns it.
    func schemaSynchronously(id: Int) throws(RegistryError) -> StoredSchema
}
