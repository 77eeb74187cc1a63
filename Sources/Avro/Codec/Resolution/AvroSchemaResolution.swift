/// Reads data written with one schema (the writer's, e.g. found by a message's schema id) as another (the
/// consumer's): promotions, reader defaults for fields the writer lacks, writer fields the reader drops,
/// enum defaults for unknown symbols, and union branches matched by type. Compile once per pair.
public struct AvroSchemaResolution: Sendable {
    public let writer: AvroCodec
    public let reader: AvroCodec
    private let plan: [AvroReadStep]
    private let root: Int

    /// Fails with `.unresolvable` (and the path of the field at fault) when no writer datum could be read as
    /// the reader's type. Mismatches confined to some union branches surface only if such data arrives.
    public init(writer: AvroCodec, reader: AvroCodec) throws(AvroDataError) {
        var planner = AvroReadPlanner(writer: writer.program, reader: reader.program)
        self.root = try planner.plan(writer.program.root, reader.program.root)
        self.plan = planner.steps
        self.writer = writer
        self.reader = reader
    }

    /// Decodes writer binary into a value of the reader's schema.
    public func decode(_ bytes: some Collection<UInt8>) throws(AvroDataError) -> AvroValue {
        try withBuffer(bytes) { (buffer) throws(AvroDataError) -> AvroValue in
            var decoder = AvroResolvingDecoder(plan: plan, writer: writer.program, reader: AvroBinaryReader(buffer), limits: writer.limits)
            let value = try decoder.decode(root)
            guard decoder.reader.isAtEnd else {
                throw AvroDataError(.trailingBytes, expected: "end of datum",
                                    actual: "\(decoder.reader.remaining) more bytes at byte \(decoder.reader.position)")
            }
            return value
        }
    }

    /// Rewrites writer binary as reader binary.
    public func translate(_ bytes: some Collection<UInt8>) throws(AvroDataError) -> [UInt8] {
        try reader.encode(decode(bytes))
    }
}
