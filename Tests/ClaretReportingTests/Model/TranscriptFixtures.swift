import ClaretModel
import ExactJSON
import Foundation

@testable import ClaretReporting

/// Recorded runs built in code, shaped like what the runner writes.
enum TranscriptFixtures {
    static let mockURL = "http://127.0.0.1:8080"
    static let jsonType = RecordedHeader(name: "Content-Type", value: "application/json")

    /// A scenario on a mock whose tenant is `tenant`.
    static func scenario(
        _ name: String = "full refresh", tenant: String = "full-refresh-9at23a-1", baseURL: String = mockURL,
        steps: [RecordedStep], state: RecordedState? = nil
    ) -> RecordedScenario {
        RecordedScenario(
            name: name, file: "scenarios/\(name).yaml", target: RecordedTarget(baseURL: baseURL, tenant: tenant),
            outcome: .passed, steps: steps, state: state)
    }

    /// A step answered with `status` and a JSON body.
    static func step(
        _ name: String, status: Int = 200, json: JSONValue?, headers: [RecordedHeader] = [jsonType],
        outcome: RecordedOutcome = .passed, path: String = "/t/api/v1/imports/status/1"
    ) -> RecordedStep {
        RecordedStep(
            name: name, line: 10, outcome: outcome, request: get(path),
            response: RecordedResponse(status: status, headers: headers, body: json.map(RecordedBody.json)))
    }

    /// A step answered with `status` and a text body.
    static func step(
        _ name: String, status: Int = 200, text: String, contentType: String = "text/csv; charset=UTF-8"
    ) -> RecordedStep {
        RecordedStep(
            name: name, line: 20, request: get("/t/download/t/final.csv"),
            response: RecordedResponse(
                status: status, headers: [RecordedHeader(name: "Content-Type", value: contentType)],
                body: .text(text)))
    }

    static func get(_ path: String) -> RecordedRequest {
        RecordedRequest(
            method: "GET", url: mockURL + path,
            headers: [
                RecordedHeader(name: "Accept", value: "application/json"),
                RecordedHeader(name: "Authorization", value: "Bearer {{token}}"),
            ])
    }

    /// Compares one step on each side, named "mock" and "tenant", with `normalizer` and `known`.
    static func compare(
        _ left: RecordedStep, _ right: RecordedStep, normalizer: Normalizer = .standard,
        known: KnownDifferences = KnownDifferences(), leftTenant: String = "full-refresh-9at23a-1",
        rightTenant: String = "full-refresh-77kq2m-4"
    ) -> ReportCase {
        let report = Comparator.compare(
            left: [scenario(tenant: leftTenant, steps: [left])], right: [scenario(tenant: rightTenant, steps: [right])],
            sides: ("mock", "tenant"), normalizer: normalizer, known: known, generatedAt: "2026-01-01T00:00:00Z")
        return report.cases[0]
    }

    /// The findings of comparing two JSON bodies, as `path kind expected actual` lines.
    static func lines(_ left: JSONValue, _ right: JSONValue) -> [String] {
        compare(step("s", json: left), step("s", json: right)).findings.map(line)
    }

    /// A finding as `path kind expected actual`, `-` for no actual value.
    static func line(_ finding: Finding) -> String {
        let mismatch = finding.mismatch
        return "\(mismatch.path) \(mismatch.code) \(mismatch.expected) \(mismatch.actual ?? "-")"
    }

    /// A small but complete transcript as the runner writes it, of `version`.
    static func transcript(name: String = "incremental sync", version: Int = 1) -> String {
        """
        {
          "format": "claret-harness-transcript",
          "version": \(version),
          "scenario": {"name": "\(name)", "description": "Upserts.", "file": "scenarios/incremental-sync.yaml"},
          "target": {"base_url": "http://127.0.0.1:32811", "tenant": "incremental-sync-181p42f-8", "kind": "mock"},
          "started_at": "2026-12-03T16:56:41Z",
          "duration_ms": 10.5,
          "outcome": "failed",
          "steps": [
            {
              "name": "log in", "line": 30, "outcome": "passed", "attempts": 1, "duration_ms": 2.0,
              "request": {
                "method": "POST",
                "url": "http://127.0.0.1:32811/incremental-sync-181p42f-8/api/v1/tokens/create?password={{password}}",
                "headers": [{"name": "Accept", "value": "application/json"}],
                "body": null
              },
              "response": {
                "status": 200,
                "headers": [{"name": "Content-Type", "value": "application/json"}],
                "body": {"json": {"token": "{{token}}"}}
              },
              "checks": ["status equals 200"], "mismatches": [], "captures": {"token": "[secret]"}, "error": null
            },
            {
              "name": "download the final file", "line": 44, "outcome": "failed", "attempts": 2, "duration_ms": 7.25,
              "request": {
                "method": "GET", "url": "http://127.0.0.1:32811/incremental-sync-181p42f-8/download/x.csv",
                "headers": [{"name": "Authorization", "value": "Bearer {{token}}"}], "body": null
              },
              "response": {
                "status": 200,
                "headers": [{"name": "Content-Type", "value": "text/csv"}],
                "body": {"text": "item_name,quantity\\r\\n124,5\\r\\n"}
              },
              "checks": ["status equals 201"],
              "mismatches": [
                {"path": "status", "kind": "status_changed", "expected": "201", "actual": "200",
                 "message": "status: expected status 201, got 200"}
              ],
              "captures": {},
              "error": null
            },
            {
              "name": "a logo", "line": 50, "outcome": "error", "attempts": 1, "duration_ms": 1,
              "request": {"method": "GET", "url": "http://127.0.0.1:32811/logo.png", "headers": [], "body": null},
              "response": {"status": 200, "headers": [], "body": {"base64": "iVBORw0KGgo="}},
              "checks": [], "mismatches": [], "captures": {}, "error": "capture $.id found nothing"
            }
          ],
          "state": {
            "outcome": "failed",
            "rows": [{"item": "124", "quantity": 5}],
            "mismatches": [
              {"path": "state.exactly[0]", "kind": "value_changed", "expected": "{\\"item\\":\\"124\\",\\"quantity\\":6}",
               "actual": "{\\"item\\":\\"124\\",\\"quantity\\":5}", "message": "state.exactly[0]: differs"}
            ],
            "note": null
          }
        }
        """
    }
}

/// A temporary folder removed when the value dies.
final class TranscriptFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("claret-reporting-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to the file `name` in the folder; returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
