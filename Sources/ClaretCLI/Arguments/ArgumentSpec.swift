/// One option, flag or positional argument that a command accepts.
///
/// Build these with the `option`, `flag` and `positional` factories rather than the memberwise shape, so a
/// command's argument list reads like its help text.
public struct ArgumentSpec: Sendable, Equatable {
    /// The shape an argument takes on the command line.
    public enum Kind: Sendable, Equatable {
        /// `--name VALUE` or `--name=VALUE`, optionally `-n VALUE`.
        case option
        /// `--name` on its own: present or absent.
        case flag
        /// A bare value matched by its position.
        case positional
    }

    /// Whether this is an option, a flag or a positional argument.
    public let kind: Kind
    /// The long name without dashes (`port` for `--port`); for a positional, the key it is read back by.
    public let name: String
    /// The single-letter alias (`p` for `-p`), if any.
    public let shortName: Character?
    /// The placeholder shown for the value in help and usage (`PORT` renders as `<PORT>`); empty for flags.
    public let valueName: String
    /// One sentence describing the argument, shown in the help text.
    public let help: String
    /// The value used when the argument is not given, shown in the help text.
    public let defaultValue: String?
    /// Whether the argument may be given more than once, collecting every value.
    public let isRepeatable: Bool
    /// Whether parsing fails when the argument is absent.
    public let isRequired: Bool

    /// An option that takes a value: `--name VALUE` or `--name=VALUE`.
    ///
    /// An option without a default and not `required` is simply absent when not given.
    public static func option(
        _ name: String, short: Character? = nil, value: String, help: String, default defaultValue: String? = nil,
        repeatable: Bool = false, required: Bool = false
    ) -> ArgumentSpec {
        ArgumentSpec(
            kind: .option, name: name, shortName: short, valueName: value, help: help, defaultValue: defaultValue,
            isRepeatable: repeatable, isRequired: required)
    }

    /// A flag that takes no value: `--name`, true when present.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentSpec {
        ArgumentSpec(
            kind: .flag, name: name, shortName: short, valueName: "", help: help, defaultValue: nil,
            isRepeatable: false, isRequired: false)
    }

    /// A positional argument, read back by `name`; required unless `optional`, and a `repeatable` one takes
    /// every remaining value.
    public static func positional(
        _ name: String, value: String, help: String, repeatable: Bool = false, optional: Bool = false
    ) -> ArgumentSpec {
        ArgumentSpec(
            kind: .positional, name: name, shortName: nil, valueName: value, help: help, defaultValue: nil,
            isRepeatable: repeatable, isRequired: !optional)
    }

    /// How messages refer to the argument: `--port` for options and flags, `<PATH>` for positionals.
    public var displayName: String {
        kind == .positional ? placeholder : "--\(name)"
    }

    /// The value placeholder in angle brackets, e.g. `<PORT>`.
    var placeholder: String { "<\(valueName)>" }

    /// The argument as written in a usage line, e.g. `[--var <KEY=VALUE> ...]` or `<PATH>`.
    var usageToken: String {
        var token: String
        switch kind {
        case .option: token = "--\(name) \(placeholder)"
        case .flag: token = "--\(name)"
        case .positional: token = placeholder
        }
        if isRepeatable { token += " ..." }
        return isRequired ? token : "[\(token)]"
    }

    /// The left column of the argument's help row, e.g. `-p, --port <PORT>`; long-only names are indented
    /// so that long names line up under those with a short alias.
    var helpLabel: String {
        switch kind {
        case .positional:
            return placeholder
        case .flag, .option:
            let alias = shortName.map { "-\($0), " } ?? "    "
            return kind == .option ? "\(alias)--\(name) \(placeholder)" : "\(alias)--\(name)"
        }
    }

    /// The right column of the argument's help row: the help sentence and any default.
    var helpDescription: String {
        guard let defaultValue else { return help }
        return help.isEmpty ? "(default: \(defaultValue))" : "\(help) (default: \(defaultValue))"
    }

    /// The built-in `-h`/`--help` flag every command accepts.
    static let helpFlag = ArgumentSpec.flag("help", short: "h", help: "Show help information.")
}
