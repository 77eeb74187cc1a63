/// Avro's binary primitives, appended to a byte buffer.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendAvroLong(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        append(UInt8(truncatingIfNeeded: zigzag))
    }

    @inline(__always)
    mutating func appendAvroFloat(_ value: Float) {
        let bits = value.bitPattern
        append(UInt8(truncatingIfNeeded: bits))
        append(UInt8(truncatingIfNeeded: bits >> 8))
        append(UInt8(truncatingIfNeeded: bits >> 16))
        append(UInt8(truncatingIfNeeded: bits >> 24))
    }

    @inline(__always)
    mutating func appendAvroDouble(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    @inline(__always)
    mutating func appendAvroBytes(_ bytes: some Collection<UInt8>) {
        appendAvroLong(Int64(bytes.count))
        append(contentsOf: bytes)
    }
}
