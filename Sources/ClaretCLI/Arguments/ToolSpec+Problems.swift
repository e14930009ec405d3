extension ToolSpec {
    /// Mistakes in this description or any of its commands; empty when the tool is sound.
    public var problems: [String] {
        var problems: [String] = []
        if !CommandLineWord.isName(name) {
            problems.append("tool name '\(name)' must be one word that does not start with '-'.")
        }
        if version.isEmpty { problems.append("the version must not be empty.") }
        var seen: Set<String> = [helpCommand.name]
        for command in commands {
            if !seen.insert(command.name).inserted {
                problems.append(
                    command.name == helpCommand.name
                        ? "'help' is a built-in command; do not declare it."
                        : "the command '\(command.name)' is declared twice.")
            }
            problems += command.problems.map { "\(command.name): \($0)" }
        }
        return problems
    }
}
