import Avro
import RegistryCore

/// Why a message could not be serialized or deserialized for a reason other than its data: the schema could
/// not be found or used, or the bytes are not in Confluent's format. Data that does not fit its schema is a
/// `ValidationError` instead.
public enum SerdeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The registry refused or could not answer (unknown subject, id not found, unreachable, ...).
    case registry(RegistryError, context: String)
    /// The registry's schema is not one this serde handles (e.g. PROTOBUF).
    case unsupportedSchemaType(SchemaType, schemaID: Int)
    /// A schema the registry returned (or the configuration gave) does not parse or compile.
    case invalidSchema(String)
    /// The subject cannot be derived: RecordNameStrategy needs a named schema.
    case subjectUndetermined(String)
    /// Writer and reader schemas cannot be resolved against each other.
    case unresolvable(writerID: Int, AvroDataError)
    /// Bytes that are not a Confluent-framed message.
    case notFramed(String)
    /// A framed message whose payload does not decode with its writer schema.
    case undecodable(schemaID: Int, AvroDataError)

    public var description: String {
        switch self {
        case .registry(let error, let context): return "\(context): registry error \(error.errorCode): \(error.message)"
        case .unsupportedSchemaType(let type, let id): return "schema \(id) is \(type.rawValue), which this serde does not handle"
        case .invalidSchema(let detail): return "invalid schema: \(detail)"
        case .subjectUndetermined(let detail): return "cannot determine the subject: \(detail)"
        case .unresolvable(let id, let error): return "writer schema \(id) cannot be read with the reader schema: \(error)"
        case .notFramed(let detail): return "not a Confluent-framed message: \(detail)"
        case .undecodable(let id, let error): return "payload does not decode with schema \(id): \(error)"
        }
    }
}
