import ArgumentParser
import SchemasAsCode

/// `schema-registry apply [FOLDER]`: registers the folder, referenced subjects first, levels before schemas.
/// Idempotent: a second run registers nothing. Stops at the first refusal and prints the registry's reason.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Register the folder's schemas and compatibility levels in a registry, in dependency order.",
        discussion: """
        --db creates the database file if it does not exist. \
        Exit status: 0 applied, 1 invalid folder or a schema refused by the registry, 2 usage or I/O error.
        """
    )

    @Argument(help: ArgumentHelp("Folder holding registry.yaml.", valueName: "folder"))
    var folder: String = "schemas"

    @OptionGroup var target: RegistryOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard target.isGiven else { throw ValidationError("give the registry to write to: --registry URL or --db PATH") }
    }

    func run() async throws {
        let progress = output.progress(label: "apply")
        let result: ApplyResult
        do {
            result = try await target.with(create: true) { service in
                await ApplyEngine.apply(source: DiskFileSource(root: folder), service: service) { line in
                    progress?.note(line)
                }
            }
        } catch {
            return try output.fail(error, summary: "nothing applied to \(target.label)")
        }
        let status = result.exitStatus
        output.emit(ChangeRenderer.render(result, target: target.label, with: output.renderer), clean: status == .clean)
        if status != .clean { throw ExitCode(status.rawValue) }
    }
}
