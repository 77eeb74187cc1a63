import ArgumentParser

/// The `schema-registry` executable: a root command whose subcommands each live in their own folder.
@main
struct SchemaRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-registry",
        abstract: "A Confluent-compatible schema registry backed by one SQLite file.",
        subcommands: [ServeCommand.self, CheckCommand.self, PlanCommand.self, ApplyCommand.self, ExportCommand.self, ValidateCommand.self, ProduceCommand.self, ConsumeCommand.self]
    )
}
