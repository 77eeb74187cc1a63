/// Fingerprints of the Parsing Canonical Form, as the specification defines them: two schemas that read data
/// the same way have the same fingerprints.
extension AvroParsedSchema {
    /// CRC-64-AVRO (64-bit Rabin) of the canonical form; what single-object encoding and many caches use.
    public var fingerprintCRC64: UInt64 {
        CRC64Avro.fingerprint(parsingCanonicalForm.utf8)
    }

    /// MD5 of the canonical form's UTF-8 bytes.
    public var fingerprintMD5: [UInt8] {
        MD5Digest.hash(parsingCanonicalForm.utf8)
    }

    /// SHA-256 of the canonical form's UTF-8 bytes.
    public var fingerprintSHA256: [UInt8] {
        SHA256Digest.hash(parsingCanonicalForm.utf8)
    }

    /// The ten bytes that start a single-object encoded datum: the marker C3 01, then the CRC-64-AVRO
    /// fingerprint in little-endian order.
    public var singleObjectHeader: [UInt8] {
        AvroFingerprint.singleObjectHeader(fingerprint: fingerprintCRC64)
    }
}

/// Fingerprint functions over arbitrary bytes, for callers that hold canonical text rather than a schema.
public enum AvroFingerprint {
    public static func crc64(_ bytes: some Sequence<UInt8>) -> UInt64 { CRC64Avro.fingerprint(bytes) }
    public static func md5(_ bytes: some Sequence<UInt8>) -> [UInt8] { MD5Digest.hash(bytes) }
    public static func sha256(_ bytes: some Sequence<UInt8>) -> [UInt8] { SHA256Digest.hash(bytes) }

    public static func singleObjectHeader(fingerprint: UInt64) -> [UInt8] {
        var header: [UInt8] = [0xC3, 0x01]
        for shift in stride(from: 0, to: 64, by: 8) { header.append(UInt8(truncatingIfNeeded: fingerprint >> UInt64(shift))) }
        return header
    }

    /// Lower-case hexadecimal, the usual way digests are shown and stored.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
