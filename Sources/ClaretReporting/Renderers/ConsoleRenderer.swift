import ClaretModel
import Foundation

/// Renders a report for a terminal or CI log: what needs attention first, then one summary line.
///
/// Failed and errored cases come first, each with its findings (known ones marked `known: reason`), a note,
/// how many values were normalized and a curl command reproducing it; then cases with only known
/// differences, then skipped cases. Passed cases are only counted. The output always ends with the line
/// `N passed, N failed` (then `, N error(s)`, `, N known`, `, N skipped` when there are any), which is never
/// coloured, so a log parser can match it whether or not colour was on.
public enum ConsoleRenderer {
    /// The report as text, with ANSI colours only when `colour` is true (the CLI turns it off for `NO_COLOR`
    /// and when the output is not a terminal). Control characters in report data are shown as pictures (`␛`).
    public static func render(_ report: Report, colour: Bool) -> String {
        let paint = Paint(enabled: colour)
        var lines: [String] = []
        let header = [RenderSupport.sidesLabel(report), report.generatedAt].filter { !$0.isEmpty }
        lines.append(
            paint(.bold, clean(report.title))
                + (header.isEmpty ? "" : " " + paint(.dim, "(\(clean(header.joined(separator: ", "))))")))
        lines.append(paint(.dim, totals(report)))

        let attention = report.cases.filter { $0.outcome == .failed || $0.outcome == .error }
        let known = report.cases.filter { $0.outcome == .known }
        let skipped = report.cases.filter { $0.outcome == .skipped }
        for reportCase in attention + known + skipped {
            lines.append("")
            lines += block(for: reportCase, paint: paint)
        }

        lines.append("")
        lines.append(RenderSupport.summaryLine(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `5 cases in 3 scenarios, 24 ms, 3 values normalized`: the size of the run, under the title.
    private static func totals(_ report: Report) -> String {
        let cases = report.cases.count
        let scenarios = RenderSupport.scenarios(report).count
        let normalized = report.cases.reduce(0) { $0 + $1.normalizations.count }
        var text = "\(cases) \(cases == 1 ? "case" : "cases") in \(scenarios) "
        text += "\(scenarios == 1 ? "scenario" : "scenarios"), "
        text += RenderSupport.millisecondsLabel(RenderSupport.totalMilliseconds(report))
        if normalized > 0 { text += ", \(normalized) \(normalized == 1 ? "value" : "values") normalized" }
        return text
    }

    /// The lines for one case: a heading, then its details indented by two spaces.
    private static func block(for reportCase: ReportCase, paint: Paint) -> [String] {
        var place = RenderSupport.location(reportCase)
        if reportCase.outcome != .skipped {
            place += place.isEmpty ? "" : ", "
            place += RenderSupport.millisecondsLabel(reportCase.milliseconds)
        }
        let title = "\(reportCase.scenario) > \(reportCase.step)"
        var lines = [
            paint(style(of: reportCase.outcome), label(of: reportCase.outcome)) + " " + clean(title)
                + (place.isEmpty ? "" : " " + paint(.dim, "(\(clean(place)))"))
        ]

        if let note = reportCase.note {
            lines += indented(note, by: 2)
        }
        for finding in reportCase.findings {
            let code = paint(.dim, "[\(finding.mismatch.code)]")
            if let reason = finding.knownReason {
                let marker = paint(.yellow, "~")
                let known = paint(
                    .yellow, "known: " + clean(reason.split(whereSeparator: \.isNewline).joined(separator: " ")))
                lines += indented(finding.mismatch.message, by: 2, first: "\(marker) ", last: " \(code) \(known)")
            } else {
                let marker = paint(.red, "-")
                lines += indented(finding.mismatch.message, by: 2, first: "\(marker) ", last: " \(code)")
            }
        }
        if !reportCase.normalizations.isEmpty {
            var rules: [String] = []
            for normalization in reportCase.normalizations where !rules.contains(normalization.rule) {
                rules.append(normalization.rule)
            }
            let count = reportCase.normalizations.count
            let noun = count == 1 ? "value" : "values"
            lines.append("  " + paint(.dim, clean("\(count) \(noun) normalized (\(rules.joined(separator: ", ")))")))
        }
        if reportCase.outcome == .failed || reportCase.outcome == .error, let curl = reportCase.curl {
            // Only the first line is indented: later ones may be inside a quoted body or a here-document,
            // where added spaces would change what the command sends.
            let commandLines = clean(curl).split(separator: "\n", omittingEmptySubsequences: false)
            lines += commandLines.enumerated().map { ($0.offset == 0 ? "  " : "") + paint(.cyan, String($0.element)) }
        }
        return lines
    }

    /// `text` split into lines, each indented by `indent` spaces, the first prefixed by `first` (continuation
    /// lines aligned under it) and the last followed by `last`. The text is cleaned; the affixes are not.
    private static func indented(_ text: String, by indent: Int, first: String = "", last: String = "")
        -> [String]
    {
        let pad = String(repeating: " ", count: indent)
        let hang = String(repeating: " ", count: first.isEmpty ? 0 : 2)
        var lines = clean(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            pad + ($0.offset == 0 ? first : hang) + $0.element
        }
        if !last.isEmpty { lines[lines.count - 1] += last }
        return lines
    }

    /// Report data made safe for a terminal: controls as pictures, carriage returns dropped.
    private static func clean(_ text: String) -> String {
        RenderSupport.visibleControls(text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// The heading word of an outcome, padded so titles line up.
    private static func label(of outcome: CaseOutcome) -> String {
        switch outcome {
        case .passed: "PASS "
        case .failed: "FAIL "
        case .known: "KNOWN"
        case .error: "ERROR"
        case .skipped: "SKIP "
        }
    }

    /// The colour of an outcome's heading word.
    private static func style(of outcome: CaseOutcome) -> Paint.Style {
        switch outcome {
        case .passed: .green
        case .failed: .boldRed
        case .known: .yellow
        case .error: .boldMagenta
        case .skipped: .dim
        }
    }
}

/// Wraps text in ANSI SGR sequences, or leaves it alone when colour is off.
private struct Paint {
    /// The styles the console uses.
    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case boldRed = "1;31"
        case green = "32"
        case yellow = "33"
        case boldMagenta = "1;35"
        case cyan = "36"
    }

    /// Whether to emit escape sequences at all.
    let enabled: Bool

    /// `text` in `style`, reset afterwards.
    func callAsFunction(_ style: Style, _ text: String) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
