import RegistryCore
import Serde

/// Framed message bytes back to one line of JSON text. The one place `consume` turns bytes into text, so a
/// schema format joins the command by being handled here (today: Avro, written as Avro's plain JSON).
struct MessageDecoder {
    private let avro: AvroDeserializer

    init(registry: any SchemaRegistryService) throws(CLIFailure) {
        do {
            avro = try AvroDeserializer(registry: registry)
        } catch {
            throw CLIFailure("cannot set up the Avro deserializer: \(error)")
        }
    }

    func json(_ bytes: [UInt8]) async throws(SerdeError) -> String {
        try await avro.deserializeJSON(bytes)
    }
}
