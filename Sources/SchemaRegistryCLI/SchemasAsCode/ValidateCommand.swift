import ArgumentParser
import Avro
import Foundation
import RegistryCore
import SchemasAsCode

/// `schema-registry validate`: data against one schema (a file, or a subject's latest version in a registry).
/// JSON lines are checked one by one and each bad line is reported with its number and the path inside it;
/// with `--binary` the input is one Avro-encoded datum. Usable as a pre-commit hook or a pipeline step.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON lines (or one Avro binary datum) against a schema file or a registry subject.",
        discussion: """
        A schema file listed in a registry.yaml (in its folder or above) gets its references from the manifest. \
        Exit status: 0 all valid, 1 some data invalid, 2 usage or I/O error.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Schema file (.avsc for Avro, .json for JSON Schema).", valueName: "file"))
    var schema: String?

    @Option(name: .long, help: ArgumentHelp("Schema type of --schema: AVRO, JSON or PROTOBUF (default: from the file extension).", valueName: "type"))
    var type: SchemaTypeOption?

    @Option(name: .customLong("reference"), help: ArgumentHelp("A schema file --schema uses, dependencies first (repeatable; not needed when a registry.yaml lists the schema).", valueName: "file"))
    var references: [String] = []

    @Option(name: .long, help: ArgumentHelp("Registry subject whose latest version to validate against (with --registry or --db).", valueName: "subject"))
    var subject: String?

    @OptionGroup var target: RegistryOptions

    @Flag(name: .long, help: "The input is one Avro binary datum, not JSON lines.")
    var binary = false

    @Argument(help: ArgumentHelp("Data file: JSON lines, or one JSON document when it ends in .json; standard input (JSON lines) when absent or '-'.", valueName: "data"))
    var data: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        switch (schema, subject) {
        case (nil, nil): throw ValidationError("give --schema FILE or --subject S (with --registry or --db)")
        case (.some, .some): throw ValidationError("give either --schema or --subject, not both")
        case (.some, nil):
            if target.isGiven { throw ValidationError("--registry and --db go with --subject, not --schema") }
        case (nil, .some):
            if !target.isGiven { throw ValidationError("--subject needs --registry URL or --db PATH") }
            if type != nil || !references.isEmpty { throw ValidationError("--type and --reference go with --schema") }
        }
    }

    func run() async throws {
        let inputName = data.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>"
        let validator: MessageValidator
        do {
            validator = try await loadValidator(inputName: inputName)
        } catch let error as CommandFailure {
            return try output.fail(error, summary: "nothing validated")
        } catch let error as ManifestError {
            return try output.finish(error.problems, summary: "nothing validated: the schema is unusable")
        } catch {
            return try output.fail(CommandFailure("\(error)"), summary: "nothing validated")
        }
        let bytes: [UInt8]
        do {
            bytes = try readInput()
        } catch {
            return try output.fail(error, summary: "nothing validated")
        }
        let report: DataValidator.Report
        if binary {
            guard case .avro(let avro) = validator else {
                return try output.fail(CommandFailure("--binary needs an Avro schema"), summary: "nothing validated")
            }
            report = avro.validate(binary: bytes)
        } else if inputName.hasSuffix(".json") {
            report = validator.validate(document: bytes)
        } else {
            report = validator.validate(jsonLines: bytes)
        }
        let invalid = Set(report.problems.map { $0.line ?? 0 }).count
        let summary = binary
            ? "\(inputName): one Avro datum checked"
            : "\(inputName): \(report.checked) message(s) checked, \(invalid) invalid"
        try output.finish(report.problems, summary: summary, extra: [("input", inputName)])
    }

    func loadValidator(inputName: String) async throws -> MessageValidator {
        if let subject {
            return try await target.with(create: false) { service in
                await Self.latest(subject, service, inputName: inputName)
            }.get()
        }
        guard let schema else { throw CommandFailure("give --schema FILE or --subject S") }
        switch type ?? SchemaTypeOption(fileName: schema) {
        case .avro:
            if references.isEmpty, let listed = try ValidationSchema.fromManifest(file: schema) {
                return try .avro(DataValidator(schema: listed, inputName: inputName))
            }
            let text = try readText(schema)
            let referenceTexts = try references.map(readText)
            return try .avro(DataValidator(schema: try ValidationSchema.parse(text, file: schema, references: referenceTexts),
                                           inputName: inputName))
        case .json:
            if !references.isEmpty { throw CommandFailure("--reference is for Avro schemas; a JSON Schema must be self-contained here") }
            return .json(try JSONDataValidator(schemaText: try readText(schema), file: schema, inputName: inputName))
        case .protobuf:
            throw CommandFailure("Protobuf schemas are not supported by `validate` yet; use Avro (.avsc) or JSON Schema (.json)")
        }
    }

    /// The subject's latest version, Avro (with its references) or a JSON Schema.
    static func latest(_ subject: String, _ service: any SchemaRegistryService, inputName: String) async -> Result<MessageValidator, any Error> {
        do {
            let latest = try await service.version(subject: subject, .latest, includeDeleted: false)
            switch latest.schema.schemaType {
            case .avro:
                return .success(.avro(try DataValidator(schema: try await ValidationSchema.latest(subject: subject, service: service),
                                                        inputName: inputName)))
            case .json:
                if !latest.schema.references.isEmpty {
                    return .failure(CommandFailure("'\(subject)' is a JSON Schema with references, which `validate` does not resolve yet"))
                }
                return .success(.json(try JSONDataValidator(schemaText: latest.schema.schema, file: subject, inputName: inputName)))
            case .protobuf:
                return .failure(CommandFailure("'\(subject)' is a Protobuf schema; `validate` supports Avro and JSON Schema"))
            }
        } catch let error as RegistryError {
            if case .subjectNotFound = error {
                return .failure(CommandFailure("subject '\(subject)' not found in the registry (subjects are case-sensitive)"))
            }
            return .failure(CommandFailure("cannot read '\(subject)': \(error.message)"))
        } catch let error as AvroDataError {
            return .failure(CommandFailure("the schema of '\(subject)' cannot encode data: \(error.description)"))
        } catch {
            return .failure(error)
        }
    }

    func readText(_ path: String) throws(CommandFailure) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func readInput() throws(CommandFailure) -> [UInt8] {
        guard let data, data != "-" else {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let contents = FileManager.default.contents(atPath: data) else {
            throw CommandFailure("cannot read data file '\(data)'")
        }
        return [UInt8](contents)
    }
}

/// The schema `validate` checks against, in its own format.
enum MessageValidator: Sendable {
    case avro(DataValidator)
    case json(JSONDataValidator)

    func validate(jsonLines bytes: [UInt8]) -> DataValidator.Report {
        switch self {
        case .avro(let validator): return validator.validate(jsonLines: bytes)
        case .json(let validator): return validator.validate(jsonLines: bytes)
        }
    }

    func validate(document bytes: [UInt8]) -> DataValidator.Report {
        switch self {
        case .avro(let validator): return validator.validate(document: bytes)
        case .json(let validator): return validator.validate(document: bytes)
        }
    }
}

/// `--type`: the Confluent spellings, any case.
enum SchemaTypeOption: String, ExpressibleByArgument, CaseIterable {
    case avro = "AVRO"
    case json = "JSON"
    case protobuf = "PROTOBUF"

    init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    /// `.json` is JSON Schema, `.proto` Protobuf, anything else Avro.
    init(fileName: String) {
        if fileName.hasSuffix(".json") {
            self = .json
        } else if fileName.hasSuffix(".proto") {
            self = .protobuf
        } else {
            self = .avro
        }
    }
}
