import ClaretModel

/// Renders a report as JUnit XML, the test-report format GitLab, Jenkins and GitHub test reporters read.
///
/// One `<testsuite>` per scenario (in order of first appearance), one `<testcase>` per case with
/// `classname` the scenario, `name` the step, and the `file` and `line` GitLab and pytest use to link to the
/// source. A failed case carries one `<failure>` whose `message` is its first failing finding and `type` that
/// finding's code, with every finding and the curl command in its text; an errored case an `<error>`; a
/// skipped case `<skipped/>`. A case with only known differences passes, its differences listed in
/// `<system-out>`. Times are seconds with three decimals.
public enum JUnitRenderer {
    /// The report as a JUnit XML document, ending with a line break.
    public static func render(_ report: Report) -> String {
        var xml = XMLLines()
        xml.append(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        xml.append(
            0,
            "<testsuites" + attributes(counts(of: report.cases, name: report.title, report: report)) + ">")
        for scenario in RenderSupport.scenarios(report) {
            var suite = counts(of: scenario.cases, name: scenario.name, report: report)
            if !report.generatedAt.isEmpty { suite.append(("timestamp", report.generatedAt)) }
            if let file = scenario.cases.first?.file, !file.isEmpty { suite.append(("file", file)) }
            xml.append(1, "<testsuite" + attributes(suite) + ">")
            for reportCase in scenario.cases {
                testcase(reportCase, into: &xml)
            }
            xml.append(1, "</testsuite>")
        }
        xml.append(0, "</testsuites>")
        return xml.text
    }

    /// The `name tests failures errors skipped time` attributes of a suite (or of all suites) of `cases`.
    private static func counts(of cases: [ReportCase], name: String, report: Report) -> [(String, String)] {
        func count(_ outcome: CaseOutcome) -> String {
            String(cases.reduce(0) { $1.outcome == outcome ? $0 + 1 : $0 })
        }
        return [
            ("name", name),
            ("tests", String(cases.count)),
            ("failures", count(.failed)),
            ("errors", count(.error)),
            ("skipped", count(.skipped)),
            ("time", RenderSupport.seconds(fromMilliseconds: cases.reduce(0) { $0 + $1.milliseconds })),
        ]
    }

    /// Appends one `<testcase>` element.
    private static func testcase(_ reportCase: ReportCase, into xml: inout XMLLines) {
        var attributes: [(String, String)] = [("classname", reportCase.scenario), ("name", reportCase.step)]
        if !reportCase.file.isEmpty { attributes.append(("file", reportCase.file)) }
        if let line = reportCase.line { attributes.append(("line", String(line))) }
        attributes.append(("time", RenderSupport.seconds(fromMilliseconds: reportCase.milliseconds)))
        let open = "<testcase" + Self.attributes(attributes)

        switch reportCase.outcome {
        case .passed:
            xml.append(2, open + "/>")
        case .known:
            xml.append(2, open + ">")
            let lines = ["Known differences (not failing):"] + reportCase.findings.map(RenderSupport.findingLine)
            xml.append(3, "<system-out>" + RenderSupport.xmlText(lines.joined(separator: "\n")) + "</system-out>")
            xml.append(2, "</testcase>")
        case .skipped:
            let message = reportCase.note.map { Self.attributes([("message", $0)]) } ?? ""
            xml.append(2, open + ">")
            xml.append(3, "<skipped" + message + "/>")
            xml.append(2, "</testcase>")
        case .failed:
            let first = RenderSupport.failingFindings(reportCase).first ?? reportCase.findings.first
            let message = first?.mismatch.message ?? reportCase.note ?? "failed"
            let type = first?.mismatch.code ?? "failed"
            xml.append(2, open + ">")
            xml.append(3, problem("failure", message: message, type: type, reportCase: reportCase))
            xml.append(2, "</testcase>")
        case .error:
            let message = reportCase.note ?? reportCase.findings.first?.mismatch.message ?? "error"
            xml.append(2, open + ">")
            xml.append(3, problem("error", message: message, type: "error", reportCase: reportCase))
            xml.append(2, "</testcase>")
        }
    }

    /// A `<failure>` or `<error>` element whose text holds the note, every finding and the curl command.
    private static func problem(_ element: String, message: String, type: String, reportCase: ReportCase)
        -> String
    {
        var sections: [String] = []
        if let note = reportCase.note { sections.append(note) }
        if !reportCase.findings.isEmpty {
            sections.append(reportCase.findings.map(RenderSupport.findingLine).joined(separator: "\n"))
        }
        if let curl = reportCase.curl { sections.append("Reproduce:\n" + curl) }
        let text = RenderSupport.xmlText(sections.joined(separator: "\n\n"))
        let open = "<\(element)" + attributes([("message", message), ("type", type)])
        return text.isEmpty ? open + "/>" : open + ">" + text + "</\(element)>"
    }

    /// ` name="value"` pairs, escaped.
    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(RenderSupport.xmlAttribute($0.1))\"" }.joined()
    }
}

/// Indented XML lines collected into a document.
private struct XMLLines {
    /// The document so far.
    private(set) var text = ""

    /// Appends `line` indented `depth` levels of two spaces. Only element tags start lines, so the indentation
    /// never lands inside character data.
    mutating func append(_ depth: Int, _ line: String) {
        text += String(repeating: "  ", count: depth) + line + "\n"
    }
}
