import Avro
import RegistryCore

/// `validate`: data against one schema, as a pre-commit hook or a pipeline step would run it. JSON lines are
/// checked line by line (each bad line reported with its number and the path inside it); Avro binary input
/// is one datum spanning the whole input.
public struct DataValidator: Sendable {
    let codec: AvroCodec
    /// How problems name the input, e.g. the data file's path or `<stdin>`.
    public var inputName: String

    public init(schema: AvroParsedSchema, inputName: String) throws(AvroDataError) {
        self.codec = try AvroCodec(schema)
        self.inputName = inputName
    }

    public struct Report: Sendable {
        public var checked = 0
        public var problems: [Problem] = []

        public init() {}
        public var exitStatus: ExitStatus { ExitStatus(problems) }
    }

    public func validate(jsonLines bytes: [UInt8]) -> Report {
        var report = Report()
        var buffer: [UInt8] = []
        for message in JSONLines.split(bytes) {
            report.checked += 1
            buffer.removeAll(keepingCapacity: true)
            do {
                try codec.encode(json: message.bytes, dialect: .plain, into: &buffer)
            } catch {
                report.problems.append(Problem(kind: .dataInvalid, file: inputName, line: message.line,
                                               pointer: error.path.isEmpty ? "/" : error.path,
                                               message: error.description, hint: Self.hint(error.kind)))
            }
        }
        return report
    }

    /// One JSON document, e.g. a pretty-printed `.json` file: a bad value is reported on the line it is on.
    public func validate(document bytes: [UInt8]) -> Report {
        var report = Report()
        report.checked = 1
        var buffer: [UInt8] = []
        do {
            try codec.encode(json: bytes, dialect: .plain, into: &buffer)
        } catch {
            let line = JSONSourceMap(String(decoding: bytes, as: UTF8.self)).line(of: error.path) ?? 1
            report.problems.append(Problem(kind: .dataInvalid, file: inputName, line: line,
                                           pointer: error.path.isEmpty ? "/" : error.path,
                                           message: error.description, hint: Self.hint(error.kind)))
        }
        return report
    }

    public func validate(binary bytes: [UInt8]) -> Report {
        var report = Report()
        report.checked = 1
        do {
            try codec.validate(bytes)
        } catch {
            report.problems.append(Problem(kind: .dataInvalid, file: inputName, pointer: error.path.isEmpty ? "/" : error.path,
                                           message: error.description, hint: Self.hint(error.kind)))
        }
        return report
    }

    static func hint(_ kind: AvroDataError.Kind) -> String? {
        switch kind {
        case .missingField: return "add the field, or give it a default in the schema"
        case .unknownField: return "remove the field, or add it to the schema"
        case .noUnionBranch: return "use a value one of the union's branches accepts, or the wrapped form {\"type\": value}"
        case .unknownSymbol: return "use one of the enum's symbols"
        case .invalidJSON: return "each line must hold one complete JSON value"
        case .trailingBytes, .truncated: return "binary input must be exactly one datum written with this schema"
        default: return nil
        }
    }
}

/// Loads the one schema `validate` checks against.
public enum ValidationSchema {
    /// A schema file; `references` are the texts of schemas it uses, dependencies first.
    public static func parse(_ text: String, file: String, references: [String] = []) throws(ManifestError) -> AvroParsedSchema {
        do {
            return try AvroSchemaParser.parse(text, references: references)
        } catch {
            let line = JSONSourceMap(text).line(of: error.path)
            throw ManifestError([Problem(kind: .schemaInvalid, file: file, line: line, pointer: error.path.isEmpty ? nil : error.path,
                                         message: error.message)])
        }
    }

    /// The latest version of a registry subject, with its references.
    public static func latest(subject: String, service: any SchemaRegistryService) async throws(ManifestError) -> AvroParsedSchema {
        let baseline = RegistryBaseline(service: service)
        let versions: [BaselineVersion]
        do {
            versions = try await baseline.previousVersions(of: subject, all: false)
        } catch {
            throw ManifestError([Problem(kind: .unavailable, subject: subject, message: error.message)])
        }
        guard let latest = versions.last else {
            throw ManifestError([Problem(kind: .unavailable, subject: subject, message: "subject '\(subject)' not found in the registry",
                                         hint: "check the subject name (subjects are case-sensitive)")])
        }
        guard let avro = latest.schema.avro else {
            throw ManifestError([Problem(kind: .usage, subject: subject,
                                         message: "subject '\(subject)' is a \(latest.schema.schemaType.rawValue) schema, not Avro")])
        }
        return avro
    }
}
