import ArgumentParser
import SchemasAsCode

extension OutputOptions {
    /// Prints problems in the chosen format and ends the command with their exit status (0, 1 or 2), so every
    /// command reports the same way, including a failure to start (which JSON readers still get as JSON).
    func finish(_ problems: [Problem], summary: String, extra: [(String, String)] = []) throws {
        let status = ExitStatus(problems)
        emit(renderer.render(problems, summary: summary, extra: extra), clean: status == .clean)
        if status != .clean { throw ExitCode(status.rawValue) }
    }

    func fail(_ failure: CommandFailure, summary: String) throws {
        try finish([Problem(kind: .unavailable, message: failure.message)], summary: summary)
    }
}
