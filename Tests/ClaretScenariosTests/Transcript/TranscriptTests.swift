import ExactJSON
import Foundation
import Testing
import YAMLReader

@testable import ClaretScenarios

@Suite("Transcript records a scenario run as versioned JSON")
struct TranscriptTests {
    /// A login and a failing import against the live mock, recorded.
    static func recordedRun() async throws -> (result: ScenarioResult, json: JSONValue, baseURL: String) {
        let mock = try RunningMock()
        defer { mock.stop() }
        let text = ScenarioText.scenario(
            "Record me (JSON)",
            steps: "  - use: login\n"
                + ScenarioText.importStep(
                    "import",
                    records: [
                        #"{item_name: NOPE, bin_name: SS-02, lot_name: FG-GEN-LOT, date_filled: "2024-05-01", quantity: 1, uom: gal}"#
                    ],
                    expect: "      status: 200\n      body:\n        $.content.summary.failed: 0")
                + "  - name: skipped\n    request: {path: /__harness/health}\n",
            state: "  count: 1\n")
        let result = try await mock.run(text, file: "/scenarios/record.yaml")
        return (result, Transcript.json(result), mock.baseURL)
    }

    @Test("a transcript names its format, version, scenario, target, outcome and timing")
    func header() async throws {
        let (result, json, baseURL) = try await Self.recordedRun()
        #expect(json.object?.keys.first == "format")
        #expect(json["format"] == "claret-harness-transcript")
        #expect(json["version"] == 1)
        #expect(json["scenario"]?["name"] == "Record me (JSON)")
        #expect(json["scenario"]?["file"] == "/scenarios/record.yaml")
        #expect(json["scenario"]?["description"] == "")
        #expect(json["target"] == ["base_url": .string(baseURL), "tenant": "demo", "kind": "mock"])
        #expect(json["started_at"]?.string == result.startedAt)
        #expect(ISO8601DateFormatter().date(from: json["started_at"]?.string ?? "") != nil)
        #expect(json["duration_ms"]?.number != nil)
        #expect(json["outcome"] == "failed")
        #expect(json["state"]?["outcome"] == "skipped")
        #expect(json["state"]?["note"] == "not checked: a step did not pass")
    }

    @Test("each step records its request, response, checks, mismatches, captures and outcome")
    func steps() async throws {
        let (_, json, baseURL) = try await Self.recordedRun()
        let steps = try #require(json["steps"]?.array)
        #expect(steps.map { $0["name"] } == ["log in", "import", "skipped"])
        #expect(steps.map { $0["outcome"] } == ["passed", "failed", "skipped"])
        #expect(steps.map { $0["line"] } == [21, 22, 36])

        let login = steps[0]
        #expect(login["attempts"] == 1)
        #expect(login["request"]?["method"] == "POST")
        #expect(
            login["request"]?["url"]
                == .string(
                    "\(baseURL)/demo/api/v1/tokens/create?email=integrator@demo.test&password={{password}}"))
        #expect(login["request"]?["body"] == .null)
        #expect(login["response"]?["status"] == 200)
        #expect(login["response"]?["body"] == ["json": ["token": "{{token}}"]])
        #expect(login["checks"] == ["status equals 200"])
        #expect(login["captures"] == ["token": "[secret]"])
        #expect(login["mismatches"] == [])
        #expect(login["error"] == .null)
        let headerNames = login["request"]?["headers"]?.array?.compactMap { $0["name"]?.string }
        #expect(headerNames == ["X-Requested-With", "Accept"])

        let failed = steps[1]
        #expect(failed["request"]?["body"]?["json"]?["source"] == "api")
        #expect(failed["response"]?["body"]?["json"]?["content"]?["summary"]?["failed"] == 1)
        #expect(
            failed["mismatches"]
                == [
                    [
                        "path": "$.content.summary.failed", "kind": "value_changed", "expected": "0", "actual": "1",
                        "message": "$.content.summary.failed: expected 0, got 1",
                    ]
                ])

        let skipped = steps[2]
        #expect(skipped["request"] == .null)
        #expect(skipped["response"] == .null)
        #expect(skipped["attempts"] == 0)
        #expect(skipped["error"] == "an earlier step did not pass")
    }

    @Test("a transcript never holds the password or a token")
    func noSecrets() async throws {
        let (_, json, _) = try await Self.recordedRun()
        let text = String(decoding: json.serializedBytes(pretty: true), as: UTF8.self)
        #expect(!text.contains("demo-password"))
        #expect(text.range(of: #"\d+\|[A-Za-z0-9]{40}"#, options: .regularExpression) == nil)
        #expect(text.contains("{{password}}"))
    }

    @Test("write puts the transcript in the folder under the scenario's file name, ending with a newline")
    func write() async throws {
        let (result, json, _) = try await Self.recordedRun()
        let folder = try TemporaryFolder()
        let path = try Transcript.write(result, into: "\(folder.path)/nested/transcripts")
        #expect(path == "\(folder.path)/nested/transcripts/record-me-json.json")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.last == 0x0A)
        #expect(try JSONParser.parse(Array(bytes)) == json)
    }

    @Test(
        "file names keep ASCII letters and digits, lowercased, with one '-' for each run of anything else",
        arguments: [
            ("Full refresh (JSON)", "full-refresh-json"),
            ("  leading and trailing!  ", "leading-and-trailing"),
            ("Ünïcode über", "n-code-ber"),
            ("day-1/day-2", "day-1-day-2"),
            ("???", "scenario"),
            ("", "scenario"),
        ])
    func fileNames(name: String, expected: String) {
        #expect(Transcript.fileName(for: name) == expected)
    }

    @Test("a body that is not JSON is kept as text, and one that is not UTF-8 as base64")
    func bodies() throws {
        let step = StepResult(
            name: "raw", position: SourcePosition(line: 3, column: 5), outcome: .passed,
            request: OutgoingRequest(method: "POST", url: "http://x/y", body: Array("a,b\n1,2\n".utf8)),
            response: IncomingResponse(
                status: 200, headers: [("Content-Type", "image/png")], body: [0xFF, 0xD8, 0x00]),
            attempts: 1, milliseconds: 1.25, mismatches: [], checks: [], error: nil, captures: [])
        let result = ScenarioResult(
            name: "raw", description: "d", file: "f.yaml", baseURL: "http://x", tenant: "t", targetIsMock: false,
            startedAt: "2024-01-01T00:00:00Z", milliseconds: 12.345, steps: [step], state: nil)
        let json = Transcript.json(result)
        #expect(json["target"]?["kind"] == "tenant")
        #expect(json["duration_ms"]?.number?.text == "12.3")
        #expect(json["state"] == .null)
        let recorded = try #require(json["steps"]?[0])
        #expect(recorded["duration_ms"]?.number?.text == "1.2" || recorded["duration_ms"]?.number?.text == "1.3")
        #expect(recorded["request"]?["body"] == ["text": "a,b\n1,2\n"])
        #expect(recorded["response"]?["body"] == ["base64": "/9gA"])
        #expect(recorded["response"]?["headers"] == [["name": "Content-Type", "value": "image/png"]])
    }
}
