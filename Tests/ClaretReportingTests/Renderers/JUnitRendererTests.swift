import ClaretModel
import ClaretReporting
import Foundation
import Testing
import XMLTestSupport

@Suite("JUnit report")
struct JUnitRendererTests {
    @Test("a report renders as one test suite per scenario and one test case per step")
    func snapshot() {
        let expected = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="claret-harness run" tests="5" failures="1" errors="1" skipped="1" time="0.024">
              <testsuite name="inventory import" tests="2" failures="1" errors="0" skipped="0" time="0.021" timestamp="2025-06-01T10:00:00Z" file="scenarios/import.yaml">
                <testcase classname="inventory import" name="creates two items" file="scenarios/import.yaml" line="12" time="0.013"/>
                <testcase classname="inventory import" name="reads them back" file="scenarios/import.yaml" line="20" time="0.008">
                  <failure message="$.content.summary.created: expected 2, got 1" type="value_changed">$.content.summary.created: expected 2, got 1 [value_changed]
            $.meta.version: expected "1", got "2" [value_changed] (known: tenant runs v2)

            Reproduce:
            curl -X GET 'http://localhost:8080/items' \
              -H 'Authorization: Bearer $TOKEN'</failure>
                </testcase>
              </testsuite>
              <testsuite name="item lookup" tests="2" failures="0" errors="1" skipped="0" time="0.003" timestamp="2025-06-01T10:00:00Z" file="scenarios/lookup.yaml">
                <testcase classname="item lookup" name="a missing item is 404" file="scenarios/lookup.yaml" line="4" time="0.003">
                  <system-out>Known differences (not failing):
            $.error.code: expected "item_not_found", got "item_missing" [value_changed] (known: older tenants say item_missing)</system-out>
                </testcase>
                <testcase classname="item lookup" name="lookup by sku" file="scenarios/lookup.yaml" line="9" time="0.000">
                  <error message="connection refused: 127.0.0.1:8080" type="error">connection refused: 127.0.0.1:8080

            Reproduce:
            curl 'http://localhost:8080/items/sku-1'</error>
                </testcase>
              </testsuite>
              <testsuite name="batch delete" tests="1" failures="0" errors="0" skipped="1" time="0.000" timestamp="2025-06-01T10:00:00Z" file="scenarios/batch.yaml">
                <testcase classname="batch delete" name="delete by filter" file="scenarios/batch.yaml" time="0.000">
                  <skipped message="needs --allow-destructive"/>
                </testcase>
              </testsuite>
            </testsuites>

            """#
        #expect(JUnitRenderer.render(RendererFixtures.small) == expected)
    }

    @Test("the document is well-formed XML with the counts on testsuites and each testsuite")
    func wellFormed() throws {
        let root = try XMLTree.parse(JUnitRenderer.render(RendererFixtures.small))
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "5")
        #expect(root.attributes["failures"] == "1")
        #expect(root.attributes["errors"] == "1")
        #expect(root.attributes["skipped"] == "1")
        #expect(root.children.map { $0.attributes["name"] } == ["inventory import", "item lookup", "batch delete"])
        #expect(root.children.map { $0.attributes["tests"] } == ["2", "2", "1"])
        let cases = root.children.flatMap(\.children)
        #expect(cases.map(\.name) == Array(repeating: "testcase", count: 5))
        #expect(cases.map { $0.children.map(\.name) } == [[], ["failure"], ["system-out"], ["error"], ["skipped"]])
    }

    @Test("a failure names its first failing finding and carries every finding and the curl command")
    func failureContent() throws {
        let root = try XMLTree.parse(JUnitRenderer.render(RendererFixtures.small))
        let failure = try #require(root.children.first?.children.last?.children.first)
        #expect(failure.attributes["message"] == "$.content.summary.created: expected 2, got 1")
        #expect(failure.attributes["type"] == "value_changed")
        #expect(
            failure.text.contains("$.meta.version: expected \"1\", got \"2\" [value_changed] (known: tenant runs v2)"))
        #expect(
            failure.text.hasSuffix("curl -X GET 'http://localhost:8080/items' \\\n  -H 'Authorization: Bearer $TOKEN'"))
    }

    @Test("a failed case whose only findings are known still fails, typed by its first finding")
    func failedWithOnlyKnownFindings() throws {
        let report = Report(
            title: "t", generatedAt: "g", sides: [],
            cases: [
                ReportCase(
                    scenario: "s", file: "f", step: "x", outcome: .failed,
                    findings: [
                        Finding(
                            mismatch: Mismatch(path: "status", kind: .statusChanged, expected: "200", actual: "500"),
                            knownReason: "flaky")
                    ])
            ])
        let failure = try #require(
            XMLTree.parse(JUnitRenderer.render(report)).children.first?.children.first?.children.first)
        #expect(failure.name == "failure")
        #expect(failure.attributes["type"] == "status_changed")
        #expect(failure.attributes["message"] == "status: expected status 200, got 500")
    }

    @Test("hostile strings survive as text: escaped, well-formed, control characters dropped")
    func hostileText() throws {
        let text = JUnitRenderer.render(RendererFixtures.hostileReport)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{0}"))
        let stripped = RendererFixtures.hostile.replacingOccurrences(of: "\u{1B}", with: "")
            .replacingOccurrences(of: "\u{0}", with: "")
        let root = try XMLTree.parse(text)
        #expect(root.attributes["name"] == "run " + stripped)
        let testcase = try #require(root.children.first?.children.first)
        #expect(testcase.attributes["classname"] == "scenario " + stripped)
        #expect(testcase.attributes["name"] == "step " + stripped)
        let failure = try #require(testcase.children.first)
        #expect(failure.attributes["message"] == "message " + stripped)
        #expect(failure.text.hasPrefix("note " + stripped + "\n\nmessage " + stripped))
        let known = try #require(root.children.first?.children.last?.children.first)
        #expect(known.name == "system-out")
        #expect(known.text.contains("(known: reason " + stripped + ")"))
    }

    @Test("line breaks and tabs in attribute values are written as references, so parsers keep them")
    func attributeWhitespace() throws {
        let report = Report(
            title: "a\tb\nc\r\nd", generatedAt: "g", sides: [],
            cases: [ReportCase(scenario: "s", file: "f", step: "x", outcome: .skipped, note: "one\ntwo")])
        let text = JUnitRenderer.render(report)
        #expect(text.contains("name=\"a&#9;b&#10;c&#13;&#10;d\""))
        let root = try XMLTree.parse(text)
        #expect(root.attributes["name"] == "a\tb\nc\r\nd")
        #expect(root.children.first?.children.first?.children.first?.attributes["message"] == "one\ntwo")
    }

    @Test("a suite has no timestamp attribute when the report has no time")
    func noTimestamp() {
        let report = Report(
            title: "t", generatedAt: "", sides: [],
            cases: [ReportCase(scenario: "s", file: "", step: "x", outcome: .passed, milliseconds: 1500)])
        #expect(
            JUnitRenderer.render(report) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="t" tests="1" failures="0" errors="0" skipped="0" time="1.500">
                  <testsuite name="s" tests="1" failures="0" errors="0" skipped="0" time="1.500">
                    <testcase classname="s" name="x" time="1.500"/>
                  </testsuite>
                </testsuites>

                """)
    }

    @Test("an empty report is a testsuites element with zero counts")
    func emptyReport() throws {
        let text = JUnitRenderer.render(Report(title: "t", generatedAt: "g", sides: [], cases: []))
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="t" tests="0" failures="0" errors="0" skipped="0" time="0.000">
                </testsuites>

                """)
        #expect(try XMLTree.parse(text).children.isEmpty)
    }

    @Test("the well-formedness check rejects what it must, so its passes mean something")
    func checkerRejectsMalformedXML() {
        for malformed in ["<a><b></a>", "<a>&</a>", "<a x=\"<\"/>", "<a>\u{1}</a>", "<a>]]></a>", "<a/><b/>"] {
            #expect(throws: XMLTree.Malformed.self) { try XMLTree.parse(malformed) }
        }
    }
}
