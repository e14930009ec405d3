/// A command described as a value: its name, its documentation and the arguments it accepts.
///
/// ```swift
/// let serve = CommandSpec(
///     name: "serve", abstract: "Run the mock Claret server.",
///     arguments: [.option("port", short: "p", value: "PORT", help: "Port to listen on.", default: "8080")],
///     examples: ["claret-harness serve --port 0"])
/// let parsed = try serve.parse(["--port", "0"])
/// ```
public struct CommandSpec: Sendable, Equatable {
    /// The word that selects the command, e.g. `serve`.
    public let name: String
    /// One line saying what the command does, shown in the tool's command list and atop the help text.
    public let abstract: String
    /// Longer prose shown under the abstract; line breaks are kept and long lines are wrapped.
    public let discussion: String
    /// The options, flags and positional arguments, in the order help lists them.
    public let arguments: [ArgumentSpec]
    /// Complete command lines shown under EXAMPLES, verbatim.
    public let examples: [String]

    /// Describes a command; check `problems` in a test to catch a malformed description early.
    public init(
        name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        examples: [String] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.examples = examples
    }

    /// The options and flags, followed by the built-in `--help`.
    var namedArguments: [ArgumentSpec] {
        arguments.filter { $0.kind != .positional } + [.helpFlag]
    }

    /// The positional arguments in order.
    var positionalArguments: [ArgumentSpec] {
        arguments.filter { $0.kind == .positional }
    }

    /// The declared argument called `name`, if any.
    func argument(named name: String) -> ArgumentSpec? {
        arguments.first { $0.name == name }
    }

    /// How the command is invoked: `claret-harness serve` under a tool, or just `serve`.
    func commandPath(toolName: String?) -> String {
        toolName.map { "\($0) \(name)" } ?? name
    }
}
