extension ToolSpec {
    /// The tool's help text: OVERVIEW, discussion, USAGE, COMMANDS and OPTIONS, without a trailing newline.
    public func helpText() -> String {
        let commandRows = allCommands.map { (label: $0.name, description: $0.abstract) }
        let optionRows = [
            (label: "    --version", description: "Show the version."),
            (label: ArgumentSpec.helpFlag.helpLabel, description: ArgumentSpec.helpFlag.help),
        ]
        let column = HelpLayout.descriptionColumn(forLabels: (commandRows + optionRows).map(\.label))

        var sections: [[String]] = [HelpLayout.wrap(abstract, prefix: "OVERVIEW: ", hangingIndent: "OVERVIEW: ".count)]
        if !discussion.isEmpty { sections.append(HelpLayout.wrapProse(discussion)) }
        sections.append(
            HelpLayout.usageLines(heading: "USAGE: ", path: name, arguments: String(usageLine.dropFirst(name.count))))
        sections.append(["COMMANDS:"] + HelpLayout.rows(commandRows, column: column))
        sections.append(["OPTIONS:"] + HelpLayout.rows(optionRows, column: column))
        sections.append(["See '\(name) help <COMMAND>' for help on a command."])
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }
}
