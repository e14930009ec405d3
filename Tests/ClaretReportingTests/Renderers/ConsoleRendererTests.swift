import ClaretModel
import ClaretReporting
import Testing

@Suite("Console report")
struct ConsoleRendererTests {
    @Test("a report renders without colour as failures first, then known and skipped, then the summary line")
    func plainSnapshot() {
        let expected = """
            claret-harness run (mock, 2025-06-01T10:00:00Z)
            5 cases in 3 scenarios, 24 ms, 3 values normalized

            FAIL  inventory import > reads them back (scenarios/import.yaml:20, 8.4 ms)
              - $.content.summary.created: expected 2, got 1 [value_changed]
              ~ $.meta.version: expected "1", got "2" [value_changed] known: tenant runs v2
              2 values normalized (timestamp, job id)
              curl -X GET 'http://localhost:8080/items' \\
              -H 'Authorization: Bearer $TOKEN'

            ERROR item lookup > lookup by sku (scenarios/lookup.yaml:9, 0.3 ms)
              connection refused: 127.0.0.1:8080
              curl 'http://localhost:8080/items/sku-1'

            KNOWN item lookup > a missing item is 404 (scenarios/lookup.yaml:4, 3 ms)
              ~ $.error.code: expected "item_not_found", got "item_missing" [value_changed] known: older tenants say item_missing

            SKIP  batch delete > delete by filter (scenarios/batch.yaml)
              needs --allow-destructive

            1 passed, 1 failed, 1 error, 1 known, 1 skipped

            """
        #expect(ConsoleRenderer.render(RendererFixtures.small, colour: false) == expected)
    }

    @Test("with colour the same report carries ANSI styles, and its summary line stays plain")
    func colourSnapshot() {
        let esc = "\u{1B}["
        let expected = """
            \(esc)1mclaret-harness run\(esc)0m \(esc)2m(mock, 2025-06-01T10:00:00Z)\(esc)0m
            \(esc)2m5 cases in 3 scenarios, 24 ms, 3 values normalized\(esc)0m

            \(esc)1;31mFAIL \(esc)0m inventory import > reads them back \(esc)2m(scenarios/import.yaml:20, 8.4 ms)\(esc)0m
              \(esc)31m-\(esc)0m $.content.summary.created: expected 2, got 1 \(esc)2m[value_changed]\(esc)0m
              \(esc)33m~\(esc)0m $.meta.version: expected "1", got "2" \(esc)2m[value_changed]\(esc)0m \
            \(esc)33mknown: tenant runs v2\(esc)0m
              \(esc)2m2 values normalized (timestamp, job id)\(esc)0m
              \(esc)36mcurl -X GET 'http://localhost:8080/items' \\\(esc)0m
            \(esc)36m  -H 'Authorization: Bearer $TOKEN'\(esc)0m

            \(esc)1;35mERROR\(esc)0m item lookup > lookup by sku \(esc)2m(scenarios/lookup.yaml:9, 0.3 ms)\(esc)0m
              connection refused: 127.0.0.1:8080
              \(esc)36mcurl 'http://localhost:8080/items/sku-1'\(esc)0m

            \(esc)33mKNOWN\(esc)0m item lookup > a missing item is 404 \(esc)2m(scenarios/lookup.yaml:4, 3 ms)\(esc)0m
              \(esc)33m~\(esc)0m $.error.code: expected "item_not_found", got "item_missing" \(esc)2m[value_changed]\(esc)0m \
            \(esc)33mknown: older tenants say item_missing\(esc)0m

            \(esc)2mSKIP \(esc)0m batch delete > delete by filter \(esc)2m(scenarios/batch.yaml)\(esc)0m
              needs --allow-destructive

            1 passed, 1 failed, 1 error, 1 known, 1 skipped

            """
        #expect(ConsoleRenderer.render(RendererFixtures.small, colour: true) == expected)
    }

