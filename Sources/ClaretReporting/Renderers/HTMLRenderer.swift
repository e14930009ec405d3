import ClaretModel

/// Renders a report as one self-contained HTML page: inline CSS and script, nothing fetched.
///
/// A header gives the title, sides, time and counts per outcome; filters (by outcome, and a search over
/// scenario and step names) need the inline script, and stay hidden without it. Each case is a collapsible
/// section (open unless it passed) with its findings, normalizations, the exchanges side by
/// side (one column per side, lines holding a finding's key highlighted) and its curl command with a copy
/// button. All report data is escaped; the script reads only the page, never report text, so nothing in a
/// report can end it early. A content security policy forbids any network request.
public enum HTMLRenderer {
    /// The report as an HTML document, ending with a line break.
    public static func render(_ report: Report) -> String {
        var html = ""
        html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n"
        html += "<meta name=\"generator\" content=\"claret-harness\">\n"
        html += "<title>\(esc(report.title))</title>\n"
        html += "<style>\n\(HTMLAssets.style)</style>\n</head>\n<body>\n"
        html += header(report)
        if !report.cases.isEmpty { html += filters(report) }
        html += "<main id=\"cases\">\n"
        if report.cases.isEmpty { html += "<p class=\"empty\">This report has no cases.</p>\n" }
        for (index, reportCase) in report.cases.enumerated() {
            html += section(reportCase, number: index + 1)
        }
        html += "<p id=\"no-match\" class=\"empty\" hidden>No case matches the filters.</p>\n"
        html += "</main>\n"
        html += "<footer><p>Made by claret-harness.</p></footer>\n"
        html += "<script>\n\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return html
    }

    /// Inline style and script only; no request of any kind.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

    /// Outcome names as people read them.
    static func title(of outcome: CaseOutcome) -> String {
        switch outcome {
        case .passed: "Passed"
        case .failed: "Failed"
        case .known: "Known"
        case .error: "Error"
        case .skipped: "Skipped"
        }
    }

    // MARK: Header and filters

    /// Title, sides, time, counts per outcome and the verdict.
    private static func header(_ report: Report) -> String {
        var html = "<header class=\"report\">\n<h1>\(esc(report.title))</h1>\n<p class=\"meta\">"
        var facts: [String] = []
        if !report.sides.isEmpty {
            let sides = report.sides.map { "<strong>\(esc($0))</strong>" }.joined(separator: " vs ")
            facts.append((report.sides.count == 1 ? "Side " : "Sides ") + sides)
        }
        if !report.generatedAt.isEmpty {
            facts.append("Generated <time>\(esc(report.generatedAt))</time>")
        }
        let scenarioCount = RenderSupport.scenarios(report).count
        facts.append(
            "\(report.cases.count) \(report.cases.count == 1 ? "case" : "cases") in \(scenarioCount) "
                + "\(scenarioCount == 1 ? "scenario" : "scenarios"), "
                + esc(RenderSupport.millisecondsLabel(RenderSupport.totalMilliseconds(report))))
        html += facts.joined(separator: " · ") + "</p>\n"

        html += "<ul class=\"counts\" aria-label=\"Cases by outcome\">\n"
        for outcome in RenderSupport.outcomeOrder {
            let count = RenderSupport.count(outcome, in: report)
            let zero = count == 0 ? " zero" : ""
            html += "<li class=\"outcome-\(outcome.rawValue)\(zero)\"><span class=\"n\">\(count)</span> "
            html += "\(outcome.rawValue)</li>\n"
        }
        html += "</ul>\n"
        let verdict = report.isFailure ? "failing" : "passing"
        html += "<p class=\"verdict \(verdict)\"><strong>\(report.isFailure ? "Failing" : "Passing")</strong>: "
        html += "\(esc(RenderSupport.summaryLine(report)))</p>\n"
        html += attentionLinks(report)
        html += "</header>\n"
        return html
    }

