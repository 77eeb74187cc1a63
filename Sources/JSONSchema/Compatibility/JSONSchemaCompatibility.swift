import JSONValue

/// Static compatibility of two JSON Schemas: BACKWARD means the reader (new) schema accepts every document the
/// writer (old) schema accepted. Deciding that exactly is undecidable in general, so this follows the structural
/// rules Confluent and Karapace apply (see docs/JSON-SCHEMA.md): types may widen, bounds may loosen, enums may
/// grow; open content models may not gain properties, closed ones may not lose them; combinators match branch
/// by branch.
public enum JSONSchemaCompatibility {
    /// Incompatibilities of `reader` with data written under `writer`; empty when compatible.
    /// `externalSchemas` resolves non-local `$ref`s (by reference name or URI), as in `JSONSchemaOptions`.
    public static func check(reader: JSONValue, writer: JSONValue, externalSchemas: [String: JSONValue] = [:]) -> [JSONSchemaIncompatibility] {
        var checker = CompatibilityChecker(readerRoot: reader, writerRoot: writer, external: externalSchemas)
        checker.compare(reader: reader, writer: writer, at: "#", writerAt: "#")
        if checker.exhausted {
            // Unfinished is not proven compatible: say so rather than pass on a partial answer.
            return checker.findings + [JSONSchemaIncompatibility(
                difference: .tooComplex, location: "#",
                message: "comparing these schemas takes more than \(CompatibilityChecker.maxComparisons) subschema comparisons (combinators or shared definitions multiply them); simplify the schema")]
        }
        return checker.findings
    }

    /// True when `new` can read everything `old` accepted.
    public static func isBackwardCompatible(new: JSONValue, old: JSONValue, externalSchemas: [String: JSONValue] = [:]) -> Bool {
        check(reader: new, writer: old, externalSchemas: externalSchemas).isEmpty
    }
}
