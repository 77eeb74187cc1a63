import Testing
import Avro

@Suite struct AvroCodecRoundTripTests {
    @Test func orderJSONRoundTripsThroughBinary() throws {
        let order = try codec(orderSchemaText)
        let binary = try order.encode(json: orderJSON)
        try order.validate(binary)
        #expect(try order.decodeJSONString(binary, dialect: .plain) == orderJSON)
        let avroJSON = try order.decodeJSONString(binary, dialect: .avro)
        #expect(avroJSON.contains(#""coupon_code":{"string":"SAVE10"}"#))
        #expect(try order.encode(json: avroJSON, dialect: .avro) == binary)
    }

    @Test func valueAPIMatchesJSON() throws {
        let order = try codec(orderSchemaText)
        let value: AvroValue = [
            "order_id": "ord-1", "created_at": 1735689600000, "amount": 12.5, "quantity": 3, "status": "PAID",
            "shipping_address": ["street": "1 Main St", "country": "DE"], "tags": ["gift"], "attributes": ["w": 7],
            "coupon_code": "SAVE10",
        ]
        let binary = try order.encode(value)
        #expect(binary == (try order.encode(json: orderJSON)))
        let decoded = try order.decode(binary)
        guard case .record(let fields) = decoded else {
            Issue.record("expected a record, got \(decoded)")
            return
        }
        #expect(fields[4] == .enumeration("PAID"))
        #expect(fields[8] == .union(branch: 1, .string("SAVE10")))
        #expect(try order.encode(decoded) == binary)
    }

    @Test func missingFieldWithDefaultIsFilled() throws {
        let order = try codec(orderSchemaText)
        let withoutCoupon = orderJSON.replacingOccurrences(of: #","coupon_code":"SAVE10""#, with: "")
        let binary = try order.encode(json: withoutCoupon)
        #expect(try order.decodeJSONString(binary).hasSuffix(#""coupon_code":null}"#))
    }

    @Test func fieldsInAnyOrder() throws {
        let order = try codec(orderSchemaText)
        let shuffled = """
        {"coupon_code":null,"tags":[],"attributes":{},"shipping_address":{"country":"FR","street":"x"},\
        "status":"PENDING","quantity":1,"amount":1,"created_at":0,"order_id":"a"}
        """
        let inOrder = """
        {"order_id":"a","created_at":0,"amount":1,"quantity":1,"status":"PENDING",\
        "shipping_address":{"street":"x","country":"FR"},"tags":[],"attributes":{},"coupon_code":null}
        """
        #expect(try order.encode(json: shuffled) == order.encode(json: inOrder))
    }

    @Test func recursiveSchema() throws {
        let list = try codec(listSchemaText)
        let json = #"{"value":1,"next":{"value":2,"next":{"value":3,"next":null}}}"#
        let binary = try list.encode(json: json)
        #expect(binary == [2, 2, 4, 2, 6, 0])
        #expect(try list.decodeJSONString(binary) == json)
        #expect(try list.decodeJSONString(binary, dialect: .avro) == #"{"value":1,"next":{"Node":{"value":2,"next":{"Node":{"value":3,"next":null}}}}}"#)
        let value = try list.decode(binary)
        #expect(try list.encode(value) == binary)
    }
}
