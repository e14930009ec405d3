import Testing

@testable import ClaretCLI

@Suite("Help text")
struct HelpTextTests {
    @Test("a command's help has every section, with aligned columns and defaults")
    func fullCommandHelp() {
        #expect(
            ArgumentFixtures.serve.helpText(toolName: "claret-harness") == """
                OVERVIEW: Run the mock Claret server.

                Starts an HTTP server that answers like the Claret API, backed by a local SQLite database. It runs
                until interrupted.

                Writes are refused unless --allow-writes is given:
                  - POST, PUT and DELETE answer 403 in read-only mode, with Claret's own error body.

                USAGE: claret-harness serve [--host <HOST>] [--port <PORT>] [--var <KEY=VALUE> ...] [--allow-writes]
                                            [--verbose] [<PATH> ...]

                ARGUMENTS:
                  <PATH>                 Fixture files to load at start.

                OPTIONS:
                      --host <HOST>      Address to listen on. (default: 127.0.0.1)
                  -p, --port <PORT>      Port (0 picks a free one). (default: 8080)
                      --var <KEY=VALUE>  Set a template variable; give it once per variable.
                      --allow-writes     Accept POST, PUT and DELETE requests.
                  -v, --verbose          Log every request.
                  -h, --help             Show help information.

                EXAMPLES:
                  claret-harness serve --port 0
                  claret-harness serve --allow-writes fixtures/items.json
                """)
    }

    @Test("sections a command does not need are left out, and required arguments are unbracketed")
    func commandHelpWithoutDiscussionOrExamples() {
        #expect(
            ArgumentFixtures.run.helpText() == """
                OVERVIEW: Run a scenario against a target.

                USAGE: run --target <URL> [--timeout <SECONDS>] <SCENARIO> [<REPORT>]

                ARGUMENTS:
                  <SCENARIO>               The scenario file to run.
                  <REPORT>                 Where to write the report.

                OPTIONS:
                  -t, --target <URL>       Base URL of the API under test.
                      --timeout <SECONDS>  Give up on a request after this long. (default: 30)
                  -h, --help               Show help information.
                """)
    }

    @Test("a command with no arguments still lists --help")
    func minimalCommandHelp() {
        let command = CommandSpec(name: "doctor", abstract: "Check the environment.")
        #expect(
            command.helpText(toolName: "claret-harness") == """
                OVERVIEW: Check the environment.

                USAGE: claret-harness doctor

                OPTIONS:
                  -h, --help  Show help information.
                """)
    }

    @Test("long descriptions wrap under their column and very long labels put them on the next line")
    func wrappedRows() {
        let command = CommandSpec(
            name: "import", abstract: "Import records.",
            arguments: [
                .option(
                    "batch-size", short: "b", value: "COUNT",
                    help: "How many records go into one request; larger batches are faster but a failure "
                        + "rejects every record in the batch, so keep it small while a data set is new.",
                    default: "100"),
                .option(
                    "record-identifier-template", value: "TEMPLATE",
                    help: "How to build each record's identifier.", repeatable: true),
                .positional("file", value: "FILE", help: "The CSV file to import."),
            ])
        #expect(
            command.helpText() == """
                OVERVIEW: Import records.

                USAGE: import [--batch-size <COUNT>] [--record-identifier-template <TEMPLATE> ...] <FILE>

                ARGUMENTS:
                  <FILE>                    The CSV file to import.

                OPTIONS:
                  -b, --batch-size <COUNT>  How many records go into one request; larger batches are faster but a
                                            failure rejects every record in the batch, so keep it small while a data
                                            set is new. (default: 100)
                      --record-identifier-template <TEMPLATE>
                                            How to build each record's identifier.
                  -h, --help                Show help information.
                """)
    }

    @Test("a multi-line example keeps its lines, each indented")
    func multiLineExample() {
        let command = CommandSpec(
            name: "seed", abstract: "Seed the database.", examples: ["# Seed, then serve\nclaret-harness seed"])
        #expect(command.helpText().hasSuffix("EXAMPLES:\n  # Seed, then serve\n  claret-harness seed"))
    }

    @Test("the tool's help lists its commands, built-in help last, and its own options")
    func toolHelp() {
        #expect(
            ArgumentFixtures.tool.helpText() == """
                OVERVIEW: A mock of the Claret API and a scenario runner.

                USAGE: claret-harness <COMMAND> [<ARGUMENTS> ...]

                COMMANDS:
                  serve          Run the mock Claret server.
                  run            Run a scenario against a target.
                  help           Show help for a command.

                OPTIONS:
                      --version  Show the version.
                  -h, --help     Show help information.

                See 'claret-harness help <COMMAND>' for help on a command.
                """)
    }

    @Test("the tool's discussion appears under its overview")
    func toolHelpWithDiscussion() {
        let tool = ToolSpec(
            name: "t", version: "1", abstract: "A tool.", discussion: "It does things.", commands: [])
        #expect(tool.helpText().hasPrefix("OVERVIEW: A tool.\n\nIt does things.\n\nUSAGE: t <COMMAND>"))
    }

    @Test("the built-in help command has help of its own")
    func helpCommandHelp() {
        #expect(
            ArgumentFixtures.tool.helpCommand.helpText(toolName: "claret-harness") == """
                OVERVIEW: Show help for a command.

                USAGE: claret-harness help [<COMMAND>]

                ARGUMENTS:
                  <COMMAND>   The command to describe.

                OPTIONS:
                  -h, --help  Show help information.

                EXAMPLES:
                  claret-harness help serve
                """)
    }

    @Test("no help line is longer than 100 columns or ends in a space")
    func linesFitAndAreTrimmed() {
        let texts =
            [ArgumentFixtures.tool.helpText()]
            + ArgumentFixtures.tool.allCommands.map { $0.helpText(toolName: "claret-harness") }
        let lines = texts.flatMap { $0.split(separator: "\n") }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.count <= 100 && $0.last != " " })
    }
}
