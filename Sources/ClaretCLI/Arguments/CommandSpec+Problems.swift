extension CommandSpec {
    /// Mistakes in this description that would make parsing ambiguous or help text misleading; empty when
    /// the description is sound. Assert it is empty in a test of each command.
    public var problems: [String] {
        var problems: [String] = []
        if !CommandLineWord.isName(name) {
            problems.append("command name '\(name)' must be one word that does not start with '-'.")
        }
        if abstract.isEmpty || abstract.contains("\n") {
            problems.append("the abstract of '\(name)' must be one non-empty line.")
        }
        problems += argumentProblems + positionalOrderProblems
        let exampleWidth = HelpLayout.width - HelpLayout.rowIndent
        for line in examples.flatMap({ $0.split(separator: "\n") }) where line.count > exampleWidth {
            problems.append("example '\(line)' is longer than \(exampleWidth) columns and would overflow the help.")
        }
        return problems
    }

    private var argumentProblems: [String] {
        var problems: [String] = []
        var seenNames: Set<String> = [ArgumentSpec.helpFlag.name]
        var seenShortNames: Set<Character> = ArgumentSpec.helpFlag.shortName.map { [$0] } ?? []
        for argument in arguments {
            let shown = argument.displayName
            if !CommandLineWord.isName(argument.name) || argument.name.contains("=") {
                problems.append("argument name '\(argument.name)' must be one word without '=' or a leading '-'.")
            }
            if !seenNames.insert(argument.name).inserted {
                problems.append(
                    argument.name == ArgumentSpec.helpFlag.name
                        ? "'--help' is built in; do not declare it."
                        : "the name '\(argument.name)' is declared twice.")
            }
            if let short = argument.shortName {
                if !short.isLetter {
                    problems.append("the short name '-\(short)' of \(shown) must be a letter.")
                } else if !seenShortNames.insert(short).inserted {
                    problems.append(
                        short == ArgumentSpec.helpFlag.shortName
                            ? "'-h' is built in for --help; \(shown) cannot use it."
                            : "the short name '-\(short)' is declared twice.")
                }
            }
            if argument.kind != .flag && argument.valueName.isEmpty {
                problems.append("\(argument.kind == .option ? shown : "'\(argument.name)'") needs a value name.")
            }
            if argument.isRequired && argument.defaultValue != nil {
                problems.append("\(shown) is required yet has a default; drop one or the other.")
            }
        }
        return problems
    }

    /// Positionals are handed out left to right, so optional ones and a repeatable one must come last.
    private var positionalOrderProblems: [String] {
        var problems: [String] = []
        var sawOptional = false
        for (index, argument) in positionalArguments.enumerated() {
            if argument.isRepeatable && index < positionalArguments.count - 1 {
                problems.append("the repeatable positional \(argument.placeholder) must be the last positional.")
            }
            if argument.isRequired && sawOptional {
                problems.append("the required positional \(argument.placeholder) must come before optional ones.")
            }
            sawOptional = sawOptional || !argument.isRequired
        }
        return problems
    }
}
