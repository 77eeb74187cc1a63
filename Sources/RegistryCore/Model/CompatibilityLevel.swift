/// How a new version of a subject must relate to the earlier ones.
public enum CompatibilityLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case none = "NONE"
    case backward = "BACKWARD"
    case backwardTransitive = "BACKWARD_TRANSITIVE"
    case forward = "FORWARD"
    case forwardTransitive = "FORWARD_TRANSITIVE"
    case full = "FULL"
    case fullTransitive = "FULL_TRANSITIVE"

    /// Level names are case-insensitive on input.
    public init?(apiValue: String) {
        self.init(rawValue: apiValue.uppercased())
    }

    /// New schema must read data of old ones.
    public var checksBackward: Bool { [.backward, .backwardTransitive, .full, .fullTransitive].contains(self) }
    /// Old schemas must read data of the new one.
    public var checksForward: Bool { [.forward, .forwardTransitive, .full, .fullTransitive].contains(self) }
    /// Against every live version rather than the latest only.
    public var isTransitive: Bool { [.backwardTransitive, .forwardTransitive, .fullTransitive].contains(self) }
}
