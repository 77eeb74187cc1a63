import ArgumentParser

extension SchemaRegistryCommand {
    /// ArgumentParser ends a usage error (unknown flag, missing value, failed `validate()`) with EX_USAGE (64);
    /// the documented contract for CI is 0 clean, 1 a verdict, 2 anything else, so usage errors exit 2.
    /// Everything else (help, `ExitCode` thrown by a command) keeps ArgumentParser's handling.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.write(fullMessage(for: error) + "\n", to: 2)
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
