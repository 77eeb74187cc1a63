import JSONSchema
import JSONValue

/// `validate` for a JSON Schema: the same report as the Avro `DataValidator`, each failed assertion a problem
/// on its line with the instance location as the pointer, so hooks and CI read both alike.
public struct JSONDataValidator: Sendable {
    let validator: JSONSchemaValidator
    public var inputName: String

    /// `file` names the schema in problems when it does not compile.
    public init(schemaText: String, file: String, inputName: String) throws(ManifestError) {
        do {
            validator = try JSONSchemaValidator(schemaText: schemaText)
        } catch {
            throw ManifestError([Problem(kind: .schemaInvalid, file: file, message: error.description,
                                         hint: "fix the JSON Schema at \(error.location)")])
        }
        self.inputName = inputName
    }

    public func validate(jsonLines bytes: [UInt8]) -> DataValidator.Report {
        var report = DataValidator.Report()
        for message in JSONLines.split(bytes) {
            report.checked += 1
            report.problems += problems(message.bytes, line: { _ in message.line })
        }
        return report
    }

    /// One JSON document, e.g. a pretty-printed `.json` file.
    public func validate(document bytes: [UInt8]) -> DataValidator.Report {
        var report = DataValidator.Report()
        report.checked = 1
        let map = JSONSourceMap(String(decoding: bytes, as: UTF8.self))
        report.problems = problems(bytes[...], line: { pointer in map.line(of: pointer) ?? 1 })
        return report
    }

    func problems(_ bytes: ArraySlice<UInt8>, line: (String) -> Int) -> [Problem] {
        let instance: JSONValue
        do {
            instance = try JSONParser.parse(bytes: bytes)
        } catch {
            return [Problem(kind: .dataInvalid, file: inputName, line: line(""), pointer: "/", message: "not valid JSON: \(error.message)",
                            hint: "each line must hold one complete JSON value")]
        }
        return validator.validate(instance).map { failure in
            let pointer = failure.instanceLocation.isEmpty ? "/" : failure.instanceLocation
            // The keyword location is an absolute URI; its fragment is the pointer into the schema people look for.
            let keyword = failure.keywordLocation.split(separator: "#", maxSplits: 1).last.map(String.init) ?? failure.keyword
            return Problem(kind: .dataInvalid, file: inputName, line: line(failure.instanceLocation), pointer: pointer,
                           message: "\(pointer): \(failure.message) (schema at \(keyword.isEmpty ? failure.keyword : keyword))")
        }
    }
}
