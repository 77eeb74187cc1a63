/// Hands `bytes` to C as (pointer, length), keeping Kafka's distinction between an absent key/value (NULL) and an
/// empty one (non-NULL, length 0): Swift gives no base address for an empty array, so a one-byte stand-in is used.
@inline(__always)
func withOptionalBytes<Result>(_ bytes: [UInt8]?, _ body: (UnsafeRawPointer?, Int) -> Result) -> Result {
    guard let bytes else {
        return body(nil, 0)
    }
    return bytes.withUnsafeBytes { buffer in
        if let base = buffer.baseAddress {
            return body(base, buffer.count)
        }
        var placeholder: UInt8 = 0
        return withUnsafeBytes(of: &placeholder) { stand in body(stand.baseAddress, 0) }
    }
}

/// Copies a C buffer into an array, or nil when the pointer is NULL (absent key/value).
func copyBytes(_ pointer: UnsafeRawPointer?, count: Int) -> [UInt8]? {
    guard let pointer else {
        return nil
    }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
}

/// Reads the NUL-terminated text librdkafka wrote into an error buffer.
func errorText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
