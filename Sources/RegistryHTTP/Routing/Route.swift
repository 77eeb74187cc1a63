import Hummingbird

/// Every endpoint the server answers, by path shape.
///
/// A closed set rather than a general router: it lets the server tell "no such path" (404) from "no such
/// method on this path" (405), decode subjects that contain an encoded `/`, and keep one metrics handle per
/// route without any string work per request.
enum Route: Int, CaseIterable, Sendable {
    case root
    case metrics
    case health
    case schemas
    case schemaTypes
    case schemaByID
    case schemaByIDText
    case schemaByIDSubjects
    case schemaByIDVersions
    case subjects
    case subject
    case subjectVersions
    case subjectVersion
    case subjectVersionText
    case subjectVersionReferencedBy
    case compatibilityAllVersions
    case compatibilityVersion
    case globalConfig
    case subjectConfig
    case globalMode
    case subjectMode
    case metadataID
    case metadataVersion
    case contexts
    /// No route matched; still counted in metrics, under its own label.
    case unmatched

    /// The label metrics and logs carry: the path with its parameters named, never their values.
    var template: String {
        switch self {
        case .root: return "/"
        case .metrics: return "/metrics"
        case .health: return "/health"
        case .schemas: return "/schemas"
        case .schemaTypes: return "/schemas/types"
        case .schemaByID: return "/schemas/ids/{id}"
        case .schemaByIDText: return "/schemas/ids/{id}/schema"
        case .schemaByIDSubjects: return "/schemas/ids/{id}/subjects"
        case .schemaByIDVersions: return "/schemas/ids/{id}/versions"
        case .subjects: return "/subjects"
        case .subject: return "/subjects/{subject}"
        case .subjectVersions: return "/subjects/{subject}/versions"
        case .subjectVersion: return "/subjects/{subject}/versions/{version}"
        case .subjectVersionText: return "/subjects/{subject}/versions/{version}/schema"
        case .subjectVersionReferencedBy: return "/subjects/{subject}/versions/{version}/referencedby"
        case .compatibilityAllVersions: return "/compatibility/subjects/{subject}/versions"
        case .compatibilityVersion: return "/compatibility/subjects/{subject}/versions/{version}"
        case .globalConfig: return "/config"
        case .subjectConfig: return "/config/{subject}"
        case .globalMode: return "/mode"
        case .subjectMode: return "/mode/{subject}"
        case .metadataID: return "/v1/metadata/id"
        case .metadataVersion: return "/v1/metadata/version"
        case .contexts: return "/contexts"
        case .unmatched: return "unmatched"
        }
    }

    /// Whether the route serves `method`; a known path with another method is a 405, not a 404.
    func allows(_ method: HTTPRequest.Method) -> Bool {
        switch self {
        case .root, .subjectVersions: return method == .get || method == .post
        case .subject: return method == .post || method == .delete
        case .subjectVersion: return method == .get || method == .delete
        case .compatibilityAllVersions, .compatibilityVersion: return method == .post
        case .globalConfig, .subjectConfig, .globalMode, .subjectMode:
            return method == .get || method == .put || method == .delete
        case .unmatched: return false
        default: return method == .get
        }
    }

    /// Operational endpoints answer in their own formats, whatever the client's `Accept` says.
    var isOperational: Bool { self == .metrics || self == .health }
}

/// A matched route with its path parameters, already percent-decoded.
struct RouteMatch: Sendable {
    var route: Route
    /// The subject, for routes that name one.
    var subject: String = ""
    /// The id or version segment, for routes that name one; parsed by the endpoint so it can pick the error.
    var parameter: String = ""
}
