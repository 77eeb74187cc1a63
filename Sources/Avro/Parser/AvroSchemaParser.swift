import JSONValue

/// Turns Avro schema text (Avro 1.12 specification) into the typed model, rejecting anything the
/// specification forbids with the JSON pointer of the offending place.
public enum AvroSchemaParser {
    /// Parses `text`; `references` are the texts of schemas whose named types `text` may use, dependencies
    /// first (as a registry resolves them), each able to see the named types of those before it.
    public static func parse(_ text: String, references: [String] = []) throws(AvroSchemaError) -> AvroParsedSchema {
        var documents: [JSONValue] = []
        documents.reserveCapacity(references.count)
        for (index, reference) in references.enumerated() {
            do throws(AvroSchemaError) {
                documents.append(try document(reference))
            } catch {
                throw AvroSchemaError(path: error.path, message: "in reference \(index): \(error.message)")
            }
        }
        return try parse(json: try document(text), references: documents)
    }

    /// Parses an already decoded JSON document (for callers that hold one, such as a registry request body).
    public static func parse(json: JSONValue, references: [JSONValue] = []) throws(AvroSchemaError) -> AvroParsedSchema {
        var parser = SchemaParser()
        for (index, reference) in references.enumerated() {
            do throws(AvroSchemaError) {
                _ = try parser.parseDocument(reference, isReference: true)
            } catch {
                throw AvroSchemaError(path: error.path, message: "in reference \(index): \(error.message)")
            }
        }
        let root = try parser.parseDocument(json, isReference: false)
        return AvroParsedSchema(root: root, names: parser.names, source: json)
    }

    /// Parses `json` with named types already parsed, e.g. the `names` of a referenced schema parsed before:
    /// a type shared by many schemas (or many versions) is then parsed once, not once per schema using it.
    public static func parse(json: JSONValue, knownNames: AvroSchemaSet) throws(AvroSchemaError) -> AvroParsedSchema {
        var parser = SchemaParser(known: knownNames)
        let root = try parser.parseDocument(json, isReference: false)
        return AvroParsedSchema(root: root, names: parser.names, source: json)
    }

    static func document(_ text: String) throws(AvroSchemaError) -> JSONValue {
        do throws(JSONParseError) {
            return try JSONParser.parse(text)
        } catch {
            throw AvroSchemaError(path: "", message: "not valid JSON: \(error.description)")
        }
    }
}
