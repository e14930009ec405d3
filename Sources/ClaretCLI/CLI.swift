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
    public static func run(_ arguments: [String]) -> ExitCode { run(arguments, console: .standard) }

    /// Runs the tool with `arguments`, writing what it prints to `console`.
    static func run(_ arguments: [String], console: Console) -> ExitCode {
        let invocation: Invocation
        do {
            invocation = try tool.resolve(arguments)
        } catch {
            console.error(error.rendered())
            return error.exitCode
        }
        switch invocation {
        case .help(let text):
            console.line(text)
            return .success
        case .version(let version):
            console.line(version)
            return .success
        case .run(let command, let parsed):
            do {
                switch command.name {
                case ServeCommand.spec.name: return try ServeCommand(parsed, console: console).run()
                case ProfileCommand.spec.name: return try ProfileCommand(parsed, console: console).run()
                case RunCommand.spec.name: return try RunCommand(parsed, console: console).run()
                case CompareCommand.spec.name: return try CompareCommand(parsed, console: console).run()
                case ReproduceCommand.spec.name: return try ReproduceCommand(parsed, console: console).run()
                default:
                    console.error("error: the command '\(command.name)' is declared but has no implementation")
                    return .software
                }
            } catch let error as UsageError {
                console.error(error.rendered())
                return error.exitCode
            } catch let error as CommandFailure {
                console.error("error: \(error.message)")
                return error.exitCode
            } catch {
                console.error("error: \(error)")
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

/// Where a command's messages go: standard output and error for the tool, buffers in tests. Commands
/// never write to the process's streams directly, so a test can run the CLI in-process beside other tests
/// and read exactly what that run printed.
struct Console: Sendable {
    /// Receives each piece of standard output, newlines included.
    let out: @Sendable (String) -> Void
    /// Receives each piece of standard error, newlines included.
    let err: @Sendable (String) -> Void
    /// Whether output may carry colour codes.
    let colour: Bool

    /// The process's standard output and error; colour when standard output is a terminal and NO_COLOR is
    /// unset (https://no-color.org). A stream that cannot be written (closed, or a full disk) loses the text
    /// instead of crashing the tool, as `print` would.
    static let standard = Console(
        out: { try? FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) },
        err: { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) },
        colour: ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1)

    /// Writes a line to standard output at once (a parent process may be waiting for it).
    func line(_ text: String) { out(text + "\n") }

    /// Writes `text` to standard output as it is.
    func text(_ text: String) { out(text) }

    /// Writes a line to standard error.
    func error(_ text: String) { err(text + "\n") }

    /// Writes `text` to the file at `path`, or fails with exit 73 naming `what` was being written.
    static func write(_ text: String, to path: String, what: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(
                "cannot write \(what) '\(path)': \(error.localizedDescription)", exitCode: .cannotCreate)
        }
    }
}
