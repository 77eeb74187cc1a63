/// The 64-bit Rabin fingerprint the specification calls CRC-64-AVRO.
enum CRC64Avro {
    /// The fingerprint of the empty input, and the polynomial the table is built from.
    static let empty: UInt64 = 0xc15d_213a_a4d7_a795

    static let table: [UInt64] = (0..<256).map { index in
        var fingerprint = UInt64(index)
        for _ in 0..<8 {
            fingerprint = (fingerprint >> 1) ^ (empty & (0 &- (fingerprint & 1)))
        }
        return fingerprint
    }

    static func fingerprint(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var fingerprint = empty
        for byte in bytes {
            fingerprint = (fingerprint >> 8) ^ table[Int((fingerprint ^ UInt64(byte)) & 0xFF)]
        }
        return fingerprint
    }
}
