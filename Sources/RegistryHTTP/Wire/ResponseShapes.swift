import RegistryCore

/// Confluent's response bodies, written with its field names and its omissions (`references` only when
/// non-empty, `deleted` only when true).
///
/// `schemaType` is always present, as from Confluent 8.0 on; 7.x clients ignore it for AVRO.
enum ResponseShapes {
    static func schemaByID(_ schema: StoredSchema) -> String {
        var out = JSONOutput(capacity: schema.schema.utf8.count + 64)
        out.beginObject()
        out.field("schemaType", schema.schemaType.rawValue)
        out.field("schema", schema.schema)
        writeReferences(schema.references, to: &out)
        out.endObject()
        return out.text
    }

    /// `GET /subjects/{s}/versions/{v}`, lookup, `GET /schemas` items.
    static func subjectVersion(_ version: SubjectVersion) -> String {
        var out = JSONOutput(capacity: version.schema.schema.utf8.count + version.subject.utf8.count + 96)
        write(version, to: &out)
        return out.text
    }

    static func subjectVersions(_ versions: [SubjectVersion]) -> String {
        var out = JSONOutput(capacity: versions.reduce(2) { $0 + $1.schema.schema.utf8.count + 96 })
        out.beginArray()
        for version in versions { write(version, to: &out) }
        out.endArray()
        return out.text
    }

    /// Register: Confluent 8.x's full object (7.x answered `{"id"}`; clients of both read `id`).
    static func registered(_ version: SubjectVersion) -> String {
        var out = JSONOutput(capacity: version.schema.schema.utf8.count + 96)
        out.beginObject()
        out.field("id", version.id)
        out.field("version", version.version)
        out.field("schemaType", version.schema.schemaType.rawValue)
        out.field("schema", version.schema.schema)
        writeReferences(version.schema.references, to: &out)
        out.endObject()
        return out.text
    }

    static func strings(_ values: [String]) -> String {
        var out = JSONOutput()
        out.beginArray()
        for value in values { out.string(value) }
        out.endArray()
        return out.text
    }

    static func ints(_ values: [Int]) -> String {
        var out = JSONOutput()
        out.beginArray()
        for value in values { out.int(value) }
        out.endArray()
        return out.text
    }

    static func subjectVersionRefs(_ refs: [SubjectVersionRef]) -> String {
        var out = JSONOutput()
        out.beginArray()
        for ref in refs {
            out.beginObject()
            out.field("subject", ref.subject)
            out.field("version", ref.version)
            out.endObject()
        }
        out.endArray()
        return out.text
    }

    static func compatibility(_ verdict: CompatibilityVerdict, verbose: Bool) -> String {
        var out = JSONOutput()
        out.beginObject()
        out.field("is_compatible", verdict.isCompatible)
        if verbose {
            out.key("messages")
            out.beginArray()
            for message in verdict.messages { out.string(message) }
            out.endArray()
        }
        out.endObject()
        return out.text
    }

    static func object(_ name: String, _ value: String) -> String {
        var out = JSONOutput()
        out.beginObject()
        out.field(name, value)
        out.endObject()
        return out.text
    }

    static func error(code: Int, message: String) -> String {
        var out = JSONOutput(capacity: message.utf8.count + 32)
        out.beginObject()
        out.field("error_code", code)
        out.field("message", message)
        out.endObject()
        return out.text
    }

    private static func write(_ version: SubjectVersion, to out: inout JSONOutput) {
        out.beginObject()
        out.field("subject", version.subject)
        out.field("version", version.version)
        out.field("id", version.id)
        out.field("schemaType", version.schema.schemaType.rawValue)
        out.field("schema", version.schema.schema)
        writeReferences(version.schema.references, to: &out)
        if version.deleted { out.field("deleted", true) }
        out.endObject()
    }

    private static func writeReferences(_ references: [SchemaReference], to out: inout JSONOutput) {
        guard !references.isEmpty else { return }
        out.key("references")
        out.beginArray()
        for reference in references {
            out.beginObject()
            out.field("name", reference.name)
            out.field("subject", reference.subject)
            out.field("version", reference.version)
            out.endObject()
        }
        out.endArray()
    }
}
