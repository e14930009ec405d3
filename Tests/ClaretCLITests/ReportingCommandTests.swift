// ClaretReporting and YAMLReader are reached through ClaretCLI's and ClaretScenarios' own dependencies; the
// writer of reproduced scenarios is internal to ClaretReporting, hence its @testable import.
import ClaretModel
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation
import Testing
import XMLTestSupport
import YAMLReader

@testable import ClaretCLI
@testable import ClaretReporting

@Suite("the reporter as a user runs it: parity runs, compare and reproduce", .serialized)
struct ReportingCommandTests {
    // MARK: - Parity runs

    @Test(
        "a parity run against a mock that words one answer differently reports that difference alone, in every format")
    func parityFindsTheOneDifference() async throws {
        let folder = try TemporaryFolder()
        let mock = try ProfiledMock(Parity.changedProfile())
        defer { mock.stop() }
        let files = ReportFiles(in: folder)

        let run = await CapturedRun.run(
            [
                "run", Parity.bundled("full-refresh-json.yaml"), "--target", "mock", "--against", mock.baseURL,
                "--allow-writes",
            ] + files.arguments)
        #expect(run.code == .failure, "\(run.stdout)\(run.stderr)")
        for path in [files.json, files.junit, files.html] {
            #expect(run.stdout.contains("Report written to \(path)\n"))
        }

        // JSON: one finding in the whole report, the message of the delete step, with both values.
        let report = try ReportDocument(path: files.json)
        #expect(report.json["format"] == "claret-harness-report")
        #expect(report.json["sides"] == ["mock", .string(mock.label)])
        #expect(report.findings.count == 1, "\(report.findings.map { $0.finding.serialized() })")
        let only = try #require(report.findings.first)
        #expect(only.step == "delete everything")
        #expect(only.finding["path"] == "$.message")
        #expect(only.finding["code"] == "value_changed")
        #expect(only.finding["expected"] == .string(Parity.standardText))
        #expect(only.finding["actual"] == .string(Parity.changedText))
        #expect(only.finding["known_reason"] == .null)
        let message = try #require(only.finding["message"]?.string)
        #expect(message == Parity.difference("mock", mock.label))
        #expect(report.outcomes.filter { $0.value != "passed" } == ["delete everything": "failed"])
        #expect(report.json["summary"]?["failed"] == 1)
        #expect(report.json["summary"]?["failing"] == true)

        // JUnit: well-formed, one failure carrying the same sentence and kind, no errors.
        let junit = try XMLTree.parse(path: files.junit)
        #expect(junit.name == "testsuites")
        #expect(junit.attributes["failures"] == "1")
        #expect(junit.attributes["errors"] == "0")
        #expect(junit.attributes["tests"] == String(report.cases.count))
        let failures = junit.all(named: "failure")
        #expect(failures.map { $0.attributes["message"] } == [message])
        #expect(failures.map { $0.attributes["type"] } == ["value_changed"])
        #expect(failures.first?.text.contains("\(message) [value_changed]") == true)
        #expect(junit.all(named: "error").isEmpty)

        // HTML: both values, escaped; the changed message's markup never appears raw.
        let html = try String(contentsOfFile: files.html, encoding: .utf8)
        #expect(html.contains(Parity.htmlEscaped(Parity.standardText)))
        #expect(html.contains(Parity.htmlEscaped(Parity.changedText)))
        #expect(html.contains("<code>$.message</code>"))
        #expect(!html.contains("<deleted>"))

        // Console: the comparison lists that one finding, naming both values.
        #expect(run.stdout.contains("mock vs \(mock.label)"))
        #expect(Parity.consoleFindings(run.stdout) == ["  - \(message) [value_changed]"])
    }

