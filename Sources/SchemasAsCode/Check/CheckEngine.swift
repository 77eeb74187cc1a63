import Avro
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

        for (index, subject) in folder.order.enumerated() {
            progress?(CheckProgress(done: index, total: folder.order.count, subject: subject))
            guard let entry = folder.manifest.subject(subject), let schema = schemas.parsed[subject] else { continue }
            if let baseline {
                do {
                    let (compared, problems) = try await compare(entry, schema, folder: folder, baseline: baseline)
                    report.comparisons += compared
                    report.problems += problems
                } catch {
                    report.problems.append(Problem(kind: .unavailable, subject: subject, message: error.message,
                                                   hint: "check that the baseline is reachable and readable"))
                    return report
                }
            }
            if let examples, let directory = entry.examples {
                let outcome = ExampleValidator.validate(subject: entry, schema: schema, directory: directory, source: examples)
                report.examples += outcome.checked
                report.problems += outcome.problems
            }
        }
        progress?(CheckProgress(done: folder.order.count, total: folder.order.count, subject: ""))
        return report
    }

    /// Compares one subject with its earlier versions; returns how many versions were compared.
    static func compare(_ entry: ManifestSubject, _ schema: AvroParsedSchema, folder: SchemaFolder,
                        baseline: any CheckBaseline) async throws(BaselineError) -> (Int, [Problem]) {
        let explicit = folder.manifest.compatibility(of: entry)
        let baselineLevel = explicit == nil ? try await baseline.compatibilityLevel(of: entry.subject) : nil
        let level = explicit ?? baselineLevel ?? .backward
        guard level != .none, let avroLevel = AvroCompatibilityLevel(rawValue: level.rawValue) else { return (0, []) }
        let previous = try await baseline.previousVersions(of: entry.subject, all: level.isTransitive)
        guard !previous.isEmpty else { return (0, []) }
        let report = AvroCompatibility.check(level: avroLevel, newSchema: schema, previous: previous.map(\.schema))
        guard !report.isCompatible else { return (report.checkedVersions.count, []) }
        let file = folder.displayPath(entry.file)
        let map = folder.texts[entry.file].map(JSONSourceMap.init)
        var problems: [Problem] = []
        for failure in report.failures {
            let against = previous[failure.previousIndex].label
            for issue in failure.incompatibilities {
                problems.append(CompatibilityProblem.make(issue, direction: failure.direction, level: level, against: against,
                                                          subject: entry.subject, file: file, map: map))
            }
        }
        return (report.checkedVersions.count, problems)
    }
}
