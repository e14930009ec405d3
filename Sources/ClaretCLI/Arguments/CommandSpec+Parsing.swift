extension CommandSpec {
    /// Parses the arguments that follow the command's name.
    ///
    /// Accepts `--name VALUE`, `--name=VALUE`, `-n VALUE`, `-nVALUE`, grouped short flags (`-ab`), and `--`
    /// to end options. `-h` or `--help` anywhere before `--` wins over any mistake in the rest of the line.
    ///
    /// - Throws: `HelpRequest` when help was asked for; `UsageError` when the line cannot be run as written.
    public func parse(_ arguments: [String]) throws -> ParsedArguments {
        switch try interpret(arguments, toolName: nil) {
        case .parsed(let parsed): return parsed
        case .helpRequested: throw HelpRequest(text: helpText())
        }
    }

    /// What a command line turned out to ask for.
    enum Interpretation: Equatable {
        /// A run with these arguments.
        case parsed(ParsedArguments)
        /// The command's help text instead of a run.
        case helpRequested
    }

    /// Parses `arguments` for this command invoked under `toolName`, which shapes error messages.
    func interpret(_ arguments: [String], toolName: String?) throws(UsageError) -> Interpretation {
        let beforeSeparator = arguments.prefix { $0 != "--" }
        if beforeSeparator.contains(where: { $0 == "-h" || $0 == "--help" }) { return .helpRequested }
        var parser = CommandLineParser(command: self, toolName: toolName)
        return try parser.parse(arguments)
    }
}

/// One pass over a command line for one command; holds the values collected so far.
private struct CommandLineParser {
    let command: CommandSpec
    let toolName: String?
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var positionalValues: [String] = []

    init(command: CommandSpec, toolName: String?) {
        self.command = command
        self.toolName = toolName
    }

    mutating func parse(_ arguments: [String]) throws(UsageError) -> CommandSpec.Interpretation {
        var remaining = arguments[...]
        while let word = remaining.popFirst() {
            if word == "--" {
                positionalValues += remaining
                break
            }
            if !CommandLineWord.isOption(word) {
                positionalValues.append(word)
            } else if word.hasPrefix("--") {
                try parseLongOption(word, remaining: &remaining)
            } else if try parseShortOptions(word, remaining: &remaining) == .helpRequested {
                return .helpRequested
            }
        }
        try assignPositionalValues()
        try checkRequiredOptions()
        let parsed = ParsedArguments(
            command: command, commandPath: command.commandPath(toolName: toolName), givenValues: values,
            givenFlags: flags)
        return .parsed(parsed)
    }

    /// `--name`, `--name VALUE` or `--name=VALUE`.
    private mutating func parseLongOption(_ word: String, remaining: inout ArraySlice<String>) throws(UsageError) {
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        guard let argument = command.namedArguments.first(where: { $0.name == name }) else {
            throw unknownOption("--\(name)")
        }
        switch argument.kind {
        case .flag:
            if let attached {
                throw error(.unexpectedValue, "--\(name) takes no value; remove '=\(attached)'.")
            }
            flags.insert(argument.name)
        case .option:
            if let attached {
                try record(attached, for: argument)
            } else {
                try record(takeValue(for: argument, writtenAs: "--\(name)", from: &remaining), for: argument)
            }
        case .positional:
            break  // namedArguments holds no positionals
        }
    }

    /// `-a`, grouped flags `-abc`, and a short option last in a group taking `-pVALUE`, `-p=VALUE` or `-p VALUE`.
    private mutating func parseShortOptions(
        _ word: String, remaining: inout ArraySlice<String>
    ) throws(UsageError) -> CommandSpec.Interpretation? {
        let letters = word.dropFirst()
        let longName = letters.prefix { $0 != "=" }
        if longName.count > 1, command.namedArguments.contains(where: { $0.name == longName }) {
            // `-port` means `--port` far more often than `-p ort`; say so rather than guess.
            throw error(.unknownOption, "unknown option '-\(longName)'. Did you mean '--\(longName)'?")
        }
        var index = letters.startIndex
        while index < letters.endIndex {
            let letter = letters[index]
            index = letters.index(after: index)
            guard let argument = command.namedArguments.first(where: { $0.shortName == letter }) else {
                throw unknownShortOption(letter, in: word)
            }
            if argument == .helpFlag { return .helpRequested }
            if argument.kind == .flag {
                flags.insert(argument.name)
                continue
            }
            var attached = letters[index...]
            if attached.first == "=" { attached = attached.dropFirst() }
            if attached.isEmpty {
                try record(takeValue(for: argument, writtenAs: "-\(letter)", from: &remaining), for: argument)
            } else {
                try record(String(attached), for: argument)
            }
            return nil
        }
        return nil
    }

