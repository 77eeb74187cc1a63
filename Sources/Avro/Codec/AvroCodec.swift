import JSONValue

/// A schema compiled once for encoding, decoding and validating data. Immutable and `Sendable`: compile per
/// schema version and share it across tasks.
public struct AvroCodec: Sendable {
    let program: AvroProgram
    public let limits: AvroCodecLimits

    /// Compiles `schema`; references resolve through `names`. Fails on a reference no schema defines or a
    /// field default that does not fit its type.
    public init(schema: AvroSchema, names: AvroSchemaSet = AvroSchemaSet(), limits: AvroCodecLimits = AvroCodecLimits()) throws(AvroDataError) {
        self.program = try AvroProgramCompiler.compile(schema, names: names)
        self.limits = limits
    }

    public init(_ parsed: AvroParsedSchema, limits: AvroCodecLimits = AvroCodecLimits()) throws(AvroDataError) {
        try self.init(schema: parsed.root, names: parsed.names, limits: limits)
    }

    // MARK: Values

    /// Validates `value` and returns its binary encoding.
    public func encode(_ value: AvroValue) throws(AvroDataError) -> [UInt8] {
        try withValueEncoding(value) { Array($0) }
    }

    /// Validates `value` and appends its binary encoding to `out`, which callers reuse across messages so the
    /// buffer's storage is allocated once. On error `out` is unchanged.
    public func encode(_ value: AvroValue, into out: inout [UInt8]) throws(AvroDataError) {
        try withValueEncoding(value) { out.append(contentsOf: $0) }
    }

