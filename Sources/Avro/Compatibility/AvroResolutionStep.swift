/// One step of the walk through the reader schema. Kept symbolic until a reason is reported, so the
/// compatible path (the common one) never builds strings.
enum AvroResolutionStep: Sendable, Hashable {
    /// A record field, by index (for the pointer) and name (for messages).
    case field(index: Int, name: String)
    case type
    case items
    case values
    /// A branch of the writer's union, each checked on its own (Java Avro puts its index in the location).
    case writerBranch(Int)
    /// The reader union branch chosen for a writer type; seen only inside a near-miss explanation.
    case readerBranch(Int)
    case name
    case size
    case symbols
}

extension Array where Element == AvroResolutionStep {
    /// The JSON pointer Java Avro reports for this walk; `/` for the root.
    var jsonPointer: String {
        if isEmpty { return "/" }
        var pointer = ""
        for step in self {
            switch step {
            case .field(let index, _): pointer += "/fields/\(index)"
            case .type: pointer += "/type"
            case .items: pointer += "/items"
            case .values: pointer += "/values"
            case .writerBranch(let index), .readerBranch(let index): pointer += "/\(index)"
            case .name: pointer += "/name"
            case .size: pointer += "/size"
            case .symbols: pointer += "/symbols"
            }
        }
        return pointer
    }

    /// Dotted field path for people: `customer.addresses[].zip`; `[]` marks array items, `{}` map values.
    var fieldPath: String? {
        var path = ""
        var sawField = false
        for step in self {
            switch step {
            case .field(_, let name):
                if !path.isEmpty { path += "." }
                path += name
                sawField = true
            case .items: path += "[]"
            case .values: path += "{}"
            default: break
            }
        }
        return sawField ? path : nil
    }

    /// Where the problem is, as the subject of a sentence: "field `a.b`" or "the root schema".
    var place: String {
        var subject: String
        if let fieldPath {
            subject = "field `\(fieldPath)`"
        } else {
            subject = "the root schema"
            let containers = compactMap { step -> String? in
                switch step {
                case .items: return "array items"
                case .values: return "map values"
                default: return nil
                }
            }
            if !containers.isEmpty { subject = "the root schema's " + containers.joined(separator: " of ") }
        }
        if let branch = lastWriterBranchAfterField { subject += " (writer union branch \(branch))" }
        return subject
    }

    /// Whether the innermost field's writer type is a union (so the failing writer type is one of its branches).
    var isInsideWriterUnion: Bool { lastWriterBranchAfterField != nil }

    /// The writer union branch being checked, when it belongs to the innermost field rather than an outer one.
    private var lastWriterBranchAfterField: Int? {
        for step in reversed() {
            switch step {
            case .writerBranch(let index): return index
            case .field: return nil
            default: continue
            }
        }
        return nil
    }
}
