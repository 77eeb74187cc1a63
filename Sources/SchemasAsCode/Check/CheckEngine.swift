import Avro
import Foundation
import RegistryCore

/// `check`: parse every schema of a folder, compare each with its baseline at its subject's level, and run
/// its example messages. Never throws: everything wrong becomes a `Problem`, and the report's exit status
/// says whether the change may merge.
public enum CheckEngine {
    public static func run(
        source: some FileSource,
        baseline: (any CheckBaseline)?,
        examples: ExampleSource? = nil,
        progress: (@Sendable (CheckProgress) -> Void)? = nil
    ) async -> CheckReport {
        var report = CheckReport(folder: source.label, baseline: baseline?.label)
        let folder: SchemaFolder
        do {
            let (loaded, problems) = try SchemaFolder.load(from: source)
            folder = loaded
            report.problems += problems
        } catch {
            report.problems += error.problems
            return report
        }
        let schemas = FolderSchemas(folder)
        report.problems += schemas.problems
        report.subjects = folder.manifest.subjects.count

        // Subjects are independent once parsed: compare them a few at a time (results kept in folder order), so
        // a large folder's baseline parsing uses every core.
        let order = folder.order
        var outcomes = [SubjectOutcome?](repeating: nil, count: order.count)
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        await withTaskGroup(of: (Int, SubjectOutcome).self) { group in
            var next = 0
            var done = 0
            func start(_ index: Int) {
                let subject = order[index]
                guard let entry = folder.manifest.subject(subject), let schema = schemas.parsed[subject] else {
                    group.addTask { (index, SubjectOutcome()) }
                    return
                }
                group.addTask {
                    (index, await check(entry, schema, folder: folder, baseline: baseline, examples: examples))
                }
            }
            while next < min(width, order.count) {
                start(next)
                next += 1
            }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                done += 1
                progress?(CheckProgress(done: done, total: order.count, subject: order[index]))
                if next < order.count {
                    start(next)
                    next += 1
                }
            }
        }
        for (index, outcome) in outcomes.enumerated() {
            guard let outcome else { continue }
            if let failure = outcome.baselineFailure {
                report.problems.append(Problem(kind: .unavailable, subject: order[index], message: failure.message,
                                               hint: "check that the baseline is reachable and readable"))
                return report
            }
            report.comparisons += outcome.comparisons
            report.examples += outcome.examples
            report.problems += outcome.problems
        }
        return report
    }

    /// What checking one subject found.
    struct SubjectOutcome: Sendable {
        var comparisons = 0
        var examples = 0
        var problems: [Problem] = []
        var baselineFailure: BaselineError?
    }

    static func check(_ entry: ManifestSubject, _ schema: FolderSchema, folder: SchemaFolder,
                      baseline: (any CheckBaseline)?, examples: ExampleSource?) async -> SubjectOutcome {
        var outcome = SubjectOutcome()
        if let baseline {
            do {
                let (compared, problems) = try await compare(entry, schema, folder: folder, baseline: baseline)
                outcome.comparisons = compared
                outcome.problems += problems
            } catch {
                outcome.baselineFailure = error
                return outcome
            }
        }
        if let examples, let directory = entry.examples {
            let result = ExampleValidator.validate(subject: entry, schema: schema, directory: directory, source: examples)
            outcome.examples = result.checked
            outcome.problems += result.problems
        }
        return outcome
    }

    /// Compares one subject with its earlier versions; returns how many versions were compared.
    static func compare(_ entry: ManifestSubject, _ schema: FolderSchema, folder: SchemaFolder,
                        baseline: any CheckBaseline) async throws(BaselineError) -> (Int, [Problem]) {
        let explicit = folder.manifest.compatibility(of: entry)
        let baselineLevel = explicit == nil ? try await baseline.compatibilityLevel(of: entry.subject) : nil
        let level = explicit ?? baselineLevel ?? .backward
        guard level != .none else { return (0, []) }
        let previous = try await baseline.previousVersions(of: entry.subject, all: level.isTransitive)
        guard !previous.isEmpty else { return (0, []) }
        let file = folder.displayPath(entry.file)
        var problems: [Problem] = []
        var compared = previous.count
        var avroPrevious: [(label: String, schema: AvroParsedSchema)] = []
        var jsonPrevious: [(label: String, schema: JSONFolderSchema)] = []
        for version in previous {
            switch version.schema {
            case .avro(let old): avroPrevious.append((version.label, old))
            case .json(let old): jsonPrevious.append((version.label, old))
            }
            if version.schema.schemaType != schema.schemaType {
                problems.append(Problem(kind: .incompatible, file: file, line: 1, subject: entry.subject,
                                        message: "\(level.rawValue): the schema type changed from \(version.schema.schemaType.rawValue) in \(version.label) to \(schema.schemaType.rawValue)",
                                        hint: "a subject keeps one schema type; register the new type under a new subject"))
            }
        }
        switch schema {
        case .avro(let avro):
            guard let avroLevel = AvroCompatibilityLevel(rawValue: level.rawValue), !avroPrevious.isEmpty else { break }
            let report = AvroCompatibility.check(level: avroLevel, newSchema: avro, previous: avroPrevious.map(\.schema))
            compared += report.checkedVersions.count - avroPrevious.count
            guard !report.isCompatible else { break }
            // Built only for a failure: most subjects are compatible and most of a large check's time is theirs.
            let map = folder.texts[entry.file].map(JSONSourceMap.init)
            for failure in report.failures {
                let against = avroPrevious[failure.previousIndex].label
                for issue in failure.incompatibilities {
                    problems.append(CompatibilityProblem.make(issue, direction: failure.direction, level: level, against: against,
                                                              subject: entry.subject, file: file, map: map))
                }
            }
        case .json(let json):
            problems += JSONCompatibilityProblem.check(json, previous: jsonPrevious, level: level, subject: entry.subject,
                                                       file: file, text: folder.texts[entry.file])
        }
        return (compared, problems)
    }
}