    @Test("a parity run between two mocks with the same profile exits 0 without a finding")
    func parityOfEqualMocksPasses() async throws {
        let folder = try TemporaryFolder()
        let mock = try ProfiledMock()
        defer { mock.stop() }
        let files = ReportFiles(in: folder)

        let run = await CapturedRun.run(
            ["run", Parity.bundled("full-refresh-json.yaml"), "--against", mock.baseURL, "--allow-writes"]
                + files.arguments)
        #expect(run.code == .success, "\(run.stdout)\(run.stderr)")
        let report = try ReportDocument(path: files.json)
        #expect(!report.cases.isEmpty)
        #expect(report.findings.isEmpty, "\(report.findings.map { $0.finding.serialized() })")
        #expect(report.outcomes.values.allSatisfy { $0 == "passed" }, "\(report.outcomes)")
        #expect(report.json["summary"]?["failing"] == false)
        let junit = try XMLTree.parse(path: files.junit)
        #expect(junit.attributes["failures"] == "0")
        #expect(junit.all(named: "failure").isEmpty)
        #expect(Parity.consoleFindings(run.stdout).isEmpty)
        #expect(run.stdout.contains("\(report.cases.count) passed, 0 failed\n"))
    }

    @Test("a --known file listing the differing path makes the parity run pass, the difference shown as known")
    func knownDifferencePasses() async throws {
        let folder = try TemporaryFolder()
        let mock = try ProfiledMock(Parity.changedProfile())
        defer { mock.stop() }
        let reason = "the tenant words its delete answer differently"
        let known = try folder.write(
            "known.json",
            #"{"known": [{"path": "$.message", "kind": "value_changed", "reason": "\#(reason)"}]}"#)
        let files = ReportFiles(in: folder)

        let run = await CapturedRun.run(
            [
                "run", Parity.bundled("full-refresh-json.yaml"), "--against", mock.baseURL, "--allow-writes", "--known",
                known,
            ] + files.arguments)
        #expect(run.code == .success, "\(run.stdout)\(run.stderr)")

        let report = try ReportDocument(path: files.json)
        #expect(report.findings.count == 1)
        let only = try #require(report.findings.first)
        #expect(only.finding["path"] == "$.message")
        #expect(only.finding["known_reason"] == .string(reason))
        #expect(report.outcomes.filter { $0.value != "passed" } == ["delete everything": "known"])
        #expect(report.json["summary"]?["known"] == 1)
        #expect(report.json["summary"]?["failed"] == 0)
        #expect(report.json["summary"]?["failing"] == false)

        let junit = try XMLTree.parse(path: files.junit)
        #expect(junit.attributes["failures"] == "0")
        let shown = junit.all(named: "system-out").map(\.text)
        #expect(shown.count == 1)
        #expect(shown.first?.contains("Known differences (not failing):") == true)
        #expect(shown.first?.contains("(known: \(reason))") == true)

        let message = Parity.difference("mock", mock.label)
        #expect(only.finding["message"] == .string(message))
        #expect(Parity.consoleFindings(run.stdout) == ["  ~ \(message) [value_changed] known: \(reason)"])
    }

    // MARK: - compare

    @Test("compare reports the one answer two recorded runs disagree on, and nothing for a run compared with itself")
    func compareRecordedRuns() async throws {
        let folder = try TemporaryFolder()
        let recorded = try await Parity.recordDefaultAndChanged(in: folder)

        let differing = await CapturedRun.run(
            ["compare", recorded.standard, recorded.changed, "--json", "\(folder.path)/compare.json"])
        #expect(differing.code == .failure, "\(differing.stdout)\(differing.stderr)")
        let message = Parity.difference("expected", "actual")
        #expect(differing.stdout.components(separatedBy: "\n").first?.contains(" (expected vs actual, ") == true)
        #expect(Parity.consoleFindings(differing.stdout) == ["  - \(message) [value_changed]"])
        #expect(differing.stdout.contains("FAIL  parity writer > delete everything ("))
        let report = try ReportDocument(path: "\(folder.path)/compare.json")
        #expect(report.findings.map { $0.finding["path"] } == ["$.message"])
        #expect(report.json["sides"] == ["expected", "actual"])

        let same = await CapturedRun.run(["compare", recorded.standard, recorded.standard])
        #expect(same.code == .success, "\(same.stdout)\(same.stderr)")
        #expect(Parity.consoleFindings(same.stdout).isEmpty)
        #expect(same.stdout.contains(" passed, 0 failed\n"))
        #expect(!same.stdout.contains("FAIL"))
    }

    @Test("compare --labels names the two sides in the console and the reports")
    func compareLabels() async throws {
        let folder = try TemporaryFolder()
        let recorded = try await Parity.recordDefaultAndChanged(in: folder)
        let files = ReportFiles(in: folder)

        let run = await CapturedRun.run(
            ["compare", recorded.standard, recorded.changed, "--labels", "mock,customer"] + files.arguments)
        #expect(run.code == .failure)
        #expect(run.stdout.components(separatedBy: "\n").first?.contains(" (mock vs customer, ") == true)
        let report = try ReportDocument(path: files.json)
        #expect(report.json["sides"] == ["mock", "customer"])
        let exchanges = report.cases.first?["exchanges"]?.array ?? []
        #expect(exchanges.map { $0["side"] } == ["mock", "customer"])
        let html = try String(contentsOfFile: files.html, encoding: .utf8)
        #expect(html.contains("Sides <strong>mock</strong> vs <strong>customer</strong>"))

        let malformed = await CapturedRun.run(["compare", recorded.standard, recorded.changed, "--labels", "mock"])
        #expect(malformed.code == .usage)
        #expect(
            malformed.stderr == "error: --labels takes two names separated by a comma, e.g. mock,tenant\n")
    }

