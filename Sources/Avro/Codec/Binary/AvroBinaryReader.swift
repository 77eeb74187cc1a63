/// A bounds-checked cursor over Avro binary. Every length is checked against what is left before anything is
/// read or allocated, so hostile input costs at most its own size.
struct AvroBinaryReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position >= bytes.count }

    @inline(__always)
    mutating func readLong() throws(AvroDataError) -> Int64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var index = position
        let end = bytes.count
        while true {
            guard index < end else { throw truncated(needing: "a varint") }
            let byte = bytes[index]
            index += 1
            if shift == 63 && byte > 1 {
                throw AvroDataError(.invalidVarint, expected: "a long varint", actual: "one that overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            if shift > 63 {
                throw AvroDataError(.invalidVarint, expected: "a varint of at most 10 bytes", actual: "a longer one")
            }
        }
        position = index
        return Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
    }

    @inline(__always)
    mutating func readInt() throws(AvroDataError) -> Int32 {
        // Fast path: one-byte ints are the common case.
        if position < bytes.count, bytes[position] < 0x80 {
            let raw = UInt32(bytes[position])
            position += 1
            return Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        }
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw truncated(needing: "a varint") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            if shift > 28 {
                position = start
                throw AvroDataError(.invalidVarint, expected: "an int varint of at most 5 bytes", actual: "a longer one")
            }
        }
        guard result <= UInt64(UInt32.max) else {
            position = start
            throw AvroDataError(.invalidVarint, expected: "an int varint", actual: "one that overflows 32 bits")
        }
        let raw = UInt32(result)
        return Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    @inline(__always)
    mutating func readBoolean() throws(AvroDataError) -> Bool {
        guard position < bytes.count else { throw truncated(needing: "a boolean") }
        let byte = bytes[position]
        guard byte <= 1 else { throw AvroDataError(.outOfRange, expected: "boolean byte 0 or 1", actual: String(byte)) }
        position += 1
        return byte == 1
    }

    @inline(__always)
    mutating func readFixedBits(_ count: Int) throws(AvroDataError) -> UInt64 {
        guard remaining >= count else { throw truncated(needing: "\(count) bytes") }
        var bits: UInt64 = 0
        for i in 0..<count { bits |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += count
        return bits
    }

    /// Reads a length prefix and checks the bytes are there; returns the start of the payload.
    @inline(__always)
    mutating func readLengthPrefixed() throws(AvroDataError) -> Range<Int> {
        let length = try readLong()
        guard length >= 0 else {
            throw AvroDataError(.invalidLength, expected: "a non-negative length", actual: String(length))
        }
        guard length <= Int64(remaining) else {
            throw AvroDataError(.truncated, expected: "\(length) bytes", actual: "\(remaining) left")
        }
        let start = position
        position += Int(length)
        return start..<position
    }

    mutating func skip(_ count: Int) throws(AvroDataError) {
        guard count >= 0, count <= remaining else { throw truncated(needing: "\(count) bytes") }
        position += count
    }

    /// Reads a block count of an array or map. A negative count is followed by the block's byte size, which
    /// is read and ignored. The count is checked against the input left given the items' minimum size.
    @inline(__always)
    mutating func readBlockCount(minItemSize: Int, itemsSoFar: Int, limit: Int) throws(AvroDataError) -> Int {
        var count = try readLong()
        if count < 0 {
            guard count != Int64.min else {
                throw AvroDataError(.invalidLength, expected: "a block count", actual: String(count))
            }
            count = -count
            let size = try readLong()
            guard size >= 0 else { throw AvroDataError(.invalidLength, expected: "a non-negative block size", actual: String(size)) }
        }
        if minItemSize > 0 {
            guard count <= Int64(remaining / minItemSize) else {
                throw AvroDataError(.invalidLength, expected: "at most \(remaining / minItemSize) items in \(remaining) bytes left",
                                    actual: "\(count) items")
            }
        } else {
            guard count <= Int64(limit - itemsSoFar) else {
                throw AvroDataError(.invalidLength, expected: "at most \(limit) zero-size items", actual: "\(Int64(itemsSoFar) + count)")
            }
        }
        return Int(count)
    }

    func truncated(needing what: String) -> AvroDataError {
        AvroDataError(.truncated, expected: what, actual: "end of input at byte \(position)")
    }
}
