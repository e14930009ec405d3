import ClaretReporting
import Foundation

/// `claret-harness compare A B`: how the answers recorded in B differ from those in A.
struct CompareCommand {
    static let spec = CommandSpec(
        name: "compare", abstract: "Compare two recorded runs (transcripts or folders of them).",
        discussion: """
            Aligns the two runs by scenario and step name and compares each step's status, content type,
            Location header and body: JSON structurally, CSV by rows and columns. A is what is expected, B what
            is actual. Volatile values (tokens, job ids, timestamps, tenant names, hosts) are normalized
            before comparing, and each normalization is listed in the report; --rules adds rules of your own.
            Differences listed in a --known file are shown with their reason but do not fail.

            Exit status: 0 when nothing but known differences was found, 1 when anything else differed, 65/66
            for an unreadable or invalid transcript, rules or known-differences file.
            """,
        arguments: [
            .positional("expected", value: "A", help: "The run taken as expected: a transcript or a folder."),
            .positional("actual", value: "B", help: "The run compared with it."),
            .option("labels", value: "A,B", help: "What to call the two sides in reports.", default: "expected,actual"),
            .option("rules", value: "FILE", help: "Normalization rules to add (see docs/reporting.md)."),
            .option("known", value: "FILE", help: "Known differences: shown with their reason, not failing."),
            .option("json", value: "FILE", help: "Write the report as JSON."),
            .option("junit", value: "FILE", help: "Write the report as JUnit XML, for CI."),
            .option("html", value: "FILE", help: "Write the report as one self-contained HTML file."),
        ],
        examples: [
            "claret-harness compare transcripts/mock transcripts/tenant --html parity.html",
            "claret-harness compare reported.json transcripts/mock --known known.json --labels customer,mock",
        ])

    let arguments: ParsedArguments
    /// Where the command's messages go.
    let console: Console

    init(_ arguments: ParsedArguments, console: Console) {
        self.arguments = arguments
        self.console = console
    }

    func run() throws -> ExitCode {
        let labels = (arguments.value("labels") ?? "expected,actual").split(separator: ",").map(String.init)
        guard labels.count == 2, labels.allSatisfy({ !$0.isEmpty }) else {
            throw CommandFailure("--labels takes two names separated by a comma, e.g. mock,tenant", exitCode: .usage)
        }
        let left = try Self.read(arguments.value("expected") ?? "")
        let right = try Self.read(arguments.value("actual") ?? "")
        let report = Comparator.compare(
            left: left, right: right, sides: (labels[0], labels[1]),
            normalizer: try Self.normalizer(arguments.value("rules")), known: try Self.known(arguments.value("known")),
            title: "claret-harness compare")
        console.line(ConsoleRenderer.render(report, colour: console.colour))
        try ReportOutputs(arguments).write(report, console: console)
        return report.isFailure ? .failure : .success
    }

    static func read(_ path: String) throws -> [RecordedScenario] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no such transcript or folder: \(path)", exitCode: .noInput)
        }
        do {
            let scenarios = try TranscriptReader.readAll(path: path)
            guard !scenarios.isEmpty else {
                throw CommandFailure(
                    "no transcript in \(path) (record one with 'run --record DIR')", exitCode: .noInput)
            }
            return scenarios
        } catch let error as TranscriptError {
            throw CommandFailure("\(error)", exitCode: .dataError)
        }
    }

    static func normalizer(_ path: String?) throws -> Normalizer {
        guard let path else { return .standard }
        do {
            return try Normalizer.load(path: path)
        } catch {
            throw CommandFailure(
                "\(error)", exitCode: FileManager.default.fileExists(atPath: path) ? .dataError : .noInput)
        }
    }

    static func known(_ path: String?) throws -> KnownDifferences {
        guard let path else { return KnownDifferences() }
        do {
            return try KnownDifferences.load(path: path)
        } catch {
            throw CommandFailure(
                "\(error)", exitCode: FileManager.default.fileExists(atPath: path) ? .dataError : .noInput)
        }
    }
}
