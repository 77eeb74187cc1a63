/// A failure a command reports as one `error: ...` line on stderr before exiting with status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