    /// Links to the failed and errored cases, so they are one click away however many cases passed.
    private static func attentionLinks(_ report: Report) -> String {
        let links = report.cases.enumerated().filter { $0.element.outcome == .failed || $0.element.outcome == .error }
        guard !links.isEmpty else { return "" }
        var html = "<nav class=\"attention\" aria-label=\"Cases that need attention\"><span>Needs attention:</span>"
        html += "<ul>\n"
        for (index, reportCase) in links {
            html += "<li><a href=\"#case-\(index + 1)\" class=\"outcome-\(reportCase.outcome.rawValue)\">"
            html += "\(esc(reportCase.scenario)) › \(esc(reportCase.step))</a></li>\n"
        }
        html += "</ul></nav>\n"
        return html
    }

    /// The filter bar: a checkbox per outcome present and a search box. Hidden until the script shows it.
    private static func filters(_ report: Report) -> String {
        var html = "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter cases\" hidden>\n"
        html += "<fieldset><legend>Show</legend>\n"
        for outcome in RenderSupport.outcomeOrder {
            let count = RenderSupport.count(outcome, in: report)
            guard count > 0 else { continue }
            html += "<label class=\"outcome-\(outcome.rawValue)\"><input type=\"checkbox\" name=\"outcome\" "
            html += "value=\"\(outcome.rawValue)\" checked> \(title(of: outcome)) (\(count))</label>\n"
        }
        html += "</fieldset>\n"
        html += "<label class=\"search\">Search <input type=\"search\" id=\"search\" "
        html += "placeholder=\"scenario or step name\" autocomplete=\"off\"></label>\n"
        html += "<span class=\"actions\"><button type=\"button\" id=\"expand-all\">Expand all</button> "
        html += "<button type=\"button\" id=\"collapse-all\">Collapse all</button></span>\n"
        html += "<output id=\"filter-status\" aria-live=\"polite\"></output>\n</form>\n"
        return html
    }

    // MARK: Cases

    /// One case: a collapsible section, open when it needs attention.
    private static func section(_ reportCase: ReportCase, number: Int) -> String {
        let outcome = reportCase.outcome.rawValue
        let search = "\(reportCase.scenario) \(reportCase.step)".lowercased()
        let open = reportCase.outcome == .passed ? "" : " open"
        var html = "<article class=\"case outcome-\(outcome)\" id=\"case-\(number)\" "
        html += "data-outcome=\"\(outcome)\" data-search=\"\(esc(search))\">\n<details\(open)>\n<summary>"
        html += "<span class=\"badge\">\(title(of: reportCase.outcome))</span> "
        html += "<h2><span class=\"scenario\">\(esc(reportCase.scenario))</span>"
        html += "<span class=\"sep\" aria-hidden=\"true\"> › </span><span class=\"visually-hidden\">: </span>"
        html += "<span class=\"step\">\(esc(reportCase.step))</span></h2>"
        var place = [RenderSupport.location(reportCase)].filter { !$0.isEmpty }
        if reportCase.outcome != .skipped { place.append(RenderSupport.millisecondsLabel(reportCase.milliseconds)) }
        html += "<span class=\"where\">\(esc(place.joined(separator: " · ")))</span></summary>\n"
        html += "<div class=\"case-body\">\n"

        if let note = reportCase.note {
            html += "<p class=\"note\">\(esc(note))</p>\n"
        }
        if !reportCase.findings.isEmpty { html += findings(reportCase.findings) }
        if !reportCase.normalizations.isEmpty {
            html += "<h3>Normalized before comparing</h3>\n<ul class=\"normalizations\">\n"
            for normalization in reportCase.normalizations {
                html += "<li><code>\(esc(normalization.path))</code>: \(esc(normalization.rule))</li>\n"
            }
            html += "</ul>\n"
        }
        if !reportCase.exchanges.isEmpty {
            html += exchanges(reportCase.exchanges, highlights: HTMLHighlights(reportCase.findings))
        }
        if let curl = reportCase.curl {
            html += "<h3>Reproduce</h3>\n<div class=\"curl\"><pre><code id=\"curl-\(number)\">\(esc(curl))</code></pre>"
            html += "<button type=\"button\" class=\"copy\" data-copy=\"curl-\(number)\" "
            html += "aria-label=\"Copy the curl command\" hidden>Copy</button></div>\n"
        }
        if reportCase.findings.isEmpty && reportCase.normalizations.isEmpty && reportCase.exchanges.isEmpty
            && reportCase.note == nil && reportCase.curl == nil
        {
            html += "<p class=\"empty\">Nothing recorded for this case.</p>\n"
        }
        html += "</div>\n</details>\n</article>\n"
        return html
    }

