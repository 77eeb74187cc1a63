/// Unicode scalars of UTF-8 that is already known to be valid (the stream path checks every string body), so
/// patterns run on message bytes without building a `String`. ASCII, the usual case, is one byte per step.
struct ValidUTF8Scalars: IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inline(__always) mutating func next() -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            index += 1
            return Unicode.Scalar(UInt8(truncatingIfNeeded: lead))
        }
        let length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
        guard index + length <= bytes.count else { index = bytes.count; return "\u{FFFD}" }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        index += length
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
