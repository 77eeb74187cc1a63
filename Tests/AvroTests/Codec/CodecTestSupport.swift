import Avro

/// Compiles schema text with the project's parser.
func codec(_ schemaText: String) throws -> AvroCodec {
    try AvroCodec(AvroSchemaParser.parse(schemaText))
}

let orderSchemaText = """
{"type": "record", "name": "Order", "namespace": "com.example.orders", "fields": [
  {"name": "order_id", "type": "string"},
  {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
  {"name": "amount", "type": "double"},
  {"name": "quantity", "type": "long"},
  {"name": "status", "type": {"type": "enum", "name": "OrderStatus", "symbols": ["PENDING", "PAID"]}},
  {"name": "shipping_address", "type": {"type": "record", "name": "Address", "fields": [
    {"name": "street", "type": "string"}, {"name": "country", "type": "string"}]}},
  {"name": "tags", "type": {"type": "array", "items": "string"}},
  {"name": "attributes", "type": {"type": "map", "values": "long"}},
  {"name": "coupon_code", "type": ["null", "string"], "default": null}
]}
"""

let orderJSON = """
{"order_id":"ord-1","created_at":1735689600000,"amount":12.5,"quantity":3,"status":"PAID",\
"shipping_address":{"street":"1 Main St","country":"DE"},"tags":["gift"],"attributes":{"w":7},"coupon_code":"SAVE10"}
"""

/// A linked list: the smallest recursive schema.
let listSchemaText = """
{"type": "record", "name": "Node", "fields": [
  {"name": "value", "type": "int"},
  {"name": "next", "type": ["null", "Node"], "default": null}
]}
"""
