import ArgumentParser
import SchemasAsCode

/// `schema-registry plan [FOLDER]`: the dry run of `apply`. Lists new subjects, new versions and level changes
/// without writing; run `check` against the same registry to know whether they will be accepted.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what `apply` would register (new subjects, new versions, level changes) without writing.",
        discussion: "Exit status: 0 plan shown, 1 the folder has invalid schemas, 2 usage or I/O error."
    )

    @Argument(help: ArgumentHelp("Folder holding registry.yaml.", valueName: "folder"))
    var folder: String = "schemas"

    @OptionGroup var target: RegistryOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard target.isGiven else { throw ValidationError("give the registry to compare with: --registry URL or --db PATH") }
    }

    func run() async throws {
        let plan: Plan
        do {
            plan = try await target.with(create: false) { service in
                await PlanEngine.plan(source: DiskFileSource(root: folder), service: service)
            }
        } catch {
            return try output.fail(error, summary: "no plan for \(target.label)")
        }
        let status = ExitStatus(plan.problems)
        output.emit(ChangeRenderer.render(plan, target: target.label, with: output.renderer), clean: status == .clean)
        if status != .clean { throw ExitCode(status.rawValue) }
    }
}
