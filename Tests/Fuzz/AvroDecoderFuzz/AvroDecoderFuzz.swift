// libFuzzer entry for the Avro binary decoder and the JSON reader. Build and run with build.sh (see
// docs/FUZZING.md). The first input byte picks a schema and a mode; the rest is the datum.
import Avro

private let schemaTexts = [
    // order.avsc from the benchmark corpus.
    """
    {"type": "record", "name": "Order", "namespace": "com.example.orders", "fields": [
      {"name": "order_id", "type": "string"}, {"name": "customer_id", "type": "string"},
      {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
      {"name": "amount", "type": "double"}, {"name": "quantity", "type": "long"}, {"name": "is_gift", "type": "boolean"},
      {"name": "status", "type": {"type": "enum", "name": "OrderStatus", "symbols": ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]}},
      {"name": "shipping_address", "type": {"type": "record", "name": "Address", "fields": [
        {"name": "street", "type": "string"}, {"name": "city", "type": "string"},
        {"name": "postal_code", "type": "string"}, {"name": "country", "type": "string"}]}},
      {"name": "tags", "type": {"type": "array", "items": "string"}},
      {"name": "attributes", "type": {"type": "map", "values": "long"}},
      {"name": "coupon_code", "type": ["null", "string"], "default": null}, {"name": "currency", "type": "string"}]}
    """,
    // Recursive tree with every other kind of type around it.
    """
    {"type": "record", "name": "Tree", "fields": [
      {"name": "label", "type": {"type": "string", "logicalType": "uuid"}},
      {"name": "weight", "type": ["null", "int", "float", {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}]},
      {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
      {"name": "at", "type": {"type": "int", "logicalType": "time-millis"}},
      {"name": "children", "type": {"type": "array", "items": "Tree"}},
      {"name": "index", "type": {"type": "map", "values": ["null", "Tree"]}},
      {"name": "empty", "type": {"type": "array", "items": "null"}}]}
    """,
    "[\"null\", \"double\", \"string\", {\"type\": \"fixed\", \"name\": \"F\", \"size\": 3, \"logicalType\": \"decimal\", \"precision\": 7}]",
]

private let codecs: [AvroCodec] = schemaTexts.compactMap { text in
    guard let parsed = try? AvroSchemaParser.parse(text) else { return nil }
    return try? AvroCodec(parsed)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, codecs.count == schemaTexts.count else { return 0 }
    let selector = Int(data[0])
    let codec = codecs[selector % codecs.count]
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    if selector & 0x80 == 0 {
        checkBinary(codec, input)
    } else {
        checkJSON(codec, input, dialect: selector & 0x40 == 0 ? .plain : .avro)
    }
    return 0
}

/// Validation, decoding and JSON rendering must agree on every input; whatever decodes must re-encode.
private func checkBinary(_ codec: AvroCodec, _ input: UnsafeBufferPointer<UInt8>) {
    let valid = (try? codec.validate(input)) != nil
    let decoded = try? codec.decode(input)
    let json = try? codec.decodeJSON(input, dialect: .avro)
    guard valid == (decoded != nil), valid == (json != nil) else {
        fatalError("validate, decode and decodeJSON disagree")
    }
    guard let decoded, let json else { return }
    guard let reencoded = try? codec.encode(decoded), (try? codec.validate(reencoded)) != nil else {
        fatalError("decoded value does not re-encode")
    }
    guard let fromJSON = try? codec.encode(json: json, dialect: .avro), let again = try? codec.decode(fromJSON) else {
        fatalError("Avro JSON rendering does not parse back")
    }
    // NaN never equals itself; compare JSON renderings instead of values.
    guard (try? codec.decodeJSON(fromJSON, dialect: .avro)) == json, (try? codec.encode(again)) != nil else {
        fatalError("JSON round trip changed the datum")
    }
}

/// Whatever JSON text encodes must validate and render back.
private func checkJSON(_ codec: AvroCodec, _ input: UnsafeBufferPointer<UInt8>, dialect: AvroJSONDialect) {
    guard let binary = try? codec.encode(json: input, dialect: dialect) else { return }
    guard (try? codec.validate(binary)) != nil, (try? codec.decodeJSON(binary, dialect: dialect)) != nil else {
        fatalError("JSON reader produced invalid binary")
    }
}
