/// A schema format's name as the Confluent API spells it.
public enum SchemaType: String, Sendable, Hashable, Codable, CaseIterable {
    case avro = "AVRO"
    case json = "JSON"
    case protobuf = "PROTOBUF"

    /// Confluent's rule: an absent `schemaType` means Avro. Case-insensitive on input.
    public init?(apiValue: String?) {
        guard let apiValue else { self = .avro; return }
        guard let type = SchemaType(rawValue: apiValue.uppercased()) else { return nil }
        self = type
    }
}