    /// The next word as the option's value, unless there is none or it is itself an option.
    private func takeValue(
        for argument: ArgumentSpec, writtenAs spelling: String, from remaining: inout ArraySlice<String>
    ) throws(UsageError) -> String {
        guard let next = remaining.first, !CommandLineWord.isOption(next), next != "--" else {
            var message = "\(spelling) needs a value."
            if let next = remaining.first, next != "--", !isDeclaredOption(next) {
                message += " To give a value that starts with '-', write '--\(argument.name)=\(next)'."
            }
            throw error(.missingValue, message)
        }
        remaining.removeFirst()
        return next
    }

    /// Whether `word` names one of the command's options or flags, e.g. `--port`, `--port=1` or `-p`.
    private func isDeclaredOption(_ word: String) -> Bool {
        if word.hasPrefix("--") {
            let name = word.dropFirst(2).prefix { $0 != "=" }
            return command.namedArguments.contains { $0.name == name }
        }
        return command.namedArguments.contains { $0.shortName != nil && $0.shortName == word.dropFirst().first }
    }

    private mutating func record(_ value: String, for argument: ArgumentSpec) throws(UsageError) {
        if !argument.isRepeatable, let earlier = values[argument.name]?.first {
            throw error(
                .duplicateOption,
                "\(argument.displayName) was given twice ('\(earlier)' and '\(value)'); give it once.")
        }
        values[argument.name, default: []].append(value)
    }

    /// Hands positional values out in declaration order; a repeatable positional (always last) takes the rest.
    private mutating func assignPositionalValues() throws(UsageError) {
        var pending = positionalValues[...]
        for argument in command.positionalArguments {
            if argument.isRepeatable {
                if !pending.isEmpty { values[argument.name] = Array(pending) }
                pending = []
            } else if let value = pending.popFirst() {
                values[argument.name] = [value]
            }
            if argument.isRequired && values[argument.name] == nil {
                throw error(.missingArgument, "missing required argument '\(argument.placeholder)'.")
            }
        }
        if let extra = pending.first {
            throw error(.unexpectedArgument, "unexpected argument '\(extra)'.")
        }
    }

    private func checkRequiredOptions() throws(UsageError) {
        for argument in command.arguments where argument.kind == .option && argument.isRequired {
            if values[argument.name] == nil {
                throw error(
                    .missingOption, "missing required option '\(argument.displayName) \(argument.placeholder)'.")
            }
        }
    }

    private func unknownOption(_ spelling: String) -> UsageError {
        let names = command.namedArguments.map(\.name)
        guard let suggestion = NameSuggester.suggestion(for: String(spelling.drop { $0 == "-" }), among: names)
        else {
            return error(.unknownOption, "unknown option '\(spelling)'.")
        }
        return error(.unknownOption, "unknown option '\(spelling)'. Did you mean '--\(suggestion)'?")
    }

    /// An unknown letter: named alone (`-x`) or within its group (`-vx`); but a word that resembles a long
    /// name (`-verbos`) or starts with the unknown letter (`-xyz`) is more likely a mistyped long option than
    /// a group, so it is named whole.
    private func unknownShortOption(_ letter: Character, in word: String) -> UsageError {
        let written = String(word.prefix { $0 != "=" })
        if written.count <= 2 {
            return error(.unknownOption, "unknown option '-\(letter)'.")
        }
        let names = command.namedArguments.map(\.name)
        if written.dropFirst().first == letter
            || NameSuggester.suggestion(for: String(written.dropFirst()), among: names) != nil
        {
            return unknownOption(written)
        }
        return error(.unknownOption, "unknown option '-\(letter)' in '\(written)'.")
    }

    private func error(_ code: UsageError.Code, _ message: String) -> UsageError {
        UsageError(
            code, message, commandPath: command.commandPath(toolName: toolName),
            usage: command.usageLine(toolName: toolName))
    }
}
