/// Avro's zig-zag varint, written into memory the caller has made room for: the one encoding every binary
/// writer (arrays, the byte sink, the JSON fast path) shares.
enum AvroVarint {
    /// The most bytes a long takes.
    static let maxBytes = 10

    /// Writes `value` at `target`, which must have `maxBytes` writable bytes; returns how many it wrote.
    @inline(__always)
    static func write(_ value: Int64, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var cursor = target
        while zigzag >= 0x80 {
            cursor.pointee = UInt8(truncatingIfNeeded: zigzag) | 0x80
            cursor += 1
            zigzag >>= 7
        }
        cursor.pointee = UInt8(truncatingIfNeeded: zigzag)
        return cursor - target + 1
    }

    /// How many bytes `write` takes for `value`.
    @inline(__always)
    static func size(_ value: Int64) -> Int {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var size = 1
        while zigzag >= 0x80 {
            zigzag >>= 7
            size += 1
        }
        return size
    }
}
