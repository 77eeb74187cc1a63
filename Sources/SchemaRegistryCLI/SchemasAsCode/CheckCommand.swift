import ArgumentParser
import SchemasAsCode

/// `schema-registry check [FOLDER]`: the CI gate. Parses every schema of the folder, compares each with the
/// baseline at its subject's level and runs the example messages; the exit status is the verdict.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a schema folder: parse, compatibility against a baseline, example messages.",
        discussion: """
        The baseline is one of --registry, --db, --against-git or --against; without one, only parsing and \
        examples are checked. Exit status: 0 clean, 1 incompatible or invalid, 2 usage or I/O error.
        """
    )

    @Argument(help: ArgumentHelp("Folder holding registry.yaml.", valueName: "folder"))
    var folder: String = "schemas"

    @OptionGroup var target: RegistryOptions

    @Option(name: .customLong("against-git"), help: ArgumentHelp("Compare with the folder at this git revision (branch, tag or commit), no registry needed.", valueName: "ref"))
    var againstGit: String?

    @Option(name: .customLong("against"), help: ArgumentHelp("Compare with another schema folder, e.g. one written by `export`.", valueName: "folder"))
    var againstFolder: String?

    @Flag(name: .customLong("skip-examples"), help: "Do not run the example messages.")
    var skipExamples = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        let baselines = [target.registry, target.db, againstGit, againstFolder].compactMap { $0 }
        guard baselines.count <= 1 else {
            throw ValidationError("give at most one baseline: --registry, --db, --against-git or --against")
        }
    }

    func run() async throws {
        let source = DiskFileSource(root: folder)
        let examples = skipExamples ? nil : ExampleSource(root: folder)
        let progress = output.progress(label: "check")
        let onProgress: @Sendable (CheckProgress) -> Void = { step in
            progress?.update(done: step.done, total: step.total, item: step.subject)
        }
        let report: CheckReport
        if target.isGiven {
            do {
                report = try await target.with(create: false) { service in
                    await CheckEngine.run(source: source, baseline: RegistryBaseline(service: service, label: target.label),
                                          examples: examples, progress: onProgress)
                }
            } catch {
                return try output.fail(error, summary: "check of \(folder) did not run")
            }
        } else {
            let baseline: (any CheckBaseline)?
            do {
                baseline = try makeFolderBaseline()
            } catch {
                return try output.fail(CommandFailure(error.message), summary: "check of \(folder) did not run")
            }
            report = await CheckEngine.run(source: source, baseline: baseline, examples: examples, progress: onProgress)
        }
        try output.finish(report.problems, summary: Self.summary(report), extra: [
            ("folder", report.folder), ("baseline", report.baseline ?? "none"),
        ])
    }

    func makeFolderBaseline() throws(BaselineError) -> (any CheckBaseline)? {
        if let againstGit {
            let revision: GitFileSource
            do {
                revision = try GitFileSource(folder: folder, revision: againstGit)
            } catch {
                throw BaselineError(error.message)
            }
            return try FolderBaseline(source: revision)
        }
        if let againstFolder {
            return try FolderBaseline(source: DiskFileSource(root: againstFolder))
        }
        return nil
    }

    static func summary(_ report: CheckReport) -> String {
        var parts = ["\(report.subjects) subject\(report.subjects == 1 ? "" : "s")"]
        if let baseline = report.baseline {
            parts.append("\(report.comparisons) comparison\(report.comparisons == 1 ? "" : "s") against \(baseline)")
        }
        parts.append("\(report.examples) example\(report.examples == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }
}
