import Testing

@testable import ClaretCLI

/// The usage error `arguments` cause for `command`, failing the test if parsing succeeds.
private func parseError(_ command: CommandSpec, _ arguments: [String]) throws -> UsageError {
    try #require(throws: UsageError.self) { try command.parse(arguments) }
}

/// The usage error `arguments` cause for the fixture tool, failing the test if they resolve.
private func resolveError(_ arguments: [String]) throws -> UsageError {
    try #require(throws: UsageError.self) { try ArgumentFixtures.tool.resolve(arguments) }
}

@Suite("Usage errors say what is wrong and how to fix it")
struct UsageErrorTests {
    let serve = ArgumentFixtures.serve
    let run = ArgumentFixtures.run

    @Test("an unknown option suggests the nearest one")
    func unknownOptionSuggestsNearest() throws {
        let error = try parseError(serve, ["--prot", "1"])
        #expect(error.code == .unknownOption)
        #expect(error.message == "unknown option '--prot'. Did you mean '--port'?")
    }

    @Test("an unknown option written with '=' is named without its value")
    func unknownOptionWithAttachedValue() throws {
        let error = try parseError(serve, ["--hots=0.0.0.0"])
        #expect(error.message == "unknown option '--hots'. Did you mean '--host'?")
    }

    @Test("an abbreviated option suggests the option it begins")
    func abbreviatedOption() throws {
        let error = try parseError(serve, ["--allow"])
        #expect(error.message == "unknown option '--allow'. Did you mean '--allow-writes'?")
    }

    @Test("an unknown option with nothing near it gets no suggestion")
    func unknownOptionWithoutSuggestion() throws {
        let error = try parseError(serve, ["--zzzzzz"])
        #expect(error.code == .unknownOption)
        #expect(error.message == "unknown option '--zzzzzz'.")
    }

    @Test("a long option written with one dash points to the two-dash spelling")
    func singleDashLongOption() throws {
        #expect(try parseError(serve, ["-port", "1"]).message == "unknown option '-port'. Did you mean '--port'?")
        #expect(try parseError(serve, ["-host=x"]).message == "unknown option '-host'. Did you mean '--host'?")
    }

    @Test("an unknown short option is named")
    func unknownShortOption() throws {
        let error = try parseError(serve, ["-x"])
        #expect(error.code == .unknownOption)
        #expect(error.message == "unknown option '-x'.")
    }

    @Test("an unknown letter inside a group of short flags is named with its group")
    func unknownShortOptionInGroup() throws {
        #expect(try parseError(serve, ["-vx"]).message == "unknown option '-x' in '-vx'.")
        #expect(try parseError(serve, ["-vx=1"]).message == "unknown option '-x' in '-vx'.")
    }

