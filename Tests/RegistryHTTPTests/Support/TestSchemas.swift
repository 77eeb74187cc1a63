import JSONValue

/// Avro schemas the tests register, and helpers to put them into request bodies.
enum TestSchemas {
    /// A record `name` with string fields `fields`; each added field has a default so versions stay compatible.
    static func record(_ name: String, fields: [String], namespace: String = "test") -> String {
        var parts: [String] = []
        for (index, field) in fields.enumerated() {
            parts.append(index == 0
                ? #"{"name":"\#(field)","type":"string"}"#
                : #"{"name":"\#(field)","type":"string","default":""}"#)
        }
        return #"{"type":"record","name":"\#(name)","namespace":"\#(namespace)","fields":[\#(parts.joined(separator: ","))]}"#
    }

    /// A record with a required field no earlier version had: BACKWARD-incompatible with `record(name, [a])`.
    static func recordWithRequired(_ name: String, fields: [String], namespace: String = "test") -> String {
        let parts = fields.map { #"{"name":"\#($0)","type":"string"}"# }
        return #"{"type":"record","name":"\#(name)","namespace":"\#(namespace)","fields":[\#(parts.joined(separator: ","))]}"#
    }

    /// The register/lookup/compatibility body for a schema text.
    static func body(_ schema: String, schemaType: String? = nil, references: [(name: String, subject: String, version: Int)] = [], extra: [(String, JSONValue)] = []) -> String {
        var members: [(key: String, value: JSONValue)] = [("schema", .string(schema))]
        if let schemaType { members.append(("schemaType", .string(schemaType))) }
        if !references.isEmpty {
            members.append(("references", .array(references.map {
                .object(JSONObject([("name", .string($0.name)), ("subject", .string($0.subject)), ("version", .int(Int64($0.version)))]))
            })))
        }
        members.append(contentsOf: extra.map { (key: $0.0, value: $0.1) })
        return JSONValue.object(JSONObject(members)).serialized()
    }
}
