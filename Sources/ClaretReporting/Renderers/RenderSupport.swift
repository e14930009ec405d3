import ClaretModel
import Foundation

/// What every renderer shares: counting, grouping, number formats and escaping for each output's syntax.
///
/// Kept in one namespace rather than as extensions on `Report`, so the renderers' helpers cannot collide with
/// what the model's builders add to the same types in this module.
enum RenderSupport {
    /// The order outcomes are listed in summaries: the order of `CaseOutcome.allCases`.
    static let outcomeOrder = CaseOutcome.allCases

    /// How many of `report`'s cases ended as `outcome`.
    static func count(_ outcome: CaseOutcome, in report: Report) -> Int {
        report.cases.reduce(0) { $1.outcome == outcome ? $0 + 1 : $0 }
    }

    /// The line CI log parsers read: `3 passed, 1 failed`, then `, 1 error`, `, 2 known`, `, 1 skipped` when
    /// there are any. Passed and failed are always there, so `(\d+) passed, (\d+) failed` always matches.
    static func summaryLine(_ report: Report) -> String {
        var parts = ["\(count(.passed, in: report)) passed", "\(count(.failed, in: report)) failed"]
        let errors = count(.error, in: report)
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        let known = count(.known, in: report)
        if known > 0 { parts.append("\(known) known") }
        let skipped = count(.skipped, in: report)
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return parts.joined(separator: ", ")
    }

    /// The time all cases took, in milliseconds.
    static func totalMilliseconds(_ report: Report) -> Double {
        report.cases.reduce(0) { $0 + $1.milliseconds }
    }

    /// The cases grouped by scenario, scenarios in the order they first appear, cases in report order.
    static func scenarios(_ report: Report) -> [(name: String, cases: [ReportCase])] {
        var order: [String] = []
        var groups: [String: [ReportCase]] = [:]
        for reportCase in report.cases {
            if groups[reportCase.scenario] == nil { order.append(reportCase.scenario) }
            groups[reportCase.scenario, default: []].append(reportCase)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// Findings that make a case fail: those not listed as known.
    static func failingFindings(_ reportCase: ReportCase) -> [Finding] {
        reportCase.findings.filter { $0.knownReason == nil }
    }

    /// `file:line`, or the file alone when the line is unknown.
    static func location(_ reportCase: ReportCase) -> String {
        reportCase.line.map { "\(reportCase.file):\($0)" } ?? reportCase.file
    }

    /// How the sides are named in a header: `mock`, or `mock vs tenant`.
    static func sidesLabel(_ report: Report) -> String {
        report.sides.joined(separator: " vs ")
    }

    /// One finding as a line: its sentence, its code, and the known reason when there is one.
    static func findingLine(_ finding: Finding) -> String {
        var line = "\(finding.mismatch.message) [\(finding.mismatch.code)]"
        if let reason = finding.knownReason { line += " (known: \(reason))" }
        return line
    }

    // MARK: Numbers

    /// `value` with at most `places` decimals and no trailing zeros: `12`, `12.5`, `0.001`; `0` for NaN and
    /// infinities, which no format here can carry.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        // %f is locale-independent in Foundation's String(format:) without a locale, so the point is a point.
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Milliseconds for people: one decimal below 10 ms (`2.5 ms`), whole numbers above (`124 ms`).
    static func millisecondsLabel(_ milliseconds: Double) -> String {
        milliseconds < 10 ? "\(decimal(milliseconds, places: 1)) ms" : "\(decimal(milliseconds, places: 0)) ms"
    }

    /// Seconds with exactly three decimals, as JUnit's `time` attributes expect: `0.012`.
    static func seconds(fromMilliseconds milliseconds: Double) -> String {
        String(format: "%.3f", milliseconds.isFinite ? max(0, milliseconds) / 1000 : 0)
    }

    // MARK: Escaping

    /// `text` with C0 control characters (other than line feed and tab) and DEL shown as their Unicode
    /// control pictures (`␛` for ESC), so report data cannot drive a terminal or hide in a page.
    static func visibleControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHiddenControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isHiddenControl(scalar) else {
                result.append(scalar)
                continue
            }
            let picture = scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value
            result.append(Unicode.Scalar(picture) ?? "?")
        }
        return String(result)
    }

    /// Whether `scalar` is a control character shown as a picture rather than as itself.
    private static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }

    /// `text` escaped for HTML text and quoted attribute values alike; controls shown as pictures.
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in visibleControls(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` escaped for XML character data. Characters XML 1.0 cannot carry at all (most C0 controls,
    /// U+FFFE, U+FFFF) are dropped; a carriage return is written as a reference so parsers keep it.
    static func xmlText(_ text: String) -> String {
        xml(text, inAttribute: false)
    }

    /// `text` escaped for a double-quoted XML attribute value; tabs and line breaks as references, since a
    /// parser would otherwise normalize them to spaces.
    static func xmlAttribute(_ text: String) -> String {
        xml(text, inAttribute: true)
    }

    /// The shared XML escaper.
    private static func xml(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            // Always escaped, so `]]>` can never appear in character data.
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
