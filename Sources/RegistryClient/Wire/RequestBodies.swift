import JSONValue
import RegistryCore

/// Request bodies in Confluent's shapes (`RegisterSchemaRequest`, config and mode updates), with its
/// omissions: `schemaType` and `references` only when they differ from the defaults, so that 7.x servers
/// and peers that reject unknown or empty fields accept them.
enum RequestBodies {
    static func submission(_ submission: SchemaSubmission) -> String {
        var members: [(key: String, value: JSONValue)] = [("schema", .string(submission.schema))]
        if submission.schemaType != .avro {
            members.append(("schemaType", .string(submission.schemaType.rawValue)))
        }
        if !submission.references.isEmpty {
            members.append(("references", .array(submission.references.map { reference in
                .object(JSONObject([
                    ("name", .string(reference.name)),
                    ("subject", .string(reference.subject)),
                    ("version", .int(Int64(reference.version))),
                ]))
            })))
        }
        if let id = submission.id { members.append(("id", .int(Int64(id)))) }
        if let version = submission.version { members.append(("version", .int(Int64(version)))) }
        return JSONValue.object(JSONObject(members)).serialized()
    }

    static func compatibility(_ level: CompatibilityLevel) -> String {
        JSONValue.object(JSONObject([("compatibility", .string(level.rawValue))])).serialized()
    }

    static func mode(_ mode: RegistryMode) -> String {
        JSONValue.object(JSONObject([("mode", .string(mode.rawValue))])).serialized()
    }
}
