/// Maps a raw request path to a `Route`.
///
/// Segments are split on the raw path and decoded one by one afterwards, so `%2F` inside a subject stays part
/// of that subject instead of becoming a separator.
enum RouteMatcher {
    static func match(path: String) -> RouteMatch {
        var segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        if segments.last?.isEmpty == true { segments = segments.dropLast() }
        guard let first = segments.first else { return RouteMatch(route: .root) }
        let rest = Array(segments.dropFirst())

        switch (literal(first), rest.count) {
        case ("subjects", 0): return RouteMatch(route: .subjects)
        case ("subjects", 1...4): return matchSubject(rest)
        case ("schemas", 0): return RouteMatch(route: .schemas)
        case ("schemas", _): return matchSchemas(rest)
        case ("config", 0): return RouteMatch(route: .globalConfig)
        case ("config", 1): return named(.subjectConfig, subject: rest[0])
        case ("mode", 0): return RouteMatch(route: .globalMode)
        case ("mode", 1): return named(.subjectMode, subject: rest[0])
        case ("compatibility", 3...4): return matchCompatibility(rest)
        case ("metrics", 0): return RouteMatch(route: .metrics)
        case ("health", 0): return RouteMatch(route: .health)
        case ("contexts", 0): return RouteMatch(route: .contexts)
        case ("v1", 2) where literal(rest[0]) == "metadata":
            switch literal(rest[1]) {
            case "id": return RouteMatch(route: .metadataID)
            case "version": return RouteMatch(route: .metadataVersion)
            default: return RouteMatch(route: .unmatched)
            }
        default: return RouteMatch(route: .unmatched)
        }
    }

    /// `{s}`, `{s}/versions`, `{s}/versions/{v}`, `{s}/versions/{v}/schema|referencedby`.
    private static func matchSubject(_ rest: [Substring.UTF8View.SubSequence]) -> RouteMatch {
        if rest.count == 1 { return named(.subject, subject: rest[0]) }
        guard literal(rest[1]) == "versions" else { return RouteMatch(route: .unmatched) }
        switch rest.count {
        case 2: return named(.subjectVersions, subject: rest[0])
        case 3: return named(.subjectVersion, subject: rest[0], parameter: rest[2])
        default:
            switch literal(rest[3]) {
            case "schema": return named(.subjectVersionText, subject: rest[0], parameter: rest[2])
            case "referencedby": return named(.subjectVersionReferencedBy, subject: rest[0], parameter: rest[2])
            default: return RouteMatch(route: .unmatched)
            }
        }
    }

    /// `types`, `ids/{id}`, `ids/{id}/schema|subjects|versions`.
    private static func matchSchemas(_ rest: [Substring.UTF8View.SubSequence]) -> RouteMatch {
        if rest.count == 1 {
            return literal(rest[0]) == "types" ? RouteMatch(route: .schemaTypes) : RouteMatch(route: .unmatched)
        }
        guard literal(rest[0]) == "ids", rest.count <= 3 else { return RouteMatch(route: .unmatched) }
        let id = decode(rest[1]) ?? ""
        if rest.count == 2 { return RouteMatch(route: .schemaByID, parameter: id) }
        switch literal(rest[2]) {
        case "schema": return RouteMatch(route: .schemaByIDText, parameter: id)
        case "subjects": return RouteMatch(route: .schemaByIDSubjects, parameter: id)
        case "versions": return RouteMatch(route: .schemaByIDVersions, parameter: id)
        default: return RouteMatch(route: .unmatched)
        }
    }

    /// `subjects/{s}/versions` and `subjects/{s}/versions/{v}`.
    private static func matchCompatibility(_ rest: [Substring.UTF8View.SubSequence]) -> RouteMatch {
        guard literal(rest[0]) == "subjects", literal(rest[2]) == "versions" else { return RouteMatch(route: .unmatched) }
        if rest.count == 3 { return named(.compatibilityAllVersions, subject: rest[1]) }
        return named(.compatibilityVersion, subject: rest[1], parameter: rest[3])
    }

    private static func named(
        _ route: Route,
        subject: Substring.UTF8View.SubSequence,
        parameter: Substring.UTF8View.SubSequence? = nil
    ) -> RouteMatch {
        // A segment that is not valid percent-encoding names nothing that could exist.
        guard let subject = decode(subject), !subject.isEmpty else { return RouteMatch(route: .unmatched) }
        guard let parameter else { return RouteMatch(route: route, subject: subject) }
        guard let decoded = decode(parameter) else { return RouteMatch(route: .unmatched) }
        return RouteMatch(route: route, subject: subject, parameter: decoded)
    }

    private static func literal(_ segment: Substring.UTF8View.SubSequence) -> Substring {
        Substring(segment)
    }

    /// RFC 3986 percent-decoding of one path segment; `nil` for a broken escape.
    static func decode(_ segment: Substring.UTF8View.SubSequence) -> String? {
        guard segment.contains(UInt8(ascii: "%")) else { return String(Substring(segment)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.count)
        var index = segment.startIndex
        while index < segment.endIndex {
            let byte = segment[index]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                index = segment.index(after: index)
                continue
            }
            let high = segment.index(after: index)
            guard high < segment.endIndex else { return nil }
            let low = segment.index(after: high)
            guard low < segment.endIndex, let h = hexValue(segment[high]), let l = hexValue(segment[low]) else { return nil }
            bytes.append(h << 4 | l)
            index = segment.index(after: low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