    @Test("compare exits 66 for a path that does not exist and 65, saying why, for JSON that is not a transcript")
    func compareRefusesWhatIsNotATranscript() async throws {
        let folder = try TemporaryFolder()
        try folder.write("reader.yaml", RunCommandTests.reader("compared reader"))
        let transcripts = "\(folder.path)/transcripts"
        let recorded = await CapturedRun.run(["run", "\(folder.path)/reader.yaml", "--record", transcripts])
        #expect(recorded.code == .success)

        let missing = await CapturedRun.run(["compare", transcripts, "/nonexistent/claret/transcripts"])
        #expect(missing.code == .noInput)
        #expect(missing.stderr == "error: no such transcript or folder: /nonexistent/claret/transcripts\n")
        #expect(missing.stdout.isEmpty)

        let other = try folder.write("known.json", #"{"known": []}"#)
        let notATranscript = await CapturedRun.run(["compare", transcripts, other])
        #expect(notATranscript.code == .dataError)
        #expect(
            notATranscript.stderr
                == "error: \(other): format: not a transcript: expected \"format\": \"claret-harness-transcript\"\n")

        // A report is JSON with a format of its own: the message names both formats.
        let report = "\(folder.path)/report.json"
        let run = await CapturedRun.run(["run", "\(folder.path)/reader.yaml", "--json", report])
        #expect(run.code == .success)
        let aReport = await CapturedRun.run(["compare", report, transcripts])
        #expect(aReport.code == .dataError)
        #expect(
            aReport.stderr
                == "error: \(report): format: unknown format \"claret-harness-report\"; this reader reads "
                + "\"claret-harness-transcript\"\n")

