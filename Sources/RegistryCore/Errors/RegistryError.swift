/// Every way a registry operation can be refused, each carrying its Confluent `error_code` and HTTP status.
///
/// One error type for the core; adapters convert once at their boundary (HTTP maps `httpStatus`/`errorCode`
/// into the `{"error_code","message"}` body).
public enum RegistryError: Error, Sendable, Equatable {
    case subjectNotFound(String)                  // 404 40401
    case versionNotFound(String)                  // 404 40402 (the version as requested)
    case schemaNotFound(id: Int?)                 // 404 40403
    case subjectSoftDeleted(String)               // 404 40404
    case subjectNotSoftDeleted(String)            // 404 40405
    case versionSoftDeleted(subject: String, version: Int)    // 404 40406
    case versionNotSoftDeleted(subject: String, version: Int) // 404 40407
    case subjectConfigNotFound(String)            // 404 40408
    case subjectModeNotFound(String)              // 404 40409
    case incompatibleSchema(subject: String, messages: [String]) // 409 409
    case invalidSchema(String)                    // 422 42201
    case invalidVersion(String)                   // 422 42202
    case invalidCompatibilityLevel                // 422 42203
    case invalidMode                              // 422 42204
    case operationNotPermitted(String)            // 422 42205
    case referenceExists(subject: String, version: Int) // 422 42206
    case invalidSubject(String)                   // 422 42208
    case schemaTooLarge(String)                   // 422 42209
    case storeError(String)                       // 500 50001
    /// Client side: no registry URL answered (connection refused, timed out); Confluent's code for failing to
    /// reach another registry node.
    case unreachable(String)                      // 500 50003
    /// Client side: a remote registry's error this enum has no case for (e.g. 40901, 42210), or 50005 for a
    /// response that is not the Confluent API, as the Java client reports it.
    case remote(errorCode: Int, message: String)

    public var httpStatus: Int {
        let code = errorCode
        return code < 1000 ? code : code / 100
    }

    public var errorCode: Int {
        switch self {
        case .subjectNotFound: return 40401
        case .versionNotFound: return 40402
        case .schemaNotFound: return 40403
        case .subjectSoftDeleted: return 40404
        case .subjectNotSoftDeleted: return 40405
        case .versionSoftDeleted: return 40406
        case .versionNotSoftDeleted: return 40407
        case .subjectConfigNotFound: return 40408
        case .subjectModeNotFound: return 40409
        case .incompatibleSchema: return 409
        case .invalidSchema: return 42201
        case .invalidVersion: return 42202
        case .invalidCompatibilityLevel: return 42203
        case .invalidMode: return 42204
        case .operationNotPermitted: return 42205
        case .referenceExists: return 42206
        case .invalidSubject: return 42208
        case .schemaTooLarge: return 42209
        case .storeError: return 50001
        case .unreachable: return 50003
        case .remote(let code, _): return code
        }
    }

    /// Confluent's message texts, so clients that match on them keep working.
    public var message: String {
        switch self {
        case .subjectNotFound(let s): return "Subject '\(s)' not found."
        case .versionNotFound(let v): return "Version \(v) not found."
        case .schemaNotFound(let id): return id.map { "Schema \($0) not found" } ?? "Schema not found"
        case .subjectSoftDeleted(let s): return "Subject '\(s)' was soft deleted.Set permanent=true to delete permanently"
        case .subjectNotSoftDeleted(let s): return "Subject '\(s)' was not deleted first before being permanently deleted"
        case .versionSoftDeleted(let s, let v): return "Subject '\(s)' Version \(v) was soft deleted.Set permanent=true to delete permanently"
        case .versionNotSoftDeleted(let s, let v): return "Subject '\(s)' Version \(v) was not deleted first before being permanently deleted"
        case .subjectConfigNotFound(let s): return "Subject '\(s)' does not have subject-level compatibility configured"
        case .subjectModeNotFound(let s): return "Subject '\(s)' does not have subject-level mode configured"
        case .incompatibleSchema(let s, let messages):
            return "Schema being registered is incompatible with an earlier schema for subject \"\(s)\", details: [\(messages.joined(separator: ", "))]"
        case .invalidSchema(let detail): return "Invalid schema \(detail)"
        case .invalidVersion(let v):
            return "The specified version '\(v)' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\""
        case .invalidCompatibilityLevel:
            return "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive"
        case .invalidMode: return "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT."
        case .operationNotPermitted(let detail): return detail
        case .referenceExists(let s, let v): return "One or more references exist to the schema {subject=\(s), version=\(v)}."
        case .invalidSubject(let s): return "The specified subject '\(s)' is not a valid."
        case .schemaTooLarge(let detail): return detail
        case .storeError(let detail): return "Error in the backend data store: \(detail)"
        case .unreachable(let detail): return detail
        case .remote(_, let message): return message
        }
    }
}
