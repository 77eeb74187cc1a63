// libFuzzer entry point for the Avro schema parser: any bytes in, no crash, no hang, no leak out.
// Build and run instructions: docs/FUZZING.md ("Avro schema parser").
//
// Besides parsing, every accepted schema is pushed through each serialization and parsed again, since the
// writers walk the same untrusted structure and must produce text the parser accepts.

import Avro

@_cdecl("LLVMFuzzerTestOneInput")
public func avroSchemaParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let schema = try? AvroSchemaParser.parse(text) else { return 0 }
    _ = schema.parsingCanonicalForm
    _ = schema.fingerprintCRC64
    _ = schema.fingerprintMD5
    _ = schema.fingerprintSHA256
    for rewritten in [schema.canonicalText, schema.normalizedText] {
        guard let again = try? AvroSchemaParser.parse(rewritten) else {
            fatalError("serialized schema does not parse again: \(rewritten)")
        }
        if again != schema { fatalError("serialized schema parses to a different model: \(rewritten)") }
        if again.parsingCanonicalForm != schema.parsingCanonicalForm { fatalError("canonical form changed: \(rewritten)") }
    }
    return 0
}
