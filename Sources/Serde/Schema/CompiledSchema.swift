import Avro

/// A registry schema parsed and compiled once, shared by every message written or read with it.
public struct CompiledSchema: Sendable {
    public let id: Int
    public let parsed: AvroParsedSchema
    public let codec: AvroCodec

    /// The full name of the root when it is a named type (what the record subject strategies use).
    public var recordName: String? { parsed.root.fullName?.fullName }

    init(id: Int, parsed: AvroParsedSchema) throws(SerdeError) {
        self.id = id
        self.parsed = parsed
        do {
            self.codec = try AvroCodec(parsed)
        } catch {
            throw .invalidSchema("schema \(id) does not compile: \(error)")
        }
    }
}
