import Testing
@testable import Avro

/// Digest implementations checked against the published test vectors of their standards.
@Suite struct FingerprintTests {
    @Test func crc64OfEmptyInputIsTheSeed() {
        #expect(AvroFingerprint.crc64([UInt8]()) == 0xc15d_213a_a4d7_a795)
    }

    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5MatchesRFC1321(input: String, hex: String) {
        #expect(AvroFingerprint.hex(AvroFingerprint.md5(input.utf8)) == hex)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesFIPS180(input: String, hex: String) {
        #expect(AvroFingerprint.hex(AvroFingerprint.sha256(input.utf8)) == hex)
    }

    @Test func digestsOfLongInputsSpanManyBlocks() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(AvroFingerprint.hex(AvroFingerprint.sha256(million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(AvroFingerprint.hex(AvroFingerprint.md5(million)) == "7707d6ae4e027c70eea2a935c2296f21")
    }

    @Test func singleObjectHeaderIsMarkerThenLittleEndianFingerprint() {
        #expect(AvroFingerprint.singleObjectHeader(fingerprint: 0x0102_0304_0506_0708) == [0xC3, 0x01, 8, 7, 6, 5, 4, 3, 2, 1])
    }

    @Test func fingerprintsIgnoreWhatDoesNotAffectParsing() throws {
        let plain = try AvroSchemaParser.parse(#"{"type":"record","name":"a.R","fields":[{"name":"x","type":"int"}]}"#)
        let decorated = try AvroSchemaParser.parse(#"{"type":"record","name":"R","namespace":"a","doc":"d","aliases":["Q"],"fields":[{"name":"x","type":{"type":"int","logicalType":"date"},"default":1,"doc":"x"}]}"#)
        #expect(plain.parsingCanonicalForm == decorated.parsingCanonicalForm)
        #expect(plain.fingerprintCRC64 == decorated.fingerprintCRC64)
        #expect(plain.fingerprintSHA256 == decorated.fingerprintSHA256)
        let renamed = try AvroSchemaParser.parse(#"{"type":"record","name":"a.R","fields":[{"name":"y","type":"int"}]}"#)
        #expect(plain.fingerprintCRC64 != renamed.fingerprintCRC64)
    }
}
