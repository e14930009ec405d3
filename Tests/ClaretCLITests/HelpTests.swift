import Testing

@testable import ClaretCLI

@Suite("claret-harness help text")
struct HelpTests {
    @Test("the tool's help lists every command with its one-line summary")
    func toolHelp() {
        #expect(
            CLI.tool.helpText() == """
                OVERVIEW: A contract harness for Claret's inventory API: a mock server, a scenario runner, a
                          reporter.

                'serve' runs a mock Claret tenant: point your client's base URL at it and it answers like Claret
                (token auth, JSON and CSV inventory import, job status, batch delete) on the same paths.
                'run' replays scenario files against the mock or a real tenant and checks every answer;
                'compare' and 'run --against' report how two runs differ; 'reproduce' turns a recorded run
                into a scenario.

                USAGE: claret-harness <COMMAND> [<ARGUMENTS> ...]

                COMMANDS:
                  serve          Run the mock Claret server.
                  run            Replay scenario files against the mock or a real Claret tenant.
                  compare        Compare two recorded runs (transcripts or folders of them).
                  reproduce      Turn a recorded run into a scenario that replays it against the mock.
                  profile        Print the behaviour profile: every assumed status, message and setting.
                  help           Show help for a command.

                OPTIONS:
                      --version  Show the version.
                  -h, --help     Show help information.

                See 'claret-harness help <COMMAND>' for help on a command.
                """)
    }

    @Test("no command spec has a problem: names unique, examples fit, positionals in order")
    func specsAreWellFormed() {
        #expect(CLI.tool.problems == [])
        for command in CLI.tool.commands {
            #expect(command.problems == [], "\(command.name)")
        }
    }

    @Test("every command has help, and asking for it exits 0")
    func everyCommandHasHelp() {
        for command in CLI.tool.commands {
            let output = CapturedOutput()
            #expect(CLI.run([command.name, "--help"], console: output.console) == .success, "\(command.name)")
            #expect(output.stdout == command.helpText(toolName: "claret-harness") + "\n")
            #expect(output.stdout.contains("USAGE: claret-harness \(command.name)"))
            #expect(output.stderr == "")
        }
    }
}
