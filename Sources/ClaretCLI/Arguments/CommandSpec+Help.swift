extension CommandSpec {
    /// The command's help text: OVERVIEW, discussion, USAGE, ARGUMENTS, OPTIONS and EXAMPLES.
    ///
    /// Laid out for 100 columns with aligned descriptions and defaults shown; empty sections are left out.
    /// There is no trailing newline. Pass the tool's name to show the full invocation in USAGE.
    public func helpText(toolName: String? = nil) -> String {
        let positionalRows = positionalArguments.map { (label: $0.helpLabel, description: $0.helpDescription) }
        let optionRows = namedArguments.map { (label: $0.helpLabel, description: $0.helpDescription) }
        let column = HelpLayout.descriptionColumn(forLabels: (positionalRows + optionRows).map(\.label))

        var sections: [[String]] = [HelpLayout.wrap(abstract, prefix: "OVERVIEW: ", hangingIndent: "OVERVIEW: ".count)]
        if !discussion.isEmpty { sections.append(HelpLayout.wrapProse(discussion)) }
        sections.append(
            HelpLayout.usageLines(heading: "USAGE: ", path: commandPath(toolName: toolName), arguments: usageArguments))
        if !positionalRows.isEmpty { sections.append(["ARGUMENTS:"] + HelpLayout.rows(positionalRows, column: column)) }
        sections.append(["OPTIONS:"] + HelpLayout.rows(optionRows, column: column))
        if !examples.isEmpty {
            let lines = examples.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            sections.append(["EXAMPLES:"] + lines.map { $0.isEmpty ? "" : "  \($0)" })
        }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// The one-line usage, e.g. `claret-harness serve [--port <PORT>] [<PATH> ...]`, unwrapped.
    public func usageLine(toolName: String? = nil) -> String {
        commandPath(toolName: toolName) + usageArguments
    }

    /// The arguments part of the usage line with a leading space, or empty: options and flags in declaration
    /// order, then positionals. `--help` is left out, as every command has it.
    var usageArguments: String {
        let named = arguments.filter { $0.kind != .positional }
        return (named + positionalArguments).map { " \($0.usageToken)" }.joined()
    }
}
