import Hummingbird
import JSONValue
import RegistryCore

/// Request bodies, decoded from JSON into the core's types.
///
/// Decoding mirrors Jackson as Confluent configures it: a body that is not JSON is a 400, JSON of the wrong
/// shape is a 422, and unknown fields (`metadata`, `ruleSet`, ...) are ignored.
enum RequestBodies {
    static func json(_ body: ByteBuffer) throws(APIError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: body.readableBytesView)
        } catch {
            throw .malformedJSON(error.description)
        }
        guard case .object(let object) = value else {
            throw .unprocessableBody("expected a JSON object, found \(value.typeName)")
        }
        return object
    }

    /// Register, lookup and compatibility bodies.
    static func submission(_ body: ByteBuffer) throws(APIError) -> SchemaSubmission {
        let object = try json(body)
        let schema: String
        switch object["schema"] {
        case .string(let text)? where !text.isEmpty: schema = text
        case nil, .null?, .string?: throw APIError(RegistryError.invalidSchema("Empty schema"))
        case let other?: throw .unprocessableBody("field 'schema' must be a string, found \(other.typeName)")
        }

        let schemaType: SchemaType
        switch object["schemaType"] {
        case nil, .null?: schemaType = .avro
        case .string(let name)?:
            guard let type = SchemaType(apiValue: name) else {
                throw APIError(RegistryError.invalidSchema("Unknown schema type \(name)"))
            }
            schemaType = type
        case let other?: throw .unprocessableBody("field 'schemaType' must be a string, found \(other.typeName)")
        }

        return SchemaSubmission(
            schema: schema,
            schemaType: schemaType,
            references: try references(object["references"]),
            id: try optionalInt(object, "id"),
            version: try optionalInt(object, "version")
        )
    }

    /// `PUT /config`: `{"compatibility": "FULL"}`; `compatibilityLevel` is accepted too (the response's key,
    /// which some clients echo back).
    static func compatibilityLevel(_ body: ByteBuffer) throws(APIError) -> CompatibilityLevel {
        let object = try json(body)
        guard let name = (object["compatibility"] ?? object["compatibilityLevel"])?.stringValue,
            let level = CompatibilityLevel(apiValue: name)
        else { throw APIError(RegistryError.invalidCompatibilityLevel) }
        return level
    }

    /// `PUT /mode`: `{"mode": "READONLY"}`.
    static func mode(_ body: ByteBuffer) throws(APIError) -> RegistryMode {
        let object = try json(body)
        guard let name = object["mode"]?.stringValue, let mode = RegistryMode(apiValue: name) else {
            throw APIError(RegistryError.invalidMode)
        }
        return mode
    }

    private static func references(_ value: JSONValue?) throws(APIError) -> [SchemaReference] {
        switch value {
        case nil, .null?: return []
        case .array(let elements)?:
            var references: [SchemaReference] = []
            references.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard case .object(let object) = element else {
                    throw .unprocessableBody("references[\(index)] must be an object")
                }
                guard let name = object["name"]?.stringValue, let subject = object["subject"]?.stringValue,
                    let version = object["version"]?.integerValue, let version = Int(exactly: version)
                else {
                    throw APIError(RegistryError.invalidSchema(
                        "references[\(index)] needs a string 'name', a string 'subject' and an integer 'version'"))
                }
                references.append(SchemaReference(name: name, subject: subject, version: version))
            }
            return references
        case let other?: throw .unprocessableBody("field 'references' must be an array, found \(other.typeName)")
        }
    }

    private static func optionalInt(_ object: JSONObject, _ name: String) throws(APIError) -> Int? {
        switch object[name] {
        case nil, .null?: return nil
        case let value?:
            guard let number = value.integerValue, let int = Int(exactly: number) else {
                throw .unprocessableBody("field '\(name)' must be an integer, found \(value.typeName)")
            }
            return int
        }
    }
}