    /// The findings as a table: path, kind, expected, actual, message (with the reason for known ones).
    private static func findings(_ findings: [Finding]) -> String {
        var html = "<h3>Findings</h3>\n<table class=\"findings\">\n<thead><tr><th scope=\"col\">Path</th>"
        html += "<th scope=\"col\">Kind</th><th scope=\"col\">Expected</th><th scope=\"col\">Actual</th>"
        html += "<th scope=\"col\">Message</th></tr></thead>\n<tbody>\n"
        for finding in findings {
            let mismatch = finding.mismatch
            let actual = mismatch.actual.map { "<code>\(esc($0))</code>" } ?? "<span class=\"empty\">nothing</span>"
            html += "<tr class=\"\(finding.knownReason == nil ? "failing" : "known")\">"
            html += "<td><code>\(esc(mismatch.path))</code></td><td><code>\(esc(mismatch.code))</code></td>"
            html += "<td><code>\(esc(mismatch.expected))</code></td><td>\(actual)</td>"
            html += "<td>\(esc(mismatch.message))"
            if let reason = finding.knownReason {
                html += "<div class=\"known-reason\"><strong>Known:</strong> \(esc(reason))</div>"
            }
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    /// The exchanges side by side: one column per side, one row per part, rows no side has left out.
    private static func exchanges(_ exchanges: [Exchange], highlights: HTMLHighlights) -> String {
        var html = "<h3>Exchanges</h3>\n"
        if !highlights.isEmpty {
            html += "<p class=\"legend\">Marked: what a finding is about, "
            html += "<mark class=\"hl failing\">solid</mark> for a difference, "
            html += "<mark class=\"hl known\">dashed</mark> for a known one.</p>\n"
        }
        html += "<table class=\"exchanges\">\n<thead><tr><td></td>"
        for exchange in exchanges {
            html += "<th scope=\"col\">\(esc(exchange.side))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"

        func row(_ label: String, _ cell: (Exchange) -> String) {
            html += "<tr><th scope=\"row\">\(label)</th>"
            for exchange in exchanges { html += "<td>\(cell(exchange))</td>" }
            html += "</tr>\n"
        }
        let none = "<span class=\"empty\">none</span>"

        row("Request") { "<code>\(esc($0.method)) \(esc($0.url))</code>" }
        if exchanges.contains(where: { !$0.requestHeaders.isEmpty }) {
            row("Request headers") { $0.requestHeaders.isEmpty ? none : headerBlock($0.requestHeaders, nil) }
        }
        if exchanges.contains(where: { $0.requestBody != nil }) {
            row("Request body") { exchange in
                exchange.requestBody.map { "<pre class=\"body\"><code>\(esc($0))</code></pre>" } ?? none
            }
        }
        row("Status") { exchange in
            guard let status = exchange.status else { return "<span class=\"empty\">no response</span>" }
            let code = "<code>\(status)</code>"
            return highlights.status.map { "<mark class=\"hl \($0.rawValue)\" title=\"status\">\(code)</mark>" }
                ?? code
        }
        if exchanges.contains(where: { !$0.responseHeaders.isEmpty }) {
            row("Response headers") {
                $0.responseHeaders.isEmpty ? none : headerBlock($0.responseHeaders, highlights)
            }
        }
        if exchanges.contains(where: { $0.responseBody != nil }) {
            row("Response body") { exchange in
                exchange.responseBody.map { body in
                    let lines = body.replacingOccurrences(of: "\r\n", with: "\n")
                        .split(separator: "\n", omittingEmptySubsequences: false)
                        .map { highlights.mark(bodyLine: String($0)) }
                    return "<pre class=\"body\"><code>\(lines.joined(separator: "\n"))</code></pre>"
                } ?? none
            }
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    /// Headers as `name: value` lines, those a finding names highlighted.
    private static func headerBlock(_ headers: [Exchange.Header], _ highlights: HTMLHighlights?) -> String {
        let lines = headers.map { header in
            let text = esc("\(header.name): \(header.value)")
            guard let mark = highlights?.headers[header.name.lowercased()] else { return text }
            return "<mark class=\"hl \(mark.rawValue)\" title=\"\(esc(header.name))\">\(text)</mark>"
        }
        return "<pre class=\"headers\"><code>\(lines.joined(separator: "\n"))</code></pre>"
    }

    /// Report text escaped for HTML.
    private static func esc(_ text: String) -> String {
        RenderSupport.html(text)
    }
}

/// Which parts of the exchanges belong to a case's findings, and whether as a difference or a known one.
struct HTMLHighlights {
    /// How a part is marked; a difference wins over a known one where both apply.
    enum Mark: String {
        case failing
        case known
    }

    /// The last object key of each JSON path finding, with the finding's path for a tooltip.
    private(set) var bodyKeys: [(key: String, path: String, mark: Mark)] = []
    /// Whether no finding marks anything.
    var isEmpty: Bool { bodyKeys.isEmpty && status == nil && headers.isEmpty }
    /// Set when a finding is about the status.
    private(set) var status: Mark?
    /// Header names (lowercased) findings are about.
    private(set) var headers: [String: Mark] = [:]

    /// The highlights for `findings`: `$…` paths mark body lines holding their last key, `status` the status,
    /// anything else the header of that name (a `headers.` or `header.` prefix allowed).
    init(_ findings: [Finding]) {
        for finding in findings {
            let path = finding.mismatch.path
            let mark: Mark = finding.knownReason == nil ? .failing : .known
            if path.hasPrefix("$") {
                if let key = Self.lastKey(of: path) { bodyKeys.append((key, path, mark)) }
            } else if path.lowercased() == "status" {
                status = Self.stronger(status, mark)
            } else {
                var name = path.lowercased()
                for prefix in ["headers.", "header."] where name.hasPrefix(prefix) {
                    name.removeFirst(prefix.count)
                }
                headers[name] = Self.stronger(headers[name], mark)
            }
        }
    }

    /// `line` escaped, wrapped in a `<mark>` when it holds `"key":` for a finding's last key.
    func mark(bodyLine line: String) -> String {
        var mark: Mark?
        var paths: [String] = []
        for entry in bodyKeys where Self.line(line, holdsKey: entry.key) {
            mark = Self.stronger(mark, entry.mark)
            if !paths.contains(entry.path) { paths.append(entry.path) }
        }
        guard let mark else { return RenderSupport.html(line) }
        // The indentation stays outside the mark, so the highlight starts where the member does.
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        let member = RenderSupport.html(String(line.dropFirst(indentation.count)))
        let title = RenderSupport.html(paths.joined(separator: ", "))
        return "\(indentation)<mark class=\"hl \(mark.rawValue)\" title=\"\(title)\">\(member)</mark>"
    }

    /// Whether a pretty-printed JSON line holds the member `key` (as `"key":` or `"key" :`).
    private static func line(_ line: String, holdsKey key: String) -> Bool {
        let quoted =
            "\"" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        return line.contains(quoted + ":") || line.contains(quoted + " :")
    }

    /// The difference over the known mark.
    private static func stronger(_ current: Mark?, _ new: Mark) -> Mark {
        current == .failing ? .failing : new
    }

    /// The last object key named in a JSON path: `created` in `$.content.summary.created`, `items` in
    /// `$.items[2]`, `a b` in `$['a b']`; nil for `$` alone.
    static func lastKey(of path: String) -> String? {
        var keys: [String] = []
        var rest = Substring(path.dropFirst())
        while let first = rest.first {
            if first == "." {
                rest.removeFirst()
                let key = rest.prefix { $0 != "." && $0 != "[" }
                rest.removeFirst(key.count)
                if !key.isEmpty && key != "*" { keys.append(String(key)) }
            } else if first == "[" {
                rest.removeFirst()
                if let quote = rest.first, quote == "'" || quote == "\"" {
                    rest.removeFirst()
                    var key = ""
                    while let character = rest.first, character != quote {
                        rest.removeFirst()
                        if character == "\\", let escaped = rest.first {
                            rest.removeFirst()
                            key.append(escaped)
                        } else {
                            key.append(character)
                        }
                    }
                    rest = rest.drop { $0 != "]" }.dropFirst()
                    keys.append(key)
                } else {
                    rest = rest.drop { $0 != "]" }.dropFirst()
                }
            } else {
                rest.removeFirst()
            }
        }
        return keys.last
    }
}
