/// Which earlier versions a new schema must stay compatible with, and in which direction.
///
/// The registry core has its own level type for its API; this one keeps the Avro module free of it.
public enum AvroCompatibilityLevel: String, Sendable, Hashable, CaseIterable {
    case none = "NONE"
    /// The new schema reads data written with the latest version.
    case backward = "BACKWARD"
    case backwardTransitive = "BACKWARD_TRANSITIVE"
    /// The latest version reads data written with the new schema.
    case forward = "FORWARD"
    case forwardTransitive = "FORWARD_TRANSITIVE"
    /// Both directions with the latest version.
    case full = "FULL"
    case fullTransitive = "FULL_TRANSITIVE"

    /// Transitive levels check every earlier version; the others only the latest.
    public var isTransitive: Bool {
        switch self {
        case .backwardTransitive, .forwardTransitive, .fullTransitive: return true
        case .none, .backward, .forward, .full: return false
        }
    }

    /// The directions checked, in the order reported.
    public var directions: [AvroCompatibilityDirection] {
        switch self {
        case .none: return []
        case .backward, .backwardTransitive: return [.backward]
        case .forward, .forwardTransitive: return [.forward]
        case .full, .fullTransitive: return [.backward, .forward]
        }
    }
}

/// Who reads whom in one pair check.
public enum AvroCompatibilityDirection: String, Sendable, Hashable {
    /// The new schema is the reader, the earlier version the writer.
    case backward = "BACKWARD"
    /// The earlier version is the reader, the new schema the writer.
    case forward = "FORWARD"
}
