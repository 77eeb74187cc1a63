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
        let pointer = issue.location == "/" ? "" : issue.location
        return Problem(
            kind: .incompatible, file: file, line: map?.line(of: pointer), pointer: issue.location, subject: subject,
            message: "\(level.rawValue): \(who): \(issue.message)",
            hint: issue.hint ?? defaultHint(issue.type)
        )
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
