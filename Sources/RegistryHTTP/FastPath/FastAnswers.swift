import Logging
import NIOCore
import RegistryCore

/// What the fast path handlers of all connections share, and how they compute an answer.
///
/// An answer is only produced for a success; every failure (unknown id or subject, a body that is not a valid
/// submission, a schema not registered) returns nil and the request goes to the responder, so error bodies and
/// codes have one source.
struct FastAnswers: Sendable {
    let reads: any SynchronousSchemaReads
    let metrics: RequestMetrics
    let date: HTTPDate
    let bodies: RenderedSchemas
    let logger: Logger
    let maxBodyBytes: Int

    func answer(_ route: FastRoute, body: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer? {
        switch route {
        case .schemaByID(let id):
            guard let schema = try? reads.schemaSynchronously(id: id) else { return nil }
            return bodies.body(for: schema, allocator: allocator)
        case .lookup(let subject):
            guard let submission = try? RequestBodies.submission(body),
                  let found = try? reads.lookupSynchronously(subject: subject, submission, normalize: false, includeDeleted: false)
            else { return nil }
            let text = ResponseShapes.subjectVersion(found)
            var buffer = allocator.buffer(capacity: text.utf8.count)
            buffer.writeString(text)
            return buffer
        }
    }
}
