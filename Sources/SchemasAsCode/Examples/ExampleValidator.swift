import Avro
import RegistryCore

/// Runs a subject's example messages through its schema's codec: the examples document what producers send,
/// so a schema change that rejects a valid example, or starts accepting an invalid one, is caught in review.
enum ExampleValidator {
    struct Outcome {
        var checked = 0
        var problems: [Problem] = []
    }

    static func validate(subject: ManifestSubject, schema: FolderSchema, directory: String, source: ExampleSource) -> Outcome {
        guard source.exists(directory) else {
            var outcome = Outcome()
            outcome.problems.append(Problem(kind: .manifestInvalid, file: FolderPath.join(source.root, ManifestLoader.fileName),
                                            line: subject.line, subject: subject.subject,
                                            message: "examples folder '\(directory)' of subject '\(subject.subject)' does not exist",
                                            hint: "create \(directory)/valid and \(directory)/invalid, or remove `examples:`"))
            return outcome
        }
        switch schema {
        case .avro(let avro):
            let judge: AvroExampleJudge
            do {
                judge = try AvroExampleJudge(avro)
            } catch {
                var outcome = Outcome()
                outcome.problems.append(Problem(kind: .schemaInvalid, subject: subject.subject,
                                                message: "the schema of '\(subject.subject)' cannot encode data: \(error.description)"))
                return outcome
            }
            return run(judge, subject: subject, directory: directory, source: source)
        case .json(let json):
            return run(JSONExampleJudge(validator: json.validator), subject: subject, directory: directory, source: source)
        }
    }

    static func run(_ judge: some ExampleJudge, subject: ManifestSubject, directory: String, source: ExampleSource) -> Outcome {
        var judge = judge
        var outcome = Outcome()
        for expectation in ExampleExpectation.allCases {
            for file in source.files(in: directory, expectation: expectation) {
                guard let bytes = source.read(file), let kind = ExampleFileKind(name: file) else { continue }
                let display = FolderPath.join(source.root, file)
                for message in messages(bytes, kind: kind) {
                    outcome.checked += 1
                    let failure = judge.rejection(of: message.bytes)
                    switch (expectation, failure) {
                    case (.valid, .some(let rejection)):
                        let line = kind == .single
                            ? JSONSourceMap(String(decoding: message.bytes, as: UTF8.self)).line(of: rejection.pointer)
                            : message.line
                        outcome.problems.append(Problem(
                            kind: .validExampleRejected, file: display, line: line ?? message.line,
                            pointer: rejection.pointer.isEmpty ? "/" : rejection.pointer, subject: subject.subject,
                            message: "valid example rejected by '\(subject.subject)': \(rejection.message)",
                            hint: judge.rejectedHint))
                    case (.invalid, .none):
                        outcome.problems.append(Problem(
                            kind: .invalidExampleAccepted, file: display, line: message.line, subject: subject.subject,
                            message: "example under invalid/ is accepted by '\(subject.subject)'",
                            hint: "the schema no longer rejects this message: tighten the schema, or move the example to valid/ if it is now allowed"))
                    default:
                        break
                    }
                }
            }
        }
        return outcome
    }

    struct Message {
        var line: Int
        var bytes: ArraySlice<UInt8>
    }

    /// Splits a file into messages with their starting lines; blank lines in JSON-lines files are skipped.
    static func messages(_ bytes: [UInt8], kind: ExampleFileKind) -> [Message] {
        switch kind {
        case .single:
            return [Message(line: 1, bytes: bytes[...])]
        case .lines:
            return JSONLines.split(bytes)
        }
    }
}

/// JSON lines: one value per line, numbered from 1 as editors number them.
enum JSONLines {
    static func split(_ bytes: [UInt8]) -> [ExampleValidator.Message] {
        var result: [ExampleValidator.Message] = []
        var start = 0
        var line = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var slice = bytes[start..<end]
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            if slice.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                result.append(ExampleValidator.Message(line: line, bytes: slice))
            }
            start = end + 1
            line += 1
        }
        return result
    }
}
