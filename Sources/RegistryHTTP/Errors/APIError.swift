import Hummingbird
import RegistryCore

/// A refused request as the wire shows it: an HTTP status and Confluent's `{"error_code","message"}` body.
///
/// Every failure funnels into this one type so that no path can answer with another body shape (older Java
/// clients reject error bodies with extra fields).
struct APIError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var errorCode: Int
    var message: String

    init(status: Int, errorCode: Int, message: String) {
        self.status = HTTPResponse.Status(code: status)
        self.errorCode = errorCode
        self.message = message
    }

    init(_ error: RegistryError) {
        // A code relayed from elsewhere may not imply a real status; never build an invalid one from it.
        let status = (100...599).contains(error.httpStatus) ? error.httpStatus : 500
        self.init(status: status, errorCode: error.errorCode, message: error.message)
    }

    // Jersey-style framework errors use the HTTP status as the error code.
    static let notFound = APIError(status: 404, errorCode: 404, message: "HTTP 404 Not Found")
    static let methodNotAllowed = APIError(status: 405, errorCode: 405, message: "HTTP 405 Method Not Allowed")
    static let notAcceptable = APIError(status: 406, errorCode: 406, message: "HTTP 406 Not Acceptable")
    static let unsupportedMediaType = APIError(status: 415, errorCode: 415, message: "HTTP 415 Unsupported Media Type")

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(status: 413, errorCode: 413, message: "Request body is larger than the limit of \(limit) bytes")
    }

    /// The body is not JSON at all (Jackson's parse failure, mapped by rest-utils to 400).
    static func malformedJSON(_ detail: String) -> APIError {
        APIError(status: 400, errorCode: 400, message: "Unrecognized JSON body: \(detail)")
    }

    /// The body is JSON but not the shape the endpoint takes (Jackson's mapping failure, 422).
    static func unprocessableBody(_ detail: String) -> APIError {
        APIError(status: 422, errorCode: 422, message: "Unprocessable request body: \(detail)")
    }

    static func badQueryParameter(_ name: String, _ value: Substring) -> APIError {
        APIError(status: 400, errorCode: 400, message: "Invalid value '\(value)' for query parameter '\(name)'")
    }

    /// A failure the server did not anticipate; the detail goes to the log, not to the client.
    static let internalError = APIError(status: 500, errorCode: 50001, message: "Internal server error")
}
