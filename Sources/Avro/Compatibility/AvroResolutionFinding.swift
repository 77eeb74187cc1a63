/// A reason found during the walk, kept as facts; the sentence is written once the walk is over.
///
/// Deferring the text lets a memoized named-type pair be reported again at another place with the right
/// field name, and keeps the compatible path free of string work.
struct AvroResolutionFinding: Sendable {
    var steps: [AvroResolutionStep]
    var detail: Detail

    indirect enum Detail: Sendable {
        case missingDefault(field: String)
        case typeMismatch(TypePair)
        case nameMismatch(kind: String, reader: AvroName, writer: AvroName)
        case missingSymbols(enumName: AvroName, symbols: [String])
        /// `writerKind`: the writer's type in Java Avro's spelling (`LONG`, `RECORD`).
        case missingBranch(writer: String, writerKind: String, nearMiss: NearMiss?)
        case fixedSize(name: AvroName, reader: Int, writer: Int)
        /// Nesting beyond the checker's limit: reported as a mismatch so an unchecked schema is never accepted.
        case tooDeep(limit: Int)
    }

    struct TypePair: Sendable {
        /// Both types as messages name them ("long (timestamp-millis)", "record `Point`").
        var reader: String
        var writer: String
        /// Both types in Java Avro's spelling (`INT`, `RECORD`).
        var readerKind: String
        var writerKind: String
        /// The reader types that could read the writer's type (itself and its promotions).
        var readableAs: [String]
    }

    /// The reader union branch that matched the writer's type by kind or name but could not read it.
    struct NearMiss: Sendable {
        var branch: Int
        var branchType: String
        var reason: AvroResolutionFinding
    }

    func rebased(onto prefix: [AvroResolutionStep]) -> AvroResolutionFinding {
        AvroResolutionFinding(steps: prefix + steps, detail: detail)
    }

    var kind: AvroIncompatibility.Kind {
        switch detail {
        case .missingDefault: return .readerFieldMissingDefaultValue
        case .typeMismatch: return .typeMismatch
        case .nameMismatch: return .nameMismatch
        case .missingSymbols: return .missingEnumSymbols
        case .missingBranch: return .missingUnionBranch
        case .fixedSize: return .fixedSizeMismatch
        case .tooDeep: return .typeMismatch
        }
    }

    var incompatibility: AvroIncompatibility {
        AvroIncompatibility(type: kind, location: steps.jsonPointer, message: message, hint: hint, javaMessage: javaMessage)
    }

    var message: String {
        let place = steps.place
        switch detail {
        case .missingDefault(let field):
            return "Field `\(steps.fieldPath ?? field)` exists only in the reader and has no default, so the reader has no value for it when reading the writer's data."
        case .typeMismatch(let types):
            return "The reader's \(types.reader) at \(place) cannot read the writer's \(types.writer)."
        case .nameMismatch(let kind, let reader, let writer):
            return "The reader's \(kind) `\(reader.fullName)` at \(place) does not match the writer's \(kind) `\(writer.fullName)`: the names differ and no reader alias names `\(writer.fullName)`."
        case .missingSymbols(let enumName, let symbols):
            let list = symbols.map { "`\($0)`" }.joined(separator: ", ")
            let noun = symbols.count == 1 ? "symbol" : "symbols"
            return "The reader's enum `\(enumName.fullName)` at \(place) lacks the writer's \(noun) \(list) and has no default symbol."
        case .missingBranch(let writer, _, let nearMiss):
            var text = "The reader's union at \(place) has no branch that can read the writer's \(writer)"
            if let nearMiss {
                text += "; branch \(nearMiss.branch) (\(nearMiss.branchType)) is the one that matches it, but: \(nearMiss.reason.message)"
            } else {
                text += "."
            }
            return text
        case .fixedSize(let name, let reader, let writer):
            return "The reader's fixed `\(name.fullName)` at \(place) has size \(reader), but the writer's has size \(writer)."
        case .tooDeep(let limit):
            return "The schemas nest more than \(limit) levels deep at \(place); the check stops there and does not accept them."
        }
    }

    var hint: String? {
        switch detail {
        case .missingDefault(let field):
            return "Add a default to field `\(steps.fieldPath ?? field)` (for an optional field: type [\"null\", ...] with \"default\": null)."
        case .typeMismatch(let types):
            let writer = types.writer
            let readableAs = types.readableAs
            let subject = steps.fieldPath.map { "field `\($0)`" } ?? "the reader"
            if steps.isInsideWriterUnion {
                if writer == "null" { return "Make \(subject) nullable (a union with \"null\"), as the writer's is." }
                return "The writer's type is a union; make \(subject) a union with a branch that reads \(writer) (\(Self.list(readableAs)))."
            }
            if readableAs.count == 1 { return "Give \(subject) the writer's type, \(writer)." }
            return "Give \(subject) a type that can read the writer's \(writer): \(Self.list(readableAs))."
        case .nameMismatch(_, let reader, let writer):
            return "Keep the name `\(writer.name)`, or add the alias \"\(writer.fullName)\" to `\(reader.fullName)`."
        case .missingSymbols(let enumName, let symbols):
            return "Add \(symbols.map { "`\($0)`" }.joined(separator: ", ")) to enum `\(enumName.name)`, or give it a \"default\" symbol for unknown ones."
        case .missingBranch(let writer, _, let nearMiss):
            if let nearMiss, let inner = nearMiss.reason.hint { return inner }
            return "Add \(writer) as a branch of the reader's union."
        case .fixedSize(let name, _, let writer):
            return "Keep size \(writer) for fixed `\(name.name)`; a fixed type cannot change size."
        case .tooDeep:
            return "Flatten the schema: fewer nested records, arrays and maps."
        }
    }

    /// Java Avro's terse message for the same reason, which Confluent's registry returns as `additionalInfo`.
    var javaMessage: String {
        switch detail {
        case .missingDefault(let field): return field
        case .typeMismatch(let types): return "reader type: \(types.readerKind) not compatible with writer type: \(types.writerKind)"
        case .nameMismatch(_, _, let writer): return "expected: \(writer.fullName)"
        // Java collects the missing symbols in a sorted set.
        case .missingSymbols(_, let symbols): return "[" + symbols.sorted().joined(separator: ", ") + "]"
        case .missingBranch(_, let writerKind, _): return "reader union lacking writer type: \(writerKind)"
        case .fixedSize(_, let reader, let writer): return "expected: \(writer), found: \(reader)"
        case .tooDeep(let limit): return "schemas nest more than \(limit) levels deep"
        }
    }

    /// "a", "a or b", "a, b or c".
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}
