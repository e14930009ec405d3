import Foundation

/// The `claret-harness` command line: resolves argv to a command and runs it, exiting with a CI-friendly code.
public enum CLI {
    /// The tool's version.
    public static let version = "0.1.0"

    /// Every command, in the order help lists them.
    static let tool = ToolSpec(
        name: "claret-harness", version: version,
        abstract: "A contract harness for Claret's inventory API: a mock server, a scenario runner, a reporter.",
        discussion: """
            'serve' runs a mock Claret tenant: point your client's base URL at it and it answers like Claret
            (token auth, JSON and CSV inventory import, job status, batch delete) on the same paths.
            'run' replays scenario files against the mock or a real tenant and checks every answer;
            'compare' and 'run --against' report how two runs differ; 'reproduce' turns a recorded run
            into a scenario.
            """,
        commands: [ServeCommand.spec, RunCommand.spec, CompareCommand.spec, ReproduceCommand.spec, ProfileCommand.spec])

    /// Runs the tool with the process's arguments and exits.
    public static func main() -> Never {
        exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
    }

    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String]) -> ExitCode {
        let invocation: Invocation
        do {
            invocation = try tool.resolve(arguments)
        } catch {
            Console.error(error.rendered())
            return error.exitCode
        }
        switch invocation {
        case .help(let text):
            print(text)
            return .success
        case .version(let version):
            print(version)
            return .success
        case .run(let command, let parsed):
            do {
                switch command.name {
                case ServeCommand.spec.name: return try ServeCommand(parsed).run()
                case ProfileCommand.spec.name: return try ProfileCommand(parsed).run()
                case RunCommand.spec.name: return try RunCommand(parsed).run()
                case CompareCommand.spec.name: return try CompareCommand(parsed).run()
                case ReproduceCommand.spec.name: return try ReproduceCommand(parsed).run()
                default:
                    Console.error("error: the command '\(command.name)' is declared but has no implementation")
                    return .software
                }
            } catch let error as UsageError {
                Console.error(error.rendered())
                return error.exitCode
            } catch let error as CommandFailure {
                Console.error("error: \(error.message)")
                return error.exitCode
            } catch {
                Console.error("error: \(error)")
                return .failure
            }
        }
    }
}

/// A command's failure: the sentence for the user and the exit code.
struct CommandFailure: Error {
    let message: String
    let exitCode: ExitCode

    init(_ message: String, exitCode: ExitCode = .failure) {
        self.message = message
        self.exitCode = exitCode
    }
}

/// Writing to the terminal.
enum Console {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to the file at `path`, or fails with exit 73 naming `what` was being written.
    static func write(_ text: String, to path: String, what: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(
                "cannot write \(what) '\(path)': \(error.localizedDescription)", exitCode: .cannotCreate)
        }
    }

    /// Writes a line to standard output and flushes it at once (a parent process may be waiting for it).
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
