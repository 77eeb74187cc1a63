import JSONValue
import RegistryCore

/// Reads Confluent response bodies, accepting both the 7.x shapes (no `schemaType` for Avro, register
/// answering `{"id"}` only) and the 8.x ones (extra fields such as `guid`, `ts`, `metadata`, ignored here).
/// A body that is not the expected shape becomes error 50005, as Confluent's Java client reports it.
struct ResponseDecoding {
    /// What was asked, for error messages.
    let request: String

    func json(_ body: [UInt8]) throws(RegistryError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes: body)
        } catch {
            throw malformed("not JSON (\(error.description))")
        }
    }

    func storedSchema(_ value: JSONValue, id knownID: Int?) throws(RegistryError) -> StoredSchema {
        guard let text = value["schema"]?.stringValue else { throw malformed("no \"schema\" string") }
        guard let id = knownID ?? value["id"]?.integerValue.flatMap({ Int(exactly: $0) }) else {
            throw malformed("no \"id\"")
        }
        return StoredSchema(id: id, schemaType: try schemaType(value), schema: text, references: try references(value))
    }

    func subjectVersion(_ value: JSONValue) throws(RegistryError) -> SubjectVersion {
        guard let subject = value["subject"]?.stringValue else { throw malformed("no \"subject\"") }
        let version = try int(value, "version")
        let schema = try storedSchema(value, id: nil)
        return SubjectVersion(subject: subject, version: version, schema: schema, deleted: value["deleted"]?.boolValue ?? false)
    }

    func subjectVersions(_ value: JSONValue) throws(RegistryError) -> [SubjectVersion] {
        guard let items = value.arrayValue else { throw malformed("not an array") }
        var result: [SubjectVersion] = []
        for item in items { result.append(try subjectVersion(item)) }
        return result
    }

    func strings(_ value: JSONValue) throws(RegistryError) -> [String] {
        guard let items = value.arrayValue else { throw malformed("not an array") }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw malformed("an array item is not a string") }
            result.append(text)
        }
        return result
    }

    func ints(_ value: JSONValue) throws(RegistryError) -> [Int] {
        guard let items = value.arrayValue else { throw malformed("not an array") }
        var result: [Int] = []
        for item in items {
            guard let number = item.integerValue.flatMap({ Int(exactly: $0) }) else { throw malformed("an array item is not an integer") }
            result.append(number)
        }
        return result
    }

    func integer(_ value: JSONValue) throws(RegistryError) -> Int {
        guard let number = value.integerValue.flatMap({ Int(exactly: $0) }) else { throw malformed("not an integer") }
        return number
    }

    func subjectVersionRefs(_ value: JSONValue) throws(RegistryError) -> [SubjectVersionRef] {
        guard let items = value.arrayValue else { throw malformed("not an array") }
        var result: [SubjectVersionRef] = []
        for item in items {
            guard let subject = item["subject"]?.stringValue else { throw malformed("an item has no \"subject\"") }
            result.append(SubjectVersionRef(subject: subject, version: try int(item, "version")))
        }
        return result
    }

    func verdict(_ value: JSONValue) throws(RegistryError) -> CompatibilityVerdict {
        guard let compatible = value["is_compatible"]?.boolValue else { throw malformed("no \"is_compatible\"") }
        let messages = value["messages"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return CompatibilityVerdict(isCompatible: compatible, messages: messages)
    }

    /// `GET /config` answers `compatibilityLevel`; `PUT` and some peers echo `compatibility`.
    func compatibilityLevel(_ value: JSONValue) throws(RegistryError) -> CompatibilityLevel {
        guard let name = value["compatibilityLevel"]?.stringValue ?? value["compatibility"]?.stringValue,
              let level = CompatibilityLevel(apiValue: name)
        else { throw malformed("no known \"compatibilityLevel\"") }
        return level
    }

    func mode(_ value: JSONValue) throws(RegistryError) -> RegistryMode {
        guard let name = value["mode"]?.stringValue, let mode = RegistryMode(apiValue: name) else {
            throw malformed("no known \"mode\"")
        }
        return mode
    }

    func schemaTypes(_ value: JSONValue) throws(RegistryError) -> [SchemaType] {
        try strings(value).compactMap { SchemaType(apiValue: $0) }
    }

    // MARK: Pieces

    /// Absent means Avro (7.x omitted it for Avro).
    private func schemaType(_ value: JSONValue) throws(RegistryError) -> SchemaType {
        guard let type = SchemaType(apiValue: value["schemaType"]?.stringValue) else {
            throw malformed("unknown \"schemaType\" \(value["schemaType"]?.stringValue ?? "")")
        }
        return type
    }

    private func references(_ value: JSONValue) throws(RegistryError) -> [SchemaReference] {
        guard let items = value["references"]?.arrayValue else { return [] }
        var result: [SchemaReference] = []
        for item in items {
            guard let name = item["name"]?.stringValue, let subject = item["subject"]?.stringValue else {
                throw malformed("a reference lacks \"name\" or \"subject\"")
            }
            result.append(SchemaReference(name: name, subject: subject, version: try int(item, "version")))
        }
        return result
    }

    private func int(_ value: JSONValue, _ key: String) throws(RegistryError) -> Int {
        guard let number = value[key]?.integerValue.flatMap({ Int(exactly: $0) }) else { throw malformed("no integer \"\(key)\"") }
        return number
    }

    func malformed(_ detail: String) -> RegistryError {
        .remote(errorCode: 50005, message: "unexpected answer to \(request): \(detail)")
    }
}
