import ClaretModel
import ClaretReporting

/// Reports the renderer tests share: a small fixed one with every outcome, and one full of hostile text.
enum RendererFixtures {
    /// A run with one case of each outcome, some known differences, normalizations and curl commands.
    static let small = Report(
        title: "claret-harness run",
        generatedAt: "2025-06-01T10:00:00Z",
        sides: ["mock"],
        cases: [
            ReportCase(
                scenario: "inventory import", file: "scenarios/import.yaml", step: "creates two items", line: 12,
                outcome: .passed, milliseconds: 12.5,
                normalizations: [Normalization(path: "$.job_log_id", rule: "job id")]),
            ReportCase(
                scenario: "inventory import", file: "scenarios/import.yaml", step: "reads them back", line: 20,
                outcome: .failed, milliseconds: 8.4,
                findings: [
                    Finding(
                        mismatch: Mismatch(
                            path: "$.content.summary.created", kind: .valueChanged, expected: "2", actual: "1")),
                    Finding(
                        mismatch: Mismatch(
                            path: "$.meta.version", kind: .valueChanged, expected: "\"1\"", actual: "\"2\""),
                        knownReason: "tenant runs v2"),
                ],
                normalizations: [
                    Normalization(path: "$.content.created_at", rule: "timestamp"),
                    Normalization(path: "$.content.job_log_id", rule: "job id"),
                ],
                exchanges: [
                    Exchange(
                        side: "mock", method: "GET", url: "http://localhost:8080/items",
                        requestHeaders: [Exchange.Header(name: "Authorization", value: "Bearer $TOKEN")],
                        status: 200,
                        responseHeaders: [Exchange.Header(name: "Content-Type", value: "application/json")],
                        responseBody: """
                            {
                              "content": {
                                "summary": {
                                  "created": 1
                                }
                              },
                              "meta": {
                                "version": "2"
                              }
                            }
                            """)
                ],
                curl: "curl -X GET 'http://localhost:8080/items' \\\n  -H 'Authorization: Bearer $TOKEN'"),
            ReportCase(
                scenario: "item lookup", file: "scenarios/lookup.yaml", step: "a missing item is 404", line: 4,
                outcome: .known, milliseconds: 3,
                findings: [
                    Finding(
                        mismatch: Mismatch(
                            path: "$.error.code", kind: .valueChanged, expected: "\"item_not_found\"",
                            actual: "\"item_missing\""),
                        knownReason: "older tenants say item_missing")
                ]),
            ReportCase(
                scenario: "item lookup", file: "scenarios/lookup.yaml", step: "lookup by sku", line: 9,
                outcome: .error, milliseconds: 0.3, note: "connection refused: 127.0.0.1:8080",
                curl: "curl 'http://localhost:8080/items/sku-1'"),
            ReportCase(
                scenario: "batch delete", file: "scenarios/batch.yaml", step: "delete by filter", line: nil,
                outcome: .skipped, note: "needs --allow-destructive"),
        ])

    /// Text that breaks naive escaping in every format.
    static let hostile = "</script><script>alert(\"x\")</script> & <b>'y'</b> \u{1B}[31m]]>\u{0}"

    /// A failed case whose every text field is hostile.
    static let hostileReport = Report(
        title: "run " + hostile,
        generatedAt: "2025-06-01T10:00:00Z",
        sides: ["mock " + hostile],
        cases: [
            ReportCase(
                scenario: "scenario " + hostile, file: "file " + hostile, step: "step " + hostile, line: 1,
                outcome: .failed, milliseconds: 1,
                findings: [
                    Finding(
                        mismatch: Mismatch(
                            path: "$.name", kind: .valueChanged, expected: "expected " + hostile,
                            actual: "actual " + hostile, message: "message " + hostile)),
                    Finding(
                        mismatch: Mismatch(
                            path: "$.other", kind: .missing, expected: "x", actual: nil, message: "known " + hostile),
                        knownReason: "reason " + hostile),
                ],
                normalizations: [Normalization(path: "$.id", rule: "rule " + hostile)],
                exchanges: [
                    Exchange(
                        side: "mock " + hostile, method: "POST", url: "http://localhost/" + hostile,
                        requestHeaders: [Exchange.Header(name: "X-Test", value: hostile)],
                        requestBody: "{\"name\": \"" + hostile + "\"}", status: 200,
                        responseBody: "{\n  \"name\": \"" + hostile + "\"\n}")
                ],
                note: "note " + hostile,
                curl: "curl 'http://localhost/" + hostile + "'"),
            ReportCase(
                scenario: "scenario " + hostile, file: "file", step: "errored " + hostile, outcome: .error,
                note: "note " + hostile),
            ReportCase(
                scenario: "scenario " + hostile, file: "file", step: "skipped " + hostile, outcome: .skipped,
                note: "note " + hostile),
            ReportCase(
                scenario: "scenario " + hostile, file: "file", step: "known " + hostile, outcome: .known,
                findings: [
                    Finding(
                        mismatch: Mismatch(
                            path: "$.x", kind: .extra, expected: "nothing", actual: "1", message: "extra " + hostile),
                        knownReason: "reason " + hostile)
                ]),
        ])
}