        let notJSON = try folder.write("notes.json", "these are notes, not JSON")
        let unreadable = await CapturedRun.run(["compare", notJSON, transcripts])
        #expect(unreadable.code == .dataError)
        #expect(unreadable.stderr.hasPrefix("error: \(notJSON): not JSON ("))
    }

    // MARK: - reproduce

    @Test(
        "a recorded run reproduced as a scenario passes against the mock, which answers as recorded",
        arguments: ["full-refresh-csv.yaml", "auth.yaml"])
    func reproducedScenarioReplays(_ file: String) async throws {
        let folder = try TemporaryFolder()
        let transcripts = "\(folder.path)/transcripts"
        let recorded = await CapturedRun.run(["run", Parity.bundled(file), "--record", transcripts])
        #expect(recorded.code == .success, "\(recorded.stdout)\(recorded.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: transcripts)
        #expect(names.count == 1)
        let transcript = "\(transcripts)/\(try #require(names.first))"
        let scenarioName = try #require(try ScenarioFile.name(ofTranscript: transcript))

        let output = "\(folder.path)/reproduced.yaml"
        let reproduce = await CapturedRun.run(["reproduce", transcript, "-o", output])
        #expect(reproduce.code == .success, "\(reproduce.stderr)")
        #expect(reproduce.stderr == "Scenario written to \(output); run it with: claret-harness run \(output)\n")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let scenario = try? YAMLParser.parse(text).json
        #expect(scenario?["name"] == .string("reproduce \(scenarioName)"))
        #expect(scenario?["tags"] == ["reproduce"])

        let toStandardOutput = await CapturedRun.run(["reproduce", transcript])
        #expect(toStandardOutput.code == .success)
        #expect(toStandardOutput.stdout == text)

        let replay = await CapturedRun.run(["run", output])
        #expect(replay.code == .success, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("✔ reproduce \(scenarioName) ("))
        #expect(replay.stdout.contains("1 passed, 0 failed ("))
    }

    @Test(
        "the reproduced scenario, written as JSON instead of YAML, passes against the mock as well",
        arguments: ["full-refresh-csv.yaml", "auth.yaml"])
    func reproducedScenarioAsJSONReplays(_ file: String) async throws {
        // The same scenario value without the YAML writer in between, so a failure here is the reproducer's.
        let folder = try TemporaryFolder()
        let transcripts = "\(folder.path)/transcripts"
        let recorded = await CapturedRun.run(["run", Parity.bundled(file), "--record", transcripts])
        #expect(recorded.code == .success, "\(recorded.stdout)\(recorded.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: transcripts)
        let transcript = try TranscriptReader.read(path: "\(transcripts)/\(try #require(names.first))")
        let scenario = ScenarioReproducer.scenario(for: transcript)
        let output = try folder.write("reproduced.scenario.json", scenario.serialized(pretty: true))

        let replay = await CapturedRun.run(["run", output])
        #expect(replay.code == .success, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("1 passed, 0 failed ("))
    }

    @Test("a run recorded against a mock with another profile, reproduced and run on the mock, fails at that path")
    func reproducedDifferenceFails() async throws {
        let folder = try TemporaryFolder()
        let recorded = try await Parity.recordDefaultAndChanged(in: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: recorded.changed)
        let transcript = "\(recorded.changed)/\(try #require(names.first))"
        let output = "\(folder.path)/reported-issue.yaml"
        let reproduce = await CapturedRun.run(["reproduce", transcript, "--output", output])
        #expect(reproduce.code == .success, "\(reproduce.stderr)")

        let replay = await CapturedRun.run(["run", output])
        #expect(replay.code == .failure, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("✘ reproduce parity writer ("))
        #expect(replay.stdout.contains("    step 'delete everything' (\(output):"))
        #expect(
            replay.stdout.contains(
                "      $.message: expected \(Parity.changedText), got \(Parity.standardText)\n"))
        #expect(replay.stdout.contains("0 passed, 1 failed ("))
    }

    @Test("reproduce exits 66 for a transcript that does not exist and 65 for a file that is not one")
    func reproduceRefusesWhatIsNotATranscript() async throws {
        let folder = try TemporaryFolder()
        let missing = await CapturedRun.run(["reproduce", "\(folder.path)/nothing.json"])
        #expect(missing.code == .noInput)
        #expect(missing.stderr == "error: no such transcript: \(folder.path)/nothing.json\n")

        let other = try folder.write("profile.json", #"{"settings": {}}"#)
        let refused = await CapturedRun.run(["reproduce", other, "-o", "\(folder.path)/out.yaml"])
        #expect(refused.code == .dataError)
        #expect(refused.stderr.contains("not a transcript"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/out.yaml"))
    }

    // MARK: - Reproduced scenarios read back

    @Test(
        "a string YAML could take for something else reads back as the same string",
        arguments: [
            "yes", "no", "on", "off", "y", "n", "Yes", "NO", "123", "-12", "007", "1e3", "1E+3", "1.5", ".5", "1.",
            "+1", "0x1F", "0o17", "1_000", ".inf", "-.inf", ".nan", "~", "null", "Null", "true", "False", "",
            " ", "- x", "-", "a: b", "a:", "a:b", "#x", "a #b", "? x", "  leading", "trailing  ", "\tleading tab",
            "a\tb", "line one\nline two", "line one\nline two\n", "two breaks at the end\n\n", "\n", "\n\n",
            "\nstarts with a break", "  indented first line\nsecond", "first\n  indented second", "é ünïcødé",
            "日本語の文字", "a glass of 🍷", "{{token}}", "Bearer {{token}}", "[not, a, list]", "{not: a map}",
            "*alias", "&anchor", "!tag", "|", ">", "'single'", "\"double\"", "%directive", "@at", "`tick", "---",
            "...", "back\\slash", "2024-01-15", "12:30:45", "<<", "=",
        ])
    func stringsReadBack(_ text: String) throws {
        let value: JSONValue = [
            "value": .string(text), "list": [.string(text), ["nested": .string(text)]],
        ]
        let written = YAMLWriter.write(value)
        let read = try YAMLParser.parse(written).json
        #expect(read.serialized() == value.serialized(), "written as:\n\(written)")
    }

    @Test(
        "a string that is the whole document reads back as the same string",
        arguments: ["yes", "123", "- x", "a: b", "#x", "  leading", "one\ntwo", "one\ntwo\n", "", "null", "---"])
    func topLevelStringsReadBack(_ text: String) throws {
        let written = YAMLWriter.write(.string(text))
        let read = try YAMLParser.parse(written).json
        #expect(read == .string(text), "written as:\n\(written)")
    }

    @Test(
        "line breaks other than a line feed read back unchanged: CRLF (multipart and CSV bodies), CR, NEL, LS",
        arguments: [
            "crlf\r\nline", "--b\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\napi\r\n--b--\r\n",
            "cr\ronly", "mixed\nline\r\nends", "next\u{85}line", "line\u{2028}separator", "paragraph\u{2029}separator",
        ])
    func lineBreaksReadBack(_ text: String) throws {
        let value: JSONValue = ["body": .string(text)]
        let written = YAMLWriter.write(value)
        let read = try? YAMLParser.parse(written).json
        #expect(read?.serialized() == value.serialized(), "written as:\n\(written)")
    }

    @Test("keys YAML could take for something else read back as the same keys, in order")
    func keysReadBack() throws {
        let keys = [
            "yes", "123", "null", "", "a: b", "- x", "#x", " spaced ", "multi\nline", "{{tenant}}", "$.content.summary",
            "é", "<<",
        ]
        let value = JSONValue.object(
            JSONObject(keys.enumerated().map { ($0.element, .number(JSONNumber($0.offset))) }))
        let written = YAMLWriter.write(value)
        let read = try YAMLParser.parse(written).json
        #expect(read.object?.keys == keys, "written as:\n\(written)")
        #expect(read.serialized() == value.serialized(), "written as:\n\(written)")
    }

    @Test(
        "numbers read back with exactly their text",
        arguments: [
            "0", "-0", "1", "-17", "12.345", "4875.5", "1.50", "0.1", "1e3", "1E+3", "1.0e-5", "2.5E10",
            "123456789012345678901234567890", "-0.000001",
        ])
    func numbersReadBack(_ text: String) throws {
        let number = try #require(JSONNumber(text: text))
        let value: JSONValue = ["quantity": .number(number), "list": [.number(number)]]
        let read = try YAMLParser.parse(YAMLWriter.write(value)).json
        #expect(read["quantity"]?.number?.text == text)
        #expect(read["list"]?[0]?.number?.text == text)
    }

    @Test("nested arrays of objects, empty arrays and empty objects read back identical")
    func nestedValuesReadBack() throws {
        let value = try JSONParser.parse(
            #"""
            {
              "source": "api",
              "arguments": {"allow_record_creation": true, "allow_record_update": false, "limit": null},
              "payload": [
                {"item_name": "122-16", "quantity": 24, "tags": [], "meta": {}},
                {"item_name": "ZAMNVCAS20", "quantity": "12.345", "nested": [[1, 2], [], [{"a": null, "b": [{}]}]]},
                [],
                {},
                [[["deep"]]],
                "text\nwith lines\n"
              ],
              "empty_list": [],
              "empty_map": {},
              "flags": [true, false, null]
            }
            """#)
        for shape in [value, .array([value, value]), value["payload"] ?? .null, .array([]), .object(JSONObject())] {
            let written = YAMLWriter.write(shape)
            let read = try YAMLParser.parse(written).json
            #expect(read.serialized() == shape.serialized(), "written as:\n\(written)")
        }
    }
}

// MARK: - Helpers

/// A mock started by the test with a behaviour profile of its own.
final class ProfiledMock {
    let store: Store
    let service: MockService
    let baseURL: String

    init(_ profile: BehaviourProfile = .standard) throws {
        store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        service = MockService(store: store, profile: profile, port: 0, jobProcessingTime: 0.05)
        try service.start()
        baseURL = service.baseURL ?? ""
    }

    /// What `run` calls this target in reports and transcript folders: its host and port.
    var label: String { "127.0.0.1-\(service.port ?? 0)" }

    func stop() {
        service.stop()
        store.close()
    }
}

/// The one assumed answer the tests change, and what the reports say about it.
enum Parity {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A scenario of the bundled library.
    static func bundled(_ name: String) -> String { "\(packageRoot)/scenarios/\(name)" }

    static let standardMessage = "Inventory records deleted."
    /// Markup and an ampersand, so escaping shows in the HTML report.
    static let changedMessage = "Inventory records <deleted> & gone."
    /// The messages as a finding renders them: compact JSON.
    static let standardText = JSONValue.string(standardMessage).serialized()
    static let changedText = JSONValue.string(changedMessage).serialized()

    /// The standard profile with the batch delete's message changed. A body in a profile replaces the whole
    /// body (docs/assumptions.md), so the rest of it is repeated as the defaults have it.
    static func changedProfile() throws -> BehaviourProfile {
        try BehaviourProfile(
            overrides: [
                "responses": [
                    "batch_deleted": [
                        "body": [
                            "message": .string(changedMessage),
                            "content": ["mode": "{mode}", "deleted_count": "{deleted_count}"],
                        ]
                    ]
                ]
            ])
    }

    /// The sentence a comparison gives the message's difference, the sides named `left` and `right`.
    static func difference(_ left: String, _ right: String) -> String {
        "$.message: \(left) has \(standardText), \(right) has \(changedText)"
    }

    /// The console report's finding lines: `  - message [code]`, or `  ~ …` for known ones.
    static func consoleFindings(_ output: String) -> [String] {
        output.components(separatedBy: "\n").filter { $0.hasPrefix("  - ") || $0.hasPrefix("  ~ ") }
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Records a scenario that deletes and imports (checking statuses only, so both recordings pass) on the
    /// embedded mock into `standard/`, and on a running mock with the changed profile into `changed/`.
    static func recordDefaultAndChanged(in folder: TemporaryFolder) async throws -> (standard: String, changed: String)
    {
        let scenario = try folder.write("writer.yaml", RunCommandTests.writer("parity writer"))
        let mock = try ProfiledMock(changedProfile())
        defer { mock.stop() }
        let standard = "\(folder.path)/standard"
        let changed = "\(folder.path)/changed"
        let first = await CapturedRun.run(["run", scenario, "--record", standard])
        #expect(first.code == .success, "\(first.stdout)\(first.stderr)")
        let second = await CapturedRun.run(
            ["run", scenario, "--target", mock.baseURL, "--allow-writes", "--record", changed])
        #expect(second.code == .success, "\(second.stdout)\(second.stderr)")
        return (standard, changed)
    }
}

/// The three report files a command is asked to write, in a test's folder.
struct ReportFiles {
    let json: String
    let junit: String
    let html: String

    init(in folder: TemporaryFolder) {
        json = "\(folder.path)/report.json"
        junit = "\(folder.path)/report.xml"
        html = "\(folder.path)/report.html"
    }

    var arguments: [String] { ["--json", json, "--junit", junit, "--html", html] }
}

/// A JSON report read back.
struct ReportDocument {
    let json: JSONValue

    init(path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path), "no report at \(path)")
        json = try JSONParser.parse(data)
    }

    var cases: [JSONValue] { json["cases"]?.array ?? [] }

    /// Every finding of every case, with its case's step.
    var findings: [(step: String, finding: JSONValue)] {
        cases.flatMap { item in
            (item["findings"]?.array ?? []).map { (item["step"]?.string ?? "", $0) }
        }
    }

    /// Each case's outcome by step name.
    var outcomes: [String: String] {
        Dictionary(
            cases.map { ($0["step"]?.string ?? "", $0["outcome"]?.string ?? "") }, uniquingKeysWith: { $0 + "," + $1 })
    }
}

/// Reads what a transcript says about its scenario.
enum ScenarioFile {
    static func name(ofTranscript path: String) throws -> String? {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try JSONParser.parse(data)["scenario"]?["name"]?.string
    }
}
