import Testing

@testable import ClaretCLI

@Suite("Checking command descriptions")
struct CommandSpecProblemsTests {
    @Test("the fixture tool and its commands are sound")
    func soundDescriptions() {
        #expect(ArgumentFixtures.tool.problems == [])
        #expect(ArgumentFixtures.serve.problems == [])
    }

    @Test("names that cannot be typed as one word are reported")
    func badNames() {
        let command = CommandSpec(
            name: "-x", abstract: "A.", arguments: [.flag("two words", help: ""), .option("a=b", value: "V", help: "")])
        #expect(
            command.problems == [
                "command name '-x' must be one word that does not start with '-'.",
                "argument name 'two words' must be one word without '=' or a leading '-'.",
                "argument name 'a=b' must be one word without '=' or a leading '-'.",
            ])
    }

    @Test("an empty or multi-line abstract is reported")
    func badAbstract() {
        #expect(CommandSpec(name: "a", abstract: "").problems == ["the abstract of 'a' must be one non-empty line."])
        #expect(CommandSpec(name: "a", abstract: "x\ny").problems.count == 1)
    }

    @Test("duplicate and reserved names are reported")
    func duplicateNames() {
        let command = CommandSpec(
            name: "a", abstract: "A.",
            arguments: [
                .flag("x", short: "x", help: ""), .flag("x", help: ""), .flag("y", short: "x", help: ""),
                .flag("help", help: ""), .flag("z", short: "h", help: ""), .flag("w", short: "1", help: ""),
            ])
        #expect(
            command.problems == [
                "the name 'x' is declared twice.",
                "the short name '-x' is declared twice.",
                "'--help' is built in; do not declare it.",
                "'-h' is built in for --help; --z cannot use it.",
                "the short name '-1' of --w must be a letter.",
            ])
    }

    @Test("missing value names and required options with defaults are reported")
    func valueProblems() {
        let command = CommandSpec(
            name: "a", abstract: "A.",
            arguments: [
                .option("o", value: "", help: ""), .option("r", value: "R", help: "", default: "1", required: true),
                .positional("p", value: "", help: ""),
            ])
        #expect(
            command.problems == [
                "--o needs a value name.",
                "--r is required yet has a default; drop one or the other.",
                "'p' needs a value name.",
            ])
    }

    @Test("positionals that cannot be handed out left to right are reported")
    func positionalOrder() {
        let command = CommandSpec(
            name: "a", abstract: "A.",
            arguments: [
                .positional("rest", value: "REST", help: "", repeatable: true, optional: true),
                .positional("last", value: "LAST", help: ""),
            ])
        #expect(
            command.problems == [
                "the repeatable positional <REST> must be the last positional.",
                "the required positional <LAST> must come before optional ones.",
            ])
    }

    @Test("an example too long for the help text is reported")
    func longExample() {
        let command = CommandSpec(name: "a", abstract: "A.", examples: [String(repeating: "x", count: 99)])
        #expect(
            command.problems == [
                "example '\(String(repeating: "x", count: 99))' is longer than 98 columns and would overflow the help."
            ])
    }

    @Test("a tool reports its own problems and its commands', prefixed by command name")
    func toolProblems() {
        let tool = ToolSpec(
            name: "t", version: "", abstract: "T.",
            commands: [
                CommandSpec(name: "a", abstract: "A."), CommandSpec(name: "a", abstract: ""),
                CommandSpec(name: "help", abstract: "H."),
            ])
        #expect(
            tool.problems == [
                "the version must not be empty.",
                "the command 'a' is declared twice.",
                "a: the abstract of 'a' must be one non-empty line.",
                "'help' is a built-in command; do not declare it.",
            ])
    }
}
