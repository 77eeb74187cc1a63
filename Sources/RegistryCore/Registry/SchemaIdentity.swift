/// What makes two registered schemas "the same schema": Confluent's identity is the format, the stored text and
/// the (resolved) references. Two submissions with one identity share one global id.
public struct SchemaIdentity: Sendable, Hashable {
    public var schemaType: SchemaType
    public var text: String
    public var references: [SchemaReference]

    public init(schemaType: SchemaType, text: String, references: [SchemaReference]) {
        self.schemaType = schemaType
        self.text = text
        self.references = references
    }

    public init(_ schema: StoredSchema) {
        self.init(schemaType: schema.schemaType, text: schema.schema, references: schema.references)
    }

    /// A stable 64-bit FNV-1a hash over every part of the identity.
    ///
    /// Stable across processes (unlike `Hasher`) so it can be stored and indexed; it only narrows a lookup to a
    /// few candidates, which are then compared in full, so collisions cost a comparison, never a wrong answer.
    public var hash: Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for byte in s.utf8 {
                h ^= UInt64(byte)
                h &*= 0x0000_0100_0000_01B3
            }
            h ^= 0xFF  // separator: no valid UTF-8 byte, so part boundaries cannot be confused
            h &*= 0x0000_0100_0000_01B3
        }
        mix(schemaType.rawValue)
        mix(text)
        for reference in references {
            mix(reference.name)
            mix(reference.subject)
            mix(String(reference.version))
        }
        return Int64(bitPattern: h)
    }
}