    @Test("an all-passing run prints only the title, the totals and a summary line without known or skipped")
    func allPassing() {
        let report = Report(
            title: "run", generatedAt: "", sides: [],
            cases: [
                ReportCase(scenario: "s", file: "s.yaml", step: "a", outcome: .passed, milliseconds: 1200),
                ReportCase(scenario: "s", file: "s.yaml", step: "b", outcome: .passed, milliseconds: 4),
            ])
        #expect(
            ConsoleRenderer.render(report, colour: false)
                == "run\n2 cases in 1 scenario, 1204 ms\n\n2 passed, 0 failed\n")
    }

    @Test("the last line matches the pattern CI log parsers use, whatever the outcomes")
    func summaryLineIsLast() throws {
        for outcome in CaseOutcome.allCases {
            let report = Report(
                title: "t", generatedAt: "now", sides: ["mock"],
                cases: [ReportCase(scenario: "s", file: "f", step: "x", outcome: outcome)])
            let lines = ConsoleRenderer.render(report, colour: true).split(separator: "\n")
            let last = try #require(lines.last)
            #expect(last.wholeMatch(of: /\d+ passed, \d+ failed(, \d+ errors?)?(, \d+ known)?(, \d+ skipped)?/) != nil)
            #expect(!last.contains("\u{1B}"))
        }
    }

    @Test("several errors are counted as errors in the summary line")
    func pluralErrors() {
        let report = Report(
            title: "t", generatedAt: "", sides: [],
            cases: [
                ReportCase(scenario: "s", file: "f", step: "a", outcome: .error),
                ReportCase(scenario: "s", file: "f", step: "b", outcome: .error),
            ])
        #expect(ConsoleRenderer.render(report, colour: false).hasSuffix("\n0 passed, 0 failed, 2 errors\n"))
    }

    @Test("multi-line messages and notes keep their continuation lines under the first")
    func multiLineMessages() {
        let report = Report(
            title: "t", generatedAt: "", sides: [],
            cases: [
                ReportCase(
                    scenario: "s", file: "", step: "x", outcome: .failed, milliseconds: 12,
                    findings: [
                        Finding(
                            mismatch: Mismatch(
                                path: "$.a", kind: .valueChanged, expected: "1", actual: "2",
                                message: "$.a: first line\nsecond line"))
                    ], note: "note one\r\nnote two")
            ])
        let text = ConsoleRenderer.render(report, colour: false)
        #expect(
            text.contains(
                "FAIL  s > x (12 ms)\n  note one\n  note two\n  - $.a: first line\n    second line [value_changed]\n"))
    }

    @Test("a curl command is printed verbatim after its first line, so a here-document still works when pasted")
    func curlVerbatim() {
        let curl =
            "printf '%s' 'e30=' | base64 -d | curl -i -X POST 'http://h/x' \\\n  --data-binary @- <<'EOF'\nbody\nEOF"
        let report = Report(
            title: "t", generatedAt: "", sides: [],
            cases: [ReportCase(scenario: "s", file: "f", step: "x", outcome: .failed, curl: curl)])
        #expect(ConsoleRenderer.render(report, colour: false).contains("\n  " + curl + "\n"))
    }

    @Test("curl commands of passed and known cases are left out")
    func curlOnlyForFailures() {
        let report = Report(
            title: "t", generatedAt: "", sides: [],
            cases: [
                ReportCase(scenario: "s", file: "f", step: "ok", outcome: .passed, curl: "curl passed"),
                ReportCase(scenario: "s", file: "f", step: "k", outcome: .known, curl: "curl known"),
            ])
        let text = ConsoleRenderer.render(report, colour: false)
        #expect(!text.contains("curl passed"))
        #expect(!text.contains("curl known"))
    }

    @Test("control characters in report data are shown as pictures, so a report cannot drive the terminal")
    func hostileText() {
        let plain = ConsoleRenderer.render(RendererFixtures.hostileReport, colour: false)
        #expect(!plain.contains("\u{1B}"))
        #expect(!plain.contains("\u{0}"))
        #expect(plain.contains("␛[31m]]>␀"))
        #expect(plain.contains("message </script><script>alert(\"x\")</script> & <b>'y'</b>"))

        let coloured = ConsoleRenderer.render(RendererFixtures.hostileReport, colour: true)
        #expect(!coloured.contains("\u{1B}[31m]]>"))
        #expect(coloured.contains("␛[31m]]>␀"))
    }
}