    /// Encodes into stack scratch (heap only for values larger than it) and hands the bytes to `body` once.
    private func withValueEncoding<R>(_ value: AvroValue, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws(AvroDataError) -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.valueScratchSize) { (scratch) throws(AvroDataError) -> R in
            var encoder = AvroValueEncoder(program: program, limits: limits, scratch: scratch)
            defer { encoder.out.release() }
            try encoder.encode(program.root, value)
            return body(encoder.out.bytes)
        }
    }

    /// Stack bytes for one encoding: most messages fit, and the stdlib keeps allocations this small on the stack.
    private static let valueScratchSize = 1024

    /// Decodes and validates one datum that must span all of `bytes`.
    public func decode(_ bytes: some Collection<UInt8>) throws(AvroDataError) -> AvroValue {
        try withBuffer(bytes) { (buffer) throws(AvroDataError) -> AvroValue in
            try program.ops.withUnsafeBufferPointer { (ops) throws(AvroDataError) -> AvroValue in
                try program.children.withUnsafeBufferPointer { (children) throws(AvroDataError) -> AvroValue in
                    var decoder = AvroBinaryDecoder(program: program, ops: ops, children: children,
                                                    reader: AvroBinaryReader(buffer), limits: limits)
                    let value = try decoder.decode(program.root)
                    try checkEnd(decoder.reader)
                    return value
                }
            }
        }
    }

    // MARK: Validation

    /// Checks that `bytes` hold exactly one valid datum, building nothing.
    public func validate(_ bytes: some Collection<UInt8>) throws(AvroDataError) {
        try withBuffer(bytes) { (buffer) throws(AvroDataError) in
            try validate(buffer)
        }
    }

    /// The same over raw memory, e.g. a Kafka payload after its 5-byte header.
    public func validate(_ buffer: UnsafeBufferPointer<UInt8>) throws(AvroDataError) {
        try program.ops.withUnsafeBufferPointer { (ops) throws(AvroDataError) in
            try program.children.withUnsafeBufferPointer { (children) throws(AvroDataError) in
                var validator = AvroBinaryValidator(program: program, ops: ops, children: children,
                                                    reader: AvroBinaryReader(buffer), limits: limits)
                try validator.validate(program.root)
                try checkEnd(validator.reader)
            }
        }
    }

    // MARK: JSON

    /// Validates JSON text and returns its binary encoding. In `.plain`, union branches are inferred:
    /// `null` takes the null branch; a single-key object naming a branch is Avro's wrapped form; otherwise
    /// numbers go to int/long (integral), then float/double, then decimals; strings to string, then an enum
    /// with that symbol, then bytes/fixed; objects to the first record that takes them (required fields
    /// present, no unknown keys), then a map; the first branch in schema order that accepts the value wins.
    public func encode(json: some Collection<UInt8>, dialect: AvroJSONDialect = .plain) throws(AvroDataError) -> [UInt8] {
        var out: [UInt8] = []
        try encode(json: json, dialect: dialect, into: &out)
        return out
    }

    public func encode(json: some Collection<UInt8>, dialect: AvroJSONDialect = .plain, into out: inout [UInt8]) throws(AvroDataError) {
        try withBuffer(json) { (buffer) throws(AvroDataError) in
            try encode(json: buffer, dialect: dialect, into: &out)
        }
    }

    /// The same for an array, without the generic `some Collection` route (a noticeable share per message).
    public func encode(json: [UInt8], dialect: AvroJSONDialect = .plain, into out: inout [UInt8]) throws(AvroDataError) {
        try json.withUnsafeBufferPointer { (buffer) throws(AvroDataError) in
            try encode(json: buffer, dialect: dialect, into: &out)
        }
    }

    public func encode(json: UnsafeBufferPointer<UInt8>, dialect: AvroJSONDialect = .plain, into out: inout [UInt8]) throws(AvroDataError) {
        // The fast path takes the usual shapes; anything else, errors included, goes to the full reader.
        if AvroJSONFastEncoder.encode(program: program, json: json, dialect: dialect, limits: limits, into: &out) { return }
        var reader = AvroJSONReader(program: program, input: json, dialect: dialect, limits: limits)
        try reader.value(program.root, into: &out)
        try reader.finish()
    }

    public func encode(json: String, dialect: AvroJSONDialect = .plain) throws(AvroDataError) -> [UInt8] {
        try encode(json: Array(json.utf8), dialect: dialect)
    }

    /// Decodes and validates binary into JSON text (UTF-8).
    public func decodeJSON(_ bytes: some Collection<UInt8>, dialect: AvroJSONDialect = .plain) throws(AvroDataError) -> [UInt8] {
        var out: [UInt8] = []
        try withBuffer(bytes) { (buffer) throws(AvroDataError) in
            var writer = AvroJSONWriter(program: program, reader: AvroBinaryReader(buffer), dialect: dialect, limits: limits)
            try writer.write(program.root, into: &out)
            try checkEnd(writer.reader)
        }
        return out
    }

    public func decodeJSONString(_ bytes: some Collection<UInt8>, dialect: AvroJSONDialect = .plain) throws(AvroDataError) -> String {
        String(decoding: try decodeJSON(bytes, dialect: dialect), as: UTF8.self)
    }

    /// Converts a parsed JSON value (e.g. a field default, a request body already parsed).
    public func encode(json value: JSONValue, dialect: AvroJSONDialect = .plain) throws(AvroDataError) -> [UInt8] {
        try encode(json: Array(value.serialized().utf8), dialect: dialect)
    }

    // MARK: Helpers

    private func checkEnd(_ reader: AvroBinaryReader) throws(AvroDataError) {
        guard reader.isAtEnd else {
            throw AvroDataError(.trailingBytes, expected: "end of datum", actual: "\(reader.remaining) more bytes at byte \(reader.position)")
        }
    }
}

/// Runs `body` over contiguous bytes, copying only when the collection is not contiguous.
@inline(__always)
func withBuffer<C: Collection<UInt8>, R>(_ bytes: C, _ body: (UnsafeBufferPointer<UInt8>) throws(AvroDataError) -> R) throws(AvroDataError) -> R {
    let result: Result<R, AvroDataError>? = bytes.withContiguousStorageIfAvailable { buffer in
        do throws(AvroDataError) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    if let result { return try result.get() }
    let copy = Array(bytes)
    return try copy.withUnsafeBufferPointer { (buffer) throws(AvroDataError) -> R in try body(buffer) }
}
