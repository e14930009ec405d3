/// What a tool's command line asks for, as resolved by `ToolSpec.resolve(_:)`.
public enum Invocation: Sendable, Equatable {
    /// Run `command` with its parsed arguments.
    case run(command: CommandSpec, arguments: ParsedArguments)
    /// Print this help text to standard output and exit with `ExitCode.success`.
    case help(text: String)
    /// Print this version to standard output and exit with `ExitCode.success`.
    case version(String)
}
