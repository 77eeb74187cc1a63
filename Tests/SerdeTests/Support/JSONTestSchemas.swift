import Foundation
import RegistryCore

/// JSON Schema counterparts of `TestSchemas`: an order the JSON texts of `TestSchemas.orderJSON` satisfy.
enum JSONTestSchemas {
    /// Draft 7, declared: what confluent-kafka's Python serdes assume by default, so both sides read it alike.
    static let order = """
    {"$schema":"http://json-schema.org/draft-07/schema#","title":"Order","type":"object",
     "properties":{
       "id":{"type":"integer","minimum":0},
       "customer":{"type":"string","minLength":1},
       "status":{"enum":["NEW","PAID","SHIPPED"]},
       "lines":{"type":"array","items":{"type":"object",
         "properties":{"sku":{"type":"string"},"quantity":{"type":"integer","minimum":1},"price":{"type":"number"}},
         "required":["sku","quantity","price"],"additionalProperties":false}},
       "tags":{"type":"object","additionalProperties":{"type":"string"}},
       "coupon":{"type":["string","null"]}
     },
     "required":["id","customer","status","lines"],"additionalProperties":false}
    """

    static func submission(_ text: String = order, references: [SchemaReference] = []) -> SchemaSubmission {
        SchemaSubmission(schema: text, schemaType: .json, references: references)
    }

    /// Messages `order` refuses, with where and why.
    static let invalid: [(json: String, path: String, reason: String)] = [
        (#"{"id":1,"customer":"c","status":"NEW","lines":[{"sku":"a","quantity":1.5,"price":1.0}],"tags":{},"coupon":null}"#, "/lines/0/quantity", "typeMismatch"),
        (#"{"id":2,"customer":"c","status":"LOST","lines":[],"tags":{},"coupon":null}"#, "/status", "unknownSymbol"),
        (#"{"id":3,"status":"NEW","lines":[],"tags":{},"coupon":null}"#, "/customer", "missingField"),
        (#"{"id":4,"customer":"c","status":"NEW","lines":[],"tags":{"k":7},"coupon":null}"#, "/tags/k", "typeMismatch"),
        (#"{"id":-5,"customer":"c","status":"NEW","lines":[]}"#, "/id", "outOfRange"),
        (#"{"id":6,"customer":"c","status":"NEW","lines":[],"extra":true}"#, "/extra", "unknownField"),
        (#"{"id":7,"customer":"c""#, "", "invalidJSON"),
    ]
}
