import ArgumentParser
import SchemasAsCode

/// `schema-registry export --output DIR`: a registry's live subjects (latest versions) written as a schema
/// folder, the way to bring an existing Confluent or Karapace registry under git.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a registry's subjects out as a schema folder (registry.yaml plus one file per subject).",
        discussion: "Exit status: 0 written, 2 usage, registry or I/O error."
    )

    @OptionGroup var target: RegistryOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write (created if absent; existing files of the same names are replaced).", valueName: "dir"))
    var output: String

    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard target.isGiven else { throw ValidationError("give the registry to export: --registry URL or --db PATH") }
        guard !output.isEmpty else { throw ValidationError("--output must name a folder") }
    }

    func run() async throws {
        let result: ExportResult
        do {
            result = try await target.with(create: false) { service in
                await ExportEngine.export(service: service, to: output)
            }
        } catch {
            return try format.fail(error, summary: "nothing exported from \(target.label)")
        }
        if !format.quiet, format.format == .text {
            for note in result.notes { Terminal.write("note: \(note)\n", to: 2) }
        }
        try format.finish(result.problems, summary: "exported \(result.subjects.count) subject(s) from \(target.label) to \(output)",
                          extra: [("output", output)])
    }
}
