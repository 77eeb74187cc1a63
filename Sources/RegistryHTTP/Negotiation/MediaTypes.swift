/// Confluent's media types and how a request's `Content-Type` and `Accept` select among them.
///
/// Parsing is byte-level on the header value: the common cases (no header, the v1 type, `*/*`) are decided
/// without allocating, which matters on the read path that answers tens of thousands of requests a second.
enum RegistryMediaType: Sendable {
    case schemaRegistryV1
    case schemaRegistry
    case json

    var headerValue: String {
        switch self {
        case .schemaRegistryV1: return "application/vnd.schemaregistry.v1+json"
        case .schemaRegistry: return "application/vnd.schemaregistry+json"
        case .json: return "application/json"
        }
    }

    /// Jersey's server-side quality (`qs`) for each type: the tie-breaker when a client accepts several.
    var serverQuality: Double {
        switch self {
        case .schemaRegistryV1: return 1.0
        case .schemaRegistry: return 0.9
        case .json: return 0.5
        }
    }

    static let allCases: [RegistryMediaType] = [.schemaRegistryV1, .schemaRegistry, .json]
}

enum MediaNegotiation {
    /// Request bodies: the three JSON types, `application/octet-stream` (what some clients send for "no type"),
    /// or no header at all. `false` means 415.
    static func isAcceptableContentType(_ header: String?) -> Bool {
        guard let header else { return true }
        // What clients send in practice, decided without splitting or lowercasing.
        switch header {
        case "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json":
            return true
        default:
            break
        }
        let type = mediaRange(of: Substring(header))
        if type.isEmpty { return true }
        switch type {
        case "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream":
            return true
        default:
            return false
        }
    }

    /// The response type for an `Accept` header; `nil` means 406.
    static func responseType(forAccept header: String?) -> RegistryMediaType? {
        guard let header, !header.isEmpty else { return .schemaRegistryV1 }
        if header == "application/vnd.schemaregistry.v1+json" || header == "*/*" { return .schemaRegistryV1 }

        var best: (type: RegistryMediaType, score: Double)?
        for element in header.split(separator: ",") {
            let range = mediaRange(of: element)
            let quality = qualityParameter(of: element)
            guard quality > 0 else { continue }
            for candidate in RegistryMediaType.allCases where matches(range: range, candidate) {
                let score = quality * candidate.serverQuality
                if best.map({ score > $0.score }) ?? true {
                    best = (candidate, score)
                }
            }
        }
        return best?.type
    }

    private static func matches(range: String, _ type: RegistryMediaType) -> Bool {
        range == "*/*" || range == "application/*" || range == type.headerValue
    }

    /// The `type/subtype` part, lowercased and trimmed, without parameters.
    private static func mediaRange(of element: Substring) -> String {
        let beforeParameters = element.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return beforeParameters.trimmingSpaces().lowercased()
    }

    /// The `q` parameter (RFC 9110 §12.4.2); 1 when absent or unreadable.
    private static func qualityParameter(of element: Substring) -> Double {
        for parameter in element.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces().lowercased() == "q" else { continue }
            return Double(parts[1].trimmingSpaces()) ?? 1
        }
        return 1
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
