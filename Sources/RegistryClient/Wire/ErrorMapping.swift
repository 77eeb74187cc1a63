import JSONValue
import RegistryCore

/// Turns a Confluent error answer (`{"error_code","message"}`) back into the `RegistryError` the server side
/// started from, so code written against the in-process registry handles remote errors the same way.
/// The subject, version and id come from the request, because the body carries them only inside prose.
struct ErrorContext: Sendable {
    var subject: String?
    var version: String?
    var schemaID: Int?

    init(subject: String? = nil, version: String? = nil, schemaID: Int? = nil) {
        self.subject = subject
        self.version = version
        self.schemaID = schemaID
    }

    func error(status: Int, body: [UInt8], request: String) -> RegistryError {
        guard let parsed = try? JSONParser.parse(bytes: body),
              let code = parsed["error_code"]?.integerValue.flatMap({ Int(exactly: $0) })
        else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return .remote(errorCode: 50005, message: "HTTP \(status) from \(request) without a Confluent error body: \(text)")
        }
        return error(code: code, message: parsed["message"]?.stringValue ?? "")
    }

    func error(code: Int, message: String) -> RegistryError {
        let subject = self.subject ?? ""
        let versionNumber = version.flatMap { Int($0) }
        switch code {
        case 40401: return .subjectNotFound(subject)
        case 40402: return .versionNotFound(version ?? "")
        case 40403: return .schemaNotFound(id: schemaID)
        case 40404: return .subjectSoftDeleted(subject)
        case 40405: return .subjectNotSoftDeleted(subject)
        case 40406 where versionNumber != nil: return .versionSoftDeleted(subject: subject, version: versionNumber ?? 0)
        case 40407 where versionNumber != nil: return .versionNotSoftDeleted(subject: subject, version: versionNumber ?? 0)
        case 40408: return .subjectConfigNotFound(subject)
        case 40409: return .subjectModeNotFound(subject)
        case 409, 40901: return .incompatibleSchema(subject: subject, messages: Self.details(message))
        case 42201: return .invalidSchema(Self.dropPrefix("Invalid schema ", from: message))
        case 42202: return .invalidVersion(version ?? "")
        case 42203: return .invalidCompatibilityLevel
        case 42204: return .invalidMode
        case 42205: return .operationNotPermitted(message)
        case 42208: return .invalidSubject(subject)
        case 42209: return .schemaTooLarge(message)
        case 50001: return .storeError(Self.dropPrefix("Error in the backend data store: ", from: message))
        default: return .remote(errorCode: code, message: message)
        }
    }

    /// The bracketed list of a 409 message, or the whole message when it has none.
    private static func details(_ message: String) -> [String] {
        guard let start = message.firstRange(of: "details: ["), message.hasSuffix("]") else { return [message] }
        let inner = message[start.upperBound..<message.index(before: message.endIndex)]
        return [String(inner)]
    }

    private static func dropPrefix(_ prefix: String, from message: String) -> String {
        message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }
}
