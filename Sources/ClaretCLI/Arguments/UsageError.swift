/// A command line that cannot be run as written, with a sentence saying what to change.
///
/// Render it with `rendered()` for standard error and exit with `exitCode`.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable, machine-readable kind of mistake.
    public enum Code: String, Sendable, Equatable {
        /// An option or flag the command does not declare.
        case unknownOption = "unknown_option"
        /// An option at the end of the line, or followed by another option, with no value.
        case missingValue = "missing_value"
        /// A value attached to a flag, as in `--verbose=yes`.
        case unexpectedValue = "unexpected_value"
        /// A non-repeatable option given twice.
        case duplicateOption = "duplicate_option"
        /// A positional value the command has no room for.
        case unexpectedArgument = "unexpected_argument"
        /// A required positional argument that was not given.
        case missingArgument = "missing_argument"
        /// A required option that was not given.
        case missingOption = "missing_option"
        /// A value that does not have the required form, e.g. a port that is not a number.
        case invalidValue = "invalid_value"
        /// A subcommand name the tool does not have.
        case unknownCommand = "unknown_command"
    }

    /// What kind of mistake this is.
    public let code: Code
    /// The sentence explaining the mistake and, where possible, the fix; no `error:` prefix.
    public let message: String
    /// The command line that reaches the command's help, e.g. `claret-harness serve`.
    public let commandPath: String
    /// The one-line usage of the command, e.g. `claret-harness serve [--port <PORT>]`.
    public let usage: String

    /// Describes a mistake in the command line of the command at `commandPath`.
    public init(_ code: Code, _ message: String, commandPath: String, usage: String) {
        self.code = code
        self.message = message
        self.commandPath = commandPath
        self.usage = usage
    }

    /// The exit status for any usage error: `ExitCode.usage` (64, `EX_USAGE`).
    public var exitCode: ExitCode { .usage }

    /// The message with its `error:` prefix, as on the first line of `rendered()`.
    public var description: String { "error: \(message)" }

    /// The full report for standard error: the message, the usage line, and where to find help.
    ///
    /// ```
    /// error: unknown option '--prot'. Did you mean '--port'?
    /// Usage: claret-harness serve [--port <PORT>]
    /// Run 'claret-harness serve --help' for usage.
    /// ```
    /// Long lines are wrapped to 100 columns; there is no trailing newline.
    public func rendered() -> String {
        var lines = HelpLayout.wrap(message, prefix: "error: ", hangingIndent: "error: ".count)
        let path = usage.hasPrefix(commandPath) ? commandPath : ""
        let arguments = String(usage.dropFirst(path.count))
        lines += HelpLayout.usageLines(heading: "Usage: ", path: path, arguments: arguments)
        lines.append("Run '\(commandPath) --help' for usage.")
        return lines.joined(separator: "\n")
    }
}
