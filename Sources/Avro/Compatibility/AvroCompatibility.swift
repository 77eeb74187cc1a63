/// Schema compatibility by the Avro specification's Schema Resolution rules.
///
/// Logical types: the underlying types decide (a logical type never changes the bytes written), except that
/// two decimals with equal precision and scale match across bytes and fixed, as the Decimal section says.
/// docs/AVRO-COMPATIBILITY.md records the choices where implementations disagree.
public enum AvroCompatibility {
    /// Every reason `reader` cannot read data written with `writer`; empty when it can.
    public static func check(reader: AvroParsedSchema, writer: AvroParsedSchema) -> [AvroIncompatibility] {
        var checker = AvroResolutionChecker(readerNames: reader.names, writerNames: writer.names)
        checker.check(reader: reader.root, writer: writer.root)
        return checker.findings.map(\.incompatibility)
    }

    /// Whether `reader` can read data written with `writer`, without building any message.
    public static func canRead(reader: AvroParsedSchema, writer: AvroParsedSchema) -> Bool {
        var checker = AvroResolutionChecker(readerNames: reader.names, writerNames: writer.names)
        checker.check(reader: reader.root, writer: writer.root)
        return checker.findings.isEmpty
    }
}
