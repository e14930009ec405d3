import ClaretReporting
import Foundation

/// `claret-harness reproduce TRANSCRIPT`: a scenario file that replays a recorded run against the mock.
struct ReproduceCommand {
    static let spec = CommandSpec(
        name: "reproduce", abstract: "Turn a recorded run into a scenario that replays it against the mock.",
        discussion: """
            Reads a transcript (from 'run --record', for example one recorded against a customer's tenant when a
            problem was reported) and writes a scenario whose steps send the same requests and expect the
            recorded answers. Tokens, job ids, timestamps and links are checked by shape and captured, so the
            scenario runs against any tenant. Run it with 'claret-harness run FILE': where the mock answers
            differently from the recording, the report shows exactly where.
            """,
        arguments: [
            .positional("transcript", value: "TRANSCRIPT", help: "A transcript file."),
            .option("output", short: "o", value: "FILE", help: "Write the scenario here instead of standard output."),
        ],
        examples: [
            "claret-harness reproduce transcripts/tenant/full-refresh.json -o scenarios/reported-issue.yaml"
        ])

    let arguments: ParsedArguments
    /// Where the command's messages go.
    let console: Console

    init(_ arguments: ParsedArguments, console: Console) {
        self.arguments = arguments
        self.console = console
    }

    func run() throws -> ExitCode {
        let path = arguments.value("transcript") ?? ""
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no such transcript: \(path)", exitCode: .noInput)
        }
        let recorded: RecordedScenario
        do {
            recorded = try TranscriptReader.read(path: path)
        } catch {
            throw CommandFailure("\(error)", exitCode: .dataError)
        }
        let text =
            "# yaml-language-server: $schema=../docs/scenario.schema.json\n"
            + ScenarioReproducer.scenarioText(for: recorded)
        guard let output = arguments.value("output") else {
            console.text(text)
            return .success
        }
        try Console.write(text, to: output, what: "the scenario")
        console.error("Scenario written to \(output); run it with: claret-harness run \(output)")
        return .success
    }
}
