/// Thrown by `CommandSpec.parse(_:)` when the arguments ask for help (`-h` or `--help`) instead of a run.
///
/// It is not a failure: print `text` to standard output and exit with `ExitCode.success`.
/// `ToolSpec.resolve(_:)` turns it into `Invocation.help(text:)`, so most callers never see it.
public struct HelpRequest: Error, Sendable, Equatable {
    /// The complete help text of the command, without a trailing newline.
    public let text: String

    /// Wraps the help text to show.
    public init(text: String) {
        self.text = text
    }
}
