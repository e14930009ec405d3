import Testing

@testable import ClaretCLI

@Suite("Resolving a tool's command line")
struct ToolResolutionTests {
    let tool = ArgumentFixtures.tool
    let serveHelp = ArgumentFixtures.serve.helpText(toolName: "claret-harness")

    @Test("no arguments show the tool's help")
    func noArguments() throws {
        #expect(try tool.resolve([]) == .help(text: tool.helpText()))
    }

    @Test("'--help', '-h' and 'help' show the tool's help")
    func toolHelp() throws {
        for arguments in [["--help"], ["-h"], ["help"], ["--help", "--nonsense"]] {
            #expect(try tool.resolve(arguments) == .help(text: tool.helpText()), "for \(arguments)")
        }
    }

    @Test("'help CMD', '--help CMD', 'CMD --help' and 'CMD -h' show the command's help")
    func commandHelp() throws {
        for arguments in [["help", "serve"], ["--help", "serve"], ["serve", "--help"], ["serve", "--port", "-h"]] {
            #expect(try tool.resolve(arguments) == .help(text: serveHelp), "for \(arguments)")
        }
    }

    @Test("a command's help wins over mistakes in its arguments")
    func commandHelpWinsOverMistakes() throws {
        #expect(try tool.resolve(["serve", "--prot", "--help"]) == .help(text: serveHelp))
    }

    @Test("'help help' and 'help --help' describe the help command")
    func helpOnHelp() throws {
        let expected = tool.helpCommand.helpText(toolName: "claret-harness")
        #expect(try tool.resolve(["help", "help"]) == .help(text: expected))
        #expect(try tool.resolve(["help", "--help"]) == .help(text: expected))
    }

    @Test("'--version' gives the version")
    func version() throws {
        #expect(try tool.resolve(["--version"]) == .version("0.1.0"))
    }

    @Test("a command name selects the command and parses the rest of the line for it")
    func runCommand() throws {
        let invocation = try tool.resolve(["serve", "--port", "0", "--host=0.0.0.0", "a.json"])
        guard case .run(let command, let arguments) = invocation else {
            Issue.record("expected a run, got \(invocation)")
            return
        }
        #expect(command == ArgumentFixtures.serve)
        #expect(arguments.value("port") == "0")
        #expect(arguments.value("host") == "0.0.0.0")
        #expect(arguments.values("paths") == ["a.json"])
        #expect(arguments.commandPath == "claret-harness serve")
    }

    @Test("a command's usage error surfaces from the tool")
    func commandErrorSurfaces() throws {
        let error = try #require(throws: UsageError.self) { try tool.resolve(["run", "a.yaml"]) }
        #expect(error.code == .missingOption)
    }

    @Test("a validation error after parsing names the full invocation")
    func validationErrorNamesInvocation() throws {
        guard case .run(_, let arguments) = try tool.resolve(["serve", "--port", "http"]) else {
            Issue.record("expected a run")
            return
        }
        let error = try #require(throws: UsageError.self) { try arguments.int("port", range: 0...65535) }
        #expect(error.commandPath == "claret-harness serve")
        #expect(error.usage == ArgumentFixtures.serve.usageLine(toolName: "claret-harness"))
    }
}
