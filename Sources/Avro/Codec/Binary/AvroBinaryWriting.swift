/// Avro's binary primitives, appended to a byte buffer. Multi-byte values are assembled on the stack and
/// appended once: each `append` re-checks uniqueness and capacity, which dominated per-byte appends.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendAvroLong(_ value: Int64) {
        let zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        if zigzag < 0x80 {
            append(UInt8(truncatingIfNeeded: zigzag))
            return
        }
        var scratch: (UInt64, UInt64) = (0, 0)
        Swift.withUnsafeMutableBytes(of: &scratch) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let start = bytes.baseAddress else { return }
            append(contentsOf: UnsafeBufferPointer(start: start, count: AvroVarint.write(value, to: start)))
        }
    }

    @inline(__always)
    mutating func appendAvroFloat(_ value: Float) {
        Swift.withUnsafeBytes(of: value.bitPattern.littleEndian) { append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func appendAvroDouble(_ value: Double) {
        Swift.withUnsafeBytes(of: value.bitPattern.littleEndian) { append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func appendAvroBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        appendAvroLong(Int64(bytes.count))
        append(contentsOf: bytes)
    }

    @inline(__always)
    mutating func appendAvroBytes(_ bytes: some Collection<UInt8>) {
        appendAvroLong(Int64(bytes.count))
        append(contentsOf: bytes)
    }
}
