import Avro
import RegistryCore
import Synchronization

/// Reads Confluent-framed Avro: finds the writer schema by the id in the header (fetched and compiled once per
/// id) and, when a reader schema is given, resolves writer to reader (promotions, defaults, dropped fields),
/// compiling each writer/reader pair once.
public final class AvroDeserializer: Sendable {
    let loader: SchemaLoader
    private let reader: AvroCodec?
    private let resolutions = Mutex<[Int: AvroSchemaResolution]>([:])

    /// - Parameter readerSchema: The schema the application reads with; nil reads each message as written.
    public init(registry: any SchemaRegistryService, readerSchema: String? = nil) throws(SerdeError) {
        self.loader = SchemaLoader(registry: registry)
        if let readerSchema {
            do {
                self.reader = try AvroCodec(AvroSchemaParser.parse(readerSchema))
            } catch let error as AvroSchemaError {
                throw .invalidSchema("reader schema: \(error)")
            } catch {
                throw .invalidSchema("reader schema does not compile: \(error)")
            }
        } else {
            self.reader = nil
        }
    }

    /// The datum, in the reader schema's shape when one was given.
    public func deserialize(_ bytes: [UInt8]) async throws(SerdeError) -> AvroValue {
        let (id, offset) = try ConfluentFraming.parseHeader(bytes)
        let payload = bytes[offset...]
        let writer = try await loader.schema(id: Int(id))
        let resolution = try resolution(for: writer)
        do {
            if let resolution {
                return try resolution.decode(payload)
            }
            return try writer.codec.decode(payload)
        } catch {
            throw .undecodable(schemaID: writer.id, error)
        }
    }

    /// The datum as Avro plain JSON text, decoded with the writer schema.
    public func deserializeJSON(_ bytes: [UInt8]) async throws(SerdeError) -> String {
        let (id, offset) = try ConfluentFraming.parseHeader(bytes)
        let writer = try await loader.schema(id: Int(id))
        if let resolution = try resolution(for: writer) {
            do {
                let translated = try resolution.translate(bytes[offset...])
                return try resolution.reader.decodeJSONString(translated)
            } catch {
                throw .undecodable(schemaID: writer.id, error)
            }
        }
        do {
            return try writer.codec.decodeJSONString(bytes[offset...])
        } catch {
            throw .undecodable(schemaID: writer.id, error)
        }
    }

    /// The writer's schema id of a framed message, without decoding it.
    public static func schemaID(of bytes: [UInt8]) throws(SerdeError) -> Int {
        Int(try ConfluentFraming.parseHeader(bytes).schemaID)
    }

    private func resolution(for writer: CompiledSchema) throws(SerdeError) -> AvroSchemaResolution? {
        guard let reader else { return nil }
        if let hit = resolutions.withLock({ $0[writer.id] }) { return hit }
        let resolution: AvroSchemaResolution
        do {
            resolution = try AvroSchemaResolution(writer: writer.codec, reader: reader)
        } catch {
            throw .unresolvable(writerID: writer.id, error)
        }
        resolutions.withLock { $0[writer.id] = resolution }
        return resolution
    }
}