    @Test("an unknown word after one dash is named whole, with any suggestion")
    func unknownSingleDashWord() throws {
        #expect(try parseError(serve, ["-xyz=1"]).message == "unknown option '-xyz'.")
        #expect(try parseError(serve, ["-verbos"]).message == "unknown option '-verbos'. Did you mean '--verbose'?")
        #expect(try parseError(serve, ["-x=1"]).message == "unknown option '-x'.")
        #expect(
            try parseError(serve, ["-alow-writes"]).message
                == "unknown option '-alow-writes'. Did you mean '--allow-writes'?")
    }

    @Test("an option at the end of the line needs a value")
    func missingValueAtEnd() throws {
        let error = try parseError(serve, ["--port"])
        #expect(error.code == .missingValue)
        #expect(error.message == "--port needs a value.")
    }

    @Test("an option followed by another option needs a value")
    func missingValueBeforeOption() throws {
        #expect(try parseError(serve, ["--port", "--host", "x"]).message == "--port needs a value.")
        #expect(try parseError(serve, ["--port", "-v"]).message == "--port needs a value.")
    }

    @Test("an option followed by a dashed word that is no option explains how to pass it as the value")
    func missingValueBeforeDashedWord() throws {
        let error = try parseError(serve, ["--host", "-weird"])
        #expect(
            error.message
                == "--host needs a value. To give a value that starts with '-', write '--host=-weird'.")
    }

    @Test("an option followed by '--' needs a value")
    func missingValueBeforeDoubleDash() throws {
        #expect(try parseError(serve, ["--port", "--", "x"]).message == "--port needs a value.")
    }

    @Test("a short option is named as typed when its value is missing")
    func missingValueForShortOption() throws {
        #expect(try parseError(serve, ["-p"]).message == "-p needs a value.")
    }

    @Test("a flag given a value is refused")
    func flagWithValue() throws {
        let error = try parseError(serve, ["--allow-writes=yes"])
        #expect(error.code == .unexpectedValue)
        #expect(error.message == "--allow-writes takes no value; remove '=yes'.")
    }

    @Test("'--help' given a value is refused like any flag")
    func helpWithValue() throws {
        #expect(try parseError(serve, ["--help=me"]).message == "--help takes no value; remove '=me'.")
    }

    @Test("a single-value option given twice is refused, quoting both values")
    func duplicateOption() throws {
        let error = try parseError(serve, ["--port", "1", "-p", "2"])
        #expect(error.code == .duplicateOption)
        #expect(error.message == "--port was given twice ('1' and '2'); give it once.")
    }

    @Test("a positional the command has no room for is unexpected")
    func unexpectedArgument() throws {
        let error = try parseError(run, ["-t", "http://x", "a.yaml", "b.json", "x"])
        #expect(error.code == .unexpectedArgument)
        #expect(error.message == "unexpected argument 'x'.")
    }

    @Test("a required positional that is missing is named")
    func missingArgument() throws {
        let error = try parseError(run, ["-t", "http://x"])
        #expect(error.code == .missingArgument)
        #expect(error.message == "missing required argument '<SCENARIO>'.")
    }

    @Test("a required option that is missing is named with its value")
    func missingOption() throws {
        let error = try parseError(run, ["a.yaml"])
        #expect(error.code == .missingOption)
        #expect(error.message == "missing required option '--target <URL>'.")
    }

    @Test("an error from a command parsed on its own points to that command's help")
    func standaloneCommandContext() throws {
        let error = try parseError(serve, ["--prot"])
        #expect(error.commandPath == "serve")
        #expect(error.usage == serve.usageLine())
    }

    @Test("an error from a command under a tool points to the full invocation")
    func toolCommandContext() throws {
        let error = try resolveError(["serve", "--prot"])
        #expect(error.commandPath == "claret-harness serve")
        #expect(error.usage == serve.usageLine(toolName: "claret-harness"))
    }

    @Test("an unknown command suggests the nearest one")
    func unknownCommandSuggestsNearest() throws {
        let error = try resolveError(["srve"])
        #expect(error.code == .unknownCommand)
        #expect(error.message == "unknown command 'srve'. Did you mean 'serve'?")
        #expect(error.commandPath == "claret-harness")
    }

    @Test("an unknown command with nothing near it lists the commands")
    func unknownCommandListsCommands() throws {
        let error = try resolveError(["deploy"])
        #expect(error.message == "unknown command 'deploy'. Choose one of: serve, run, help.")
    }

    @Test("an unknown help topic is an unknown command")
    func unknownHelpTopic() throws {
        let error = try resolveError(["help", "rnu"])
        #expect(error.code == .unknownCommand)
        #expect(error.message == "unknown command 'rnu'. Did you mean 'run'?")
    }

    @Test("'help' describes one command at a time")
    func helpWithTwoTopics() throws {
        let error = try resolveError(["help", "serve", "run"])
        #expect(error.message == "unexpected argument 'run'.")
        #expect(error.commandPath == "claret-harness help")
    }

    @Test("a mistyped tool option suggests '--version' or '--help'")
    func mistypedToolOption() throws {
        #expect(try resolveError(["--verison"]).message == "unknown option '--verison'. Did you mean '--version'?")
        #expect(try resolveError(["--hlep"]).message == "unknown option '--hlep'. Did you mean '--help'?")
    }

    @Test("a command's option given before the command says where it goes")
    func commandOptionBeforeCommand() throws {
        let error = try resolveError(["--port=0", "serve"])
        #expect(
            error.message
                == "unknown option '--port'. Options go after the command name: 'claret-harness serve --port'.")
    }

    @Test("an option no command knows is simply unknown at the top level")
    func unknownToolOption() throws {
        let error = try resolveError(["-x"])
        #expect(error.code == .unknownOption)
        #expect(error.message == "unknown option '-x'.")
        #expect(error.usage == "claret-harness <COMMAND> [<ARGUMENTS> ...]")
    }

    @Test("'--version' takes nothing after it")
    func versionWithExtraArgument() throws {
        let error = try resolveError(["--version", "serve"])
        #expect(error.code == .unexpectedArgument)
        #expect(error.message == "unexpected argument 'serve'.")
    }

    @Test("every usage error exits with EX_USAGE")
    func exitCode() throws {
        #expect(try parseError(serve, ["--prot"]).exitCode == .usage)
        #expect(try resolveError(["srve"]).exitCode.rawValue == 64)
    }

    @Test("the description is the message with an 'error:' prefix")
    func description() throws {
        #expect(try parseError(serve, ["--port"]).description == "error: --port needs a value.")
    }

    @Test("the stderr report gives the error, the usage and where to find help")
    func renderedReport() throws {
        let error = try resolveError(["run", "--timeout", "5", "a.yaml"])
        #expect(
            error.rendered() == """
                error: missing required option '--target <URL>'.
                Usage: claret-harness run --target <URL> [--timeout <SECONDS>] <SCENARIO> [<REPORT>]
                Run 'claret-harness run --help' for usage.
                """)
    }

    @Test("the stderr report wraps a long usage line under the first argument")
    func renderedReportWithLongUsage() throws {
        let error = try resolveError(["serve", "--prot"])
        #expect(
            error.rendered() == """
                error: unknown option '--prot'. Did you mean '--port'?
                Usage: claret-harness serve [--host <HOST>] [--port <PORT>] [--var <KEY=VALUE> ...] [--allow-writes]
                                            [--verbose] [<PATH> ...]
                Run 'claret-harness serve --help' for usage.
                """)
    }

    @Test("the stderr report wraps a long message under its first word")
    func renderedReportWithLongMessage() {
        let message = Array(repeating: "word", count: 30).joined(separator: " ")
        let error = UsageError(.invalidValue, message, commandPath: "tool", usage: "tool <X>")
        #expect(
            error.rendered() == """
                error: word word word word word word word word word word word word word word word word word word
                       word word word word word word word word word word word word
                Usage: tool <X>
                Run 'tool --help' for usage.
                """)
    }

    @Test("a tool-level error points to the tool's help")
    func renderedToolReport() throws {
        #expect(
            try resolveError(["srve"]).rendered() == """
                error: unknown command 'srve'. Did you mean 'serve'?
                Usage: claret-harness <COMMAND> [<ARGUMENTS> ...]
                Run 'claret-harness --help' for usage.
                """)
    }
}
