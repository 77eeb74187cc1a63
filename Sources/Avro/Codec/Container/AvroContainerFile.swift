/// An Avro object container file (`Obj\u{1}` header, metadata, sync marker, blocks of data).
///
/// Only the `null` codec is read: `deflate` would need an inflater, which the pure module (stdlib only)
/// does not have; `snappy` and `zstd` likewise. Such files fail with `.invalidContainer` naming the codec.
public struct AvroContainerFile: Sendable {
    /// The writer's schema, as JSON text (`avro.schema`).
    public let schemaText: String
    public let codecName: String
    public let metadata: [String: [UInt8]]
    private let bytes: [UInt8]
    private let dataStart: Int
    private let sync: [UInt8]

    public init(bytes: [UInt8]) throws(AvroDataError) {
        self.bytes = bytes
        let magic: [UInt8] = [0x4F, 0x62, 0x6A, 0x01]
        guard bytes.count >= 4, Array(bytes[0..<4]) == magic else {
            throw AvroDataError(.invalidContainer, expected: "magic Obj\\u0001", actual: "\(Array(bytes.prefix(4)))")
        }
        let header = try bytes.withUnsafeBufferPointer { (buffer) throws(AvroDataError) -> ([String: [UInt8]], Int) in
            var reader = AvroBinaryReader(buffer, position: 4)
            var metadata: [String: [UInt8]] = [:]
            while true {
                let count = try reader.readBlockCount(minItemSize: 2, itemsSoFar: metadata.count, limit: Int.max)
                if count == 0 { break }
                for _ in 0..<count {
                    let key = try reader.readLengthPrefixed()
                    let value = try reader.readLengthPrefixed()
                    metadata[String(decoding: UnsafeBufferPointer(rebasing: buffer[key]), as: UTF8.self)] = Array(buffer[value])
                }
            }
            try reader.skip(16)
            return (metadata, reader.position)
        }
        metadata = header.0
        dataStart = header.1
        sync = Array(bytes[(dataStart - 16)..<dataStart])
        guard let schema = metadata["avro.schema"] else {
            throw AvroDataError(.invalidContainer, expected: "avro.schema in the header", actual: "no schema")
        }
        schemaText = String(decoding: schema, as: UTF8.self)
        codecName = metadata["avro.codec"].map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Every datum in the file, decoded and validated with `codec` (compiled from `schemaText`).
    public func values(using codec: AvroCodec) throws(AvroDataError) -> [AvroValue] {
        var values: [AvroValue] = []
        try forEachDatum(using: codec) { (datum) throws(AvroDataError) in values.append(try codec.decode(datum)) }
        return values
    }

    /// Calls `body` with the bytes of each datum in turn. Blocks hold data back to back with no lengths,
    /// so each datum's extent comes from validating it against the schema.
    public func forEachDatum(using schemaCodec: AvroCodec, _ body: (ArraySlice<UInt8>) throws(AvroDataError) -> Void) throws(AvroDataError) {
        guard codecName == "null" else {
            throw AvroDataError(.invalidContainer, expected: "codec null (the only one this reader decompresses)", actual: "codec \(codecName)")
        }
        var position = dataStart
        var blockIndex = 0
        while position < bytes.count {
            let (count, start) = try bytes.withUnsafeBufferPointer { (buffer) throws(AvroDataError) -> (Int, Int) in
                var reader = AvroBinaryReader(buffer, position: position)
                let count = try reader.readBlockCount(minItemSize: 0, itemsSoFar: 0, limit: buffer.count)
                let size = try reader.readLong()
                guard size >= 0, size <= Int64(reader.remaining) else {
                    throw AvroDataError(.invalidContainer, expected: "a block size within the file", actual: String(size))
                }
                return (count, reader.position)
            }
            var offset = start
            for item in 0..<count {
                let end = try schemaCodec.datumEnd(in: bytes, from: offset)
                do { try body(bytes[offset..<end]) } catch { throw error.inside("block \(blockIndex)").inside(index: item) }
                offset = end
            }
            guard offset + 16 <= bytes.count, Array(bytes[offset..<offset + 16]) == sync else {
                throw AvroDataError(.invalidContainer, expected: "the sync marker after block \(blockIndex)", actual: "other bytes")
            }
            position = offset + 16
            blockIndex += 1
        }
    }
}

extension AvroCodec {
    /// Where the datum starting at `start` ends, validating it on the way.
    func datumEnd(in bytes: [UInt8], from start: Int) throws(AvroDataError) -> Int {
        try bytes.withUnsafeBufferPointer { (buffer) throws(AvroDataError) -> Int in
            try program.ops.withUnsafeBufferPointer { (ops) throws(AvroDataError) -> Int in
                try program.children.withUnsafeBufferPointer { (children) throws(AvroDataError) -> Int in
                    var validator = AvroBinaryValidator(program: program, ops: ops, children: children,
                                                        reader: AvroBinaryReader(buffer, position: start), limits: limits)
                    try validator.validate(program.root)
                    return validator.reader.position
                }
            }
        }
    }
}
