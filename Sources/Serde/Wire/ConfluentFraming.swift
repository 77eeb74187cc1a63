/// Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the payload
/// (Avro binary without any container or fingerprint). Every Confluent serializer, and tools built on them,
/// expect exactly this.
public enum ConfluentFraming {
    public static let magicByte: UInt8 = 0
    public static let headerSize = 5

    /// Appends the 5-byte header to `out`, ready for the payload to follow.
    public static func writeHeader(schemaID: Int32, into out: inout [UInt8]) {
        let id = UInt32(bitPattern: schemaID)
        out.append(magicByte)
        out.append(UInt8(truncatingIfNeeded: id >> 24))
        out.append(UInt8(truncatingIfNeeded: id >> 16))
        out.append(UInt8(truncatingIfNeeded: id >> 8))
        out.append(UInt8(truncatingIfNeeded: id))
    }

    public static func frame(schemaID: Int32, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(headerSize + payload.count)
        writeHeader(schemaID: schemaID, into: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// The schema id of a framed message, with the payload's start index.
    /// - Throws: `.notFramed` for input shorter than the header or with another magic byte (`0x01` is
    ///   Confluent 8's GUID framing, which this format does not carry).
    public static func parseHeader(_ bytes: some Collection<UInt8>) throws(SerdeError) -> (schemaID: Int32, payloadOffset: Int) {
        guard bytes.count >= headerSize else {
            throw .notFramed("message of \(bytes.count) bytes is shorter than the 5-byte Confluent header")
        }
        var iterator = bytes.makeIterator()
        let magic = iterator.next() ?? 0xFF
        guard magic == magicByte else {
            throw .notFramed("unknown magic byte \(magic) (expected 0, the Confluent schema-id framing)")
        }
        var id: UInt32 = 0
        for _ in 0..<4 {
            id = id << 8 | UInt32(iterator.next() ?? 0)
        }
        return (Int32(bitPattern: id), headerSize)
    }
}
