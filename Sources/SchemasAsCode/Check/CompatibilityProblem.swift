import Avro
import RegistryCore

/// Turns one Avro incompatibility into a problem that says which consumers break and how to fix it.
enum CompatibilityProblem {
    static func make(_ issue: AvroIncompatibility, direction: AvroCompatibilityDirection, level: CompatibilityLevel,
                     against: String, subject: String, file: String, map: JSONSourceMap?) -> Problem {
        let who: String
        switch direction {
        case .backward:
            who = "consumers using the new schema cannot read data written with \(against)"
        case .forward:
            who = "consumers still using \(against) cannot read data written with the new schema (location is in \(against))"
        }
        let pointer = lineAnchor(issue, direction: direction)
        return Problem(
            kind: .incompatible, file: file, line: map?.line(of: pointer), pointer: issue.location, subject: subject,
            message: "\(level.rawValue): \(who): \(issue.message)",
            hint: issue.hint ?? defaultHint(issue.type)
        )
    }

    /// The pointer used to find a line in the new file. A forward finding's location is in the old schema: for a
    /// field the new schema dropped, the index names some other field in the new file, so point at the `fields`
    /// list that held it instead.
    static func lineAnchor(_ issue: AvroIncompatibility, direction: AvroCompatibilityDirection) -> String {
        let location = issue.location == "/" ? "" : issue.location
        guard direction == .forward, issue.type == .readerFieldMissingDefaultValue,
              let range = location.range(of: "/fields/", options: .backwards) else { return location }
        return String(location[..<range.lowerBound]) + "/fields"
    }

    static func defaultHint(_ kind: AvroIncompatibility.Kind) -> String {
        switch kind {
        case .readerFieldMissingDefaultValue:
            return "give the field a default (for an optional field: a union with \"null\" first and \"default\": null), or keep the removed field with a default"
        case .typeMismatch:
            return "keep the old type; to change it, add a new field with the new type (with a default) and stop writing the old one"
        case .missingEnumSymbols:
            return "keep the removed symbols, or give the enum a \"default\" symbol so older readers can map unknown ones"
        case .missingUnionBranch:
            return "keep the union branch; data already written with it could not be read"
        case .nameMismatch:
            return "keep the type's full name, or list the old name under \"aliases\""
        case .fixedSizeMismatch:
            return "keep the fixed size; use a new field for values of the new size"
        }
    }
}
