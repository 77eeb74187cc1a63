import JSONSchema
import RegistryCore

/// Compares a JSON Schema subject with its earlier versions and turns each reason into a problem that says
/// which consumers break and how to fix it, as `CompatibilityProblem` does for Avro.
enum JSONCompatibilityProblem {
    /// BACKWARD: the new schema must accept what an earlier one accepted (it reads that data); FORWARD: the
    /// earlier one must accept what the new one does.
    static func check(_ schema: JSONFolderSchema, previous: [(label: String, schema: JSONFolderSchema)],
                      level: CompatibilityLevel, subject: String, file: String, text: String?) -> [Problem] {
        var problems: [Problem] = []
        // Built on the first failure only: most subjects are compatible.
        var map: JSONSourceMap?
        func located() -> JSONSourceMap? {
            if map == nil { map = text.map(JSONSourceMap.init) }
            return map
        }
        for old in previous {
            let scope = JSONReferenceScope(newRoot: schema.root, newReferences: schema.references,
                                           oldRoot: old.schema.root, oldReferences: old.schema.references)
            if level.checksBackward {
                for issue in JSONSchemaCompatibility.check(reader: scope.newRoot, writer: scope.oldRoot, externalSchemas: scope.external) {
                    problems.append(make(issue, backward: true, level: level, against: old.label, subject: subject, file: file, map: located()))
                }
            }
            if level.checksForward {
                for issue in JSONSchemaCompatibility.check(reader: scope.oldRoot, writer: scope.newRoot, externalSchemas: scope.external) {
                    problems.append(make(issue, backward: false, level: level, against: old.label, subject: subject, file: file, map: located()))
                }
            }
        }
        return problems
    }

    static func make(_ issue: JSONSchemaIncompatibility, backward: Bool, level: CompatibilityLevel, against: String,
                     subject: String, file: String, map: JSONSourceMap?) -> Problem {
        let who = backward
            ? "consumers using the new schema reject data valid under \(against)"
            : "consumers still using \(against) reject data valid under the new schema (location is in \(against))"
        // The checker's locations are fragments (`#/properties/x`) into the reader schema; for FORWARD that is
        // the old one, and the nearest place the new file still has stands in for it.
        let pointer = issue.location.hasPrefix("#") ? String(issue.location.dropFirst()) : issue.location
        let reason = issue.message.replacingOccurrences(of: JSONReferenceScope.oldPrefix, with: "")
        return Problem(kind: .incompatible, file: file, line: map?.line(of: pointer) ?? 1, pointer: pointer.isEmpty ? "/" : pointer,
                       subject: subject, message: "\(level.rawValue): \(who): \(reason) [\(issue.difference.rawValue)]",
                       hint: hint(issue.difference, backward: backward))
    }

    static func hint(_ difference: JSONSchemaDifference, backward: Bool) -> String {
        switch difference {
        case .propertyRemovedFromClosedContentModel, .propertyRemovedNotCoveredByPartiallyOpenContentModel:
            return "keep the property (it may become optional), or open the content model with \"additionalProperties\""
        case .propertyAddedToOpenContentModel, .propertyAddedNotCoveredByPartiallyOpenContentModel:
            return "an open schema already allowed any value under this name; give the new property no narrower schema than before, or close the schema in a new subject"
        case .requiredAttributeAdded:
            return "add the property as optional (not in \"required\"): data written before has no such property"
        case .typeChanged, .typeNarrowed, .combinedTypeChanged, .notTypeChanged:
            return "keep the old type (you may widen it, e.g. [\"integer\", \"string\"]); for a new type add a new property and stop writing the old one"
        case .enumArrayNarrowed, .enumArrayChanged:
            return backward
                ? "keep the removed values in \"enum\": data already written may hold them"
                : "older consumers reject the new values: add values only where the level is BACKWARD, or first move consumers to the new schema"
        case .additionalPropertiesRemoved, .additionalPropertiesNarrowed, .additionalItemsRemoved, .additionalItemsNarrowed:
            return "keep additional properties/items allowed as before; list the properties you expect instead of closing the schema"
        case .referenceUnresolved:
            return "list the referenced schema under `references:` in registry.yaml with the name the `$ref` uses"
        case .tooComplex:
            return "simplify the schema (fewer combinators or shared definitions) so it can be compared"
        default:
            return "loosen the constraint back to what the earlier version allowed; data written under it must stay valid"
        }
    }
}
