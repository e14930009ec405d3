/// A command-line tool made of subcommands, e.g. `claret-harness serve`, with built-in help and version.
///
/// ```swift
/// let tool = ToolSpec(name: "claret-harness", version: "0.1.0", abstract: "…", commands: [serve])
/// switch try tool.resolve(Array(CommandLine.arguments.dropFirst())) {
/// case .run(let command, let arguments): …
/// case .help(let text): console.line(text)
/// case .version(let version): console.line(version)
/// }
/// ```
public struct ToolSpec: Sendable, Equatable {
    /// The executable's name, as users type it.
    public let name: String
    /// The version printed by `--version`.
    public let version: String
    /// One line saying what the tool is for, atop the tool's help text.
    public let abstract: String
    /// Longer prose shown under the abstract; line breaks are kept and long lines are wrapped.
    public let discussion: String
    /// The subcommands, in the order help lists them; `help` is built in and comes last.
    public let commands: [CommandSpec]

    /// Describes a tool; check `problems` in a test to catch a malformed description early.
    public init(name: String, version: String, abstract: String, discussion: String = "", commands: [CommandSpec]) {
        self.name = name
        self.version = version
        self.abstract = abstract
        self.discussion = discussion
        self.commands = commands
    }

    /// Works out what a command line asks for.
    ///
    /// `arguments` excludes the program name: pass `Array(CommandLine.arguments.dropFirst())`. No arguments,
    /// `-h`, `--help` and `help` give the tool's help; `help CMD`, `--help CMD` and `CMD --help` give a
    /// command's help; `--version` gives the version.
    ///
    /// - Throws: `UsageError` for an unknown command or option, or any mistake in the command's arguments.
    public func resolve(_ arguments: [String]) throws(UsageError) -> Invocation {
        guard let first = arguments.first else { return .help(text: helpText()) }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "-h", "--help":
            return .help(text: rest.first.flatMap(helpText(forCommand:)) ?? helpText())
        case "--version":
            if let extra = rest.first { throw error(.unexpectedArgument, "unexpected argument '\(extra)'.") }
            return .version(version)
        case helpCommand.name:
            return .help(text: try resolveHelpTopic(rest))
        default:
            if CommandLineWord.isOption(first) { throw unknownOption(first) }
            guard let command = commands.first(where: { $0.name == first }) else {
                throw unknownCommand(first)
            }
            switch try command.interpret(rest, toolName: name) {
            case .parsed(let parsed): return .run(command: command, arguments: parsed)
            case .helpRequested: return .help(text: command.helpText(toolName: name))
            }
        }
    }

    /// The tool's one-line usage, `NAME <COMMAND> [<ARGUMENTS> ...]`.
    public var usageLine: String {
        "\(name) <COMMAND> [<ARGUMENTS> ...]"
    }

    /// The built-in `help` command, listed with the others.
    var helpCommand: CommandSpec {
        CommandSpec(
            name: "help", abstract: "Show help for a command.",
            arguments: [
                .positional("command", value: "COMMAND", help: "The command to describe.", optional: true)
            ],
            examples: commands.first.map { ["\(name) help \($0.name)"] } ?? [])
    }

    /// The commands users can name, the built-in `help` last.
    var allCommands: [CommandSpec] {
        commands + [helpCommand]
    }

    /// The help text for the command called `name`, or `nil` if there is none.
    func helpText(forCommand name: String) -> String? {
        allCommands.first { $0.name == name }?.helpText(toolName: self.name)
    }

    /// The help text `help [COMMAND]` asks for.
    private func resolveHelpTopic(_ arguments: [String]) throws(UsageError) -> String {
        switch try helpCommand.interpret(arguments, toolName: name) {
        case .helpRequested:
            return helpCommand.helpText(toolName: name)
        case .parsed(let parsed):
            guard let topic = parsed.value("command") else { return helpText() }
            guard let text = helpText(forCommand: topic) else { throw unknownCommand(topic) }
            return text
        }
    }

    private func unknownCommand(_ typed: String) -> UsageError {
        let names = allCommands.map(\.name)
        if let suggestion = NameSuggester.suggestion(for: typed, among: names) {
            return error(.unknownCommand, "unknown command '\(typed)'. Did you mean '\(suggestion)'?")
        }
        return error(
            .unknownCommand, "unknown command '\(typed)'. Choose one of: \(names.joined(separator: ", ")).")
    }

    /// An option before any command: a typo of `--help` or `--version`, or a command's option given too early.
    private func unknownOption(_ word: String) -> UsageError {
        let typed = String(word.drop { $0 == "-" }.prefix { $0 != "=" })
        let spelling = word.hasPrefix("--") ? "--\(typed)" : word
        if let suggestion = NameSuggester.suggestion(for: typed, among: ["help", "version"]) {
            return error(.unknownOption, "unknown option '\(spelling)'. Did you mean '--\(suggestion)'?")
        }
        let owner = commands.first { command in
            command.arguments.contains { $0.kind != .positional && "--\($0.name)" == spelling }
        }
        if let owner {
            return error(
                .unknownOption,
                "unknown option '\(spelling)'. Options go after the command name: '\(name) \(owner.name) \(spelling)'.")
        }
        return error(.unknownOption, "unknown option '\(spelling)'.")
    }

    private func error(_ code: UsageError.Code, _ message: String) -> UsageError {
        UsageError(code, message, commandPath: name, usage: usageLine)
    }
}
