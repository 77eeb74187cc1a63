import NIOCore
import RegistryCore
import Synchronization

/// Response bodies of `GET /schemas/ids/{id}`, rendered once per schema.
///
/// Rendering escapes the whole schema text into JSON, which was the largest cost of the fast path. A schema's
/// text never changes under its id, but an id can disappear (permanent delete) and, in IMPORT mode, return with
/// other content, so a cached body is only used when the registry's current answer equals the one it was
/// rendered from (usually the same string storage, so the comparison is cheap). Memory is bounded by dropping
/// everything when the bodies exceed `byteLimit`.
final class RenderedSchemas: Sendable {
    private struct Entry: Sendable {
        var schema: StoredSchema
        var body: ByteBuffer
    }

    private struct Contents: Sendable {
        var entries: [Int: Entry] = [:]
        var bytes = 0
    }

    private let contents = Mutex(Contents())
    let byteLimit: Int

    init(byteLimit: Int = 32 << 20) {
        self.byteLimit = byteLimit
    }

    func body(for schema: StoredSchema, allocator: ByteBufferAllocator) -> ByteBuffer {
        if let entry = contents.withLock({ $0.entries[schema.id] }), entry.schema == schema {
            return entry.body
        }
        let text = ResponseShapes.schemaByID(schema)
        var body = allocator.buffer(capacity: text.utf8.count)
        body.writeString(text)
        contents.withLock { contents in
            if contents.bytes + body.readableBytes > byteLimit {
                contents = Contents()
            }
            if let old = contents.entries.updateValue(Entry(schema: schema, body: body), forKey: schema.id) {
                contents.bytes -= old.body.readableBytes
            }
            contents.bytes += body.readableBytes
        }
        return body
    }
}
