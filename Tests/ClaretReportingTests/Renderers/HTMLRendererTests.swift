import ClaretModel
import ClaretReporting
import Testing

@Suite("HTML report")
struct HTMLRendererTests {
    /// The small fixture rendered once.
    let page = HTMLRenderer.render(RendererFixtures.small)

    @Test("the header shows the title, the side, the time and the count of every outcome")
    func header() {
        #expect(page.contains("<title>claret-harness run</title>"))
        #expect(page.contains("<h1>claret-harness run</h1>"))
        #expect(page.contains("Side <strong>mock</strong>"))
        #expect(page.contains("Generated <time>2025-06-01T10:00:00Z</time>"))
        #expect(page.contains("5 cases in 3 scenarios, 24 ms"))
        for outcome in CaseOutcome.allCases {
            #expect(
                page.contains(
                    "<li class=\"outcome-\(outcome.rawValue)\"><span class=\"n\">1</span> \(outcome.rawValue)</li>"))
        }
        #expect(page.contains("<strong>Failing</strong>: 1 passed, 1 failed, 1 error, 1 known, 1 skipped"))
    }

    @Test("outcomes without cases are counted as zero and get no filter")
    func zeroCounts() {
        let report = Report(
            title: "t", generatedAt: "", sides: [],
            cases: [ReportCase(scenario: "s", file: "f", step: "x", outcome: .passed)])
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<li class=\"outcome-failed zero\"><span class=\"n\">0</span> failed</li>"))
        #expect(html.contains("<strong>Passing</strong>: 1 passed, 0 failed"))
        #expect(html.contains("value=\"passed\" checked> Passed (1)"))
        #expect(!html.contains("value=\"failed\""))
        #expect(!html.contains("Needs attention"))
    }

    @Test("failed and errored cases are linked from the header")
    func attentionLinks() {
        #expect(
            page.contains(
                "<li><a href=\"#case-2\" class=\"outcome-failed\">inventory import › reads them back</a></li>"))
        #expect(page.contains("<li><a href=\"#case-4\" class=\"outcome-error\">item lookup › lookup by sku</a></li>"))
    }

    @Test("the filter form, the search box and the inline script that drives them are present")
    func filters() {
        #expect(
            page.contains("<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter cases\" hidden>"))
        for outcome in CaseOutcome.allCases {
            #expect(page.contains("<input type=\"checkbox\" name=\"outcome\" value=\"\(outcome.rawValue)\" checked>"))
        }
        #expect(page.contains("<input type=\"search\" id=\"search\""))
        #expect(page.contains("<script>\n(function () {"))
        #expect(page.contains("form.addEventListener(\"input\", apply);"))
        #expect(page.contains("item.dataset.search.indexOf(query)"))
        #expect(page.contains("form.hidden = false;"))
    }

    @Test("every case is an article carrying its outcome and search text, open unless it passed")
    func caseSections() {
        #expect(page.components(separatedBy: "<article class=\"case ").count - 1 == 5)
        #expect(
            page.contains(
                "<article class=\"case outcome-passed\" id=\"case-1\" data-outcome=\"passed\" "
                    + "data-search=\"inventory import creates two items\">\n<details>\n"))
        #expect(
            page.contains(
                "<article class=\"case outcome-failed\" id=\"case-2\" data-outcome=\"failed\" "
                    + "data-search=\"inventory import reads them back\">\n<details open>\n"))
        #expect(
            page.contains("data-outcome=\"skipped\" data-search=\"batch delete delete by filter\">\n<details open>"))
    }

    @Test("findings are listed with path, kind, expected, actual and message, known ones with their reason")
    func findings() {
        #expect(
            page.contains(
                "<tr class=\"failing\"><td><code>$.content.summary.created</code></td><td><code>value_changed</code></td>"
                    + "<td><code>2</code></td><td><code>1</code></td>"
                    + "<td>$.content.summary.created: expected 2, got 1</td></tr>"))
        #expect(
            page.contains(
                "<tr class=\"known\"><td><code>$.meta.version</code></td><td><code>value_changed</code></td>"
                    + "<td><code>&quot;1&quot;</code></td><td><code>&quot;2&quot;</code></td>"
                    + "<td>$.meta.version: expected &quot;1&quot;, got &quot;2&quot;"
                    + "<div class=\"known-reason\"><strong>Known:</strong> tenant runs v2</div></td></tr>"))
    }

    @Test("normalizations are listed with their rule")
    func normalizations() {
        #expect(
            page.contains(
                "<ul class=\"normalizations\">\n<li><code>$.content.created_at</code>: timestamp</li>\n"
                    + "<li><code>$.content.job_log_id</code>: job id</li>\n</ul>"))
    }

    @Test("lines of a response body holding a finding's key are marked, known ones differently")
    func bodyHighlights() {
        #expect(
            page.contains(
                "      <mark class=\"hl failing\" title=\"$.content.summary.created\">&quot;created&quot;: 1</mark>\n"))
        #expect(
            page.contains(
                "    <mark class=\"hl known\" title=\"$.meta.version\">&quot;version&quot;: &quot;2&quot;</mark>\n"))
        // Two in the body, two in the legend above the exchanges.
        #expect(page.components(separatedBy: "<mark class=\"hl ").count - 1 == 2 + 2)
    }

    @Test("the exchanges get one column per side, and status and header findings mark those rows")
    func sideBySide() {
        func exchange(_ side: String, _ status: Int, _ body: String) -> Exchange {
            Exchange(
                side: side, method: "GET", url: "/items", status: status,
                responseHeaders: [Exchange.Header(name: "ETag", value: side)], responseBody: body)
        }
        let report = Report(
            title: "t", generatedAt: "", sides: ["mock", "tenant"],
            cases: [
                ReportCase(
                    scenario: "s", file: "f", step: "x", outcome: .failed,
                    findings: [
                        Finding(
                            mismatch: Mismatch(path: "status", kind: .statusChanged, expected: "200", actual: "404")),
                        Finding(mismatch: Mismatch(path: "etag", kind: .valueChanged, expected: "a", actual: "b")),
                        Finding(
                            mismatch: Mismatch(
                                path: "$['odd key'].items[2]", kind: .missing, expected: "1", actual: nil),
                            knownReason: "r"),
                    ],
                    exchanges: [
                        exchange("mock", 200, "{\n  \"odd key\": {\n    \"items\": [1]\n  }\n}"),
                        exchange("tenant", 404, "{}"),
                    ])
            ])
        let html = HTMLRenderer.render(report)
        #expect(
            html.contains("<thead><tr><td></td><th scope=\"col\">mock</th><th scope=\"col\">tenant</th></tr></thead>"))
        #expect(html.contains("<mark class=\"hl failing\" title=\"status\"><code>200</code></mark>"))
        #expect(html.contains("<mark class=\"hl failing\" title=\"status\"><code>404</code></mark>"))
        #expect(html.contains("<mark class=\"hl failing\" title=\"ETag\">ETag: mock</mark>"))
        #expect(html.contains("<mark class=\"hl failing\" title=\"ETag\">ETag: tenant</mark>"))
        #expect(
            html.contains(
                "    <mark class=\"hl known\" title=\"$[&#39;odd key&#39;].items[2]\">&quot;items&quot;: [1]</mark>"))
        #expect(!html.contains("Request body"))
    }

    @Test("the curl command is shown with a copy button that the script reveals")
    func curl() {
        #expect(page.contains("<code id=\"curl-2\">curl -X GET &#39;http://localhost:8080/items&#39; \\\n"))
        #expect(
            page.contains(
                "<button type=\"button\" class=\"copy\" data-copy=\"curl-2\" aria-label=\"Copy the curl command\" hidden>Copy</button>"
            ))
        #expect(page.contains("navigator.clipboard.writeText(text)"))
    }

    @Test("the page loads nothing: no URL outside the report's own escaped data, and a policy forbidding requests")
    func selfContained() {
        var rest = page
        for reportCase in RendererFixtures.small.cases {
            for text in [reportCase.curl].compactMap({ $0 }) + reportCase.exchanges.map(\.url) {
                rest = rest.replacingOccurrences(of: Self.escaped(text), with: "")
            }
        }
        #expect(page.contains("http://localhost"))
        #expect(!rest.contains("http://"))
        #expect(!rest.contains("https://"))
        #expect(!rest.contains("src="))
        #expect(!rest.contains("url("))
        #expect(!rest.contains("@import"))
        #expect(
            page.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"))
        let links = page.components(separatedBy: "href=\"").dropFirst()
        #expect(links.allSatisfy { $0.hasPrefix("#case-") })
    }

    @Test("hostile strings are escaped everywhere: one script element, no markup from report data")
    func hostileText() {
        let html = HTMLRenderer.render(RendererFixtures.hostileReport)
        #expect(html.components(separatedBy: "<script").count - 1 == 1)
        #expect(html.components(separatedBy: "</script>").count - 1 == 1)
        #expect(!html.contains("<b>"))
        #expect(!html.contains("'y'"))
        #expect(!html.contains("\u{1B}"))
        #expect(!html.contains("\u{0}"))
        let escaped =
            "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;&#39;y&#39;&lt;/b&gt; ␛[31m]]&gt;␀"
        #expect(html.contains("<title>run \(escaped)</title>"))
        #expect(html.contains("data-search=\"scenario \(escaped) step \(escaped)\""))
        for finding in RendererFixtures.hostileReport.cases.flatMap(\.findings) {
            #expect(html.contains(Self.escaped(finding.mismatch.message)))
            #expect(!html.contains(finding.mismatch.message))
        }
        #expect(html.contains("<strong>Known:</strong> reason \(escaped)</div>"))
        #expect(html.contains("<p class=\"note\">note \(escaped)</p>"))
        #expect(html.contains("<li><code>$.id</code>: rule \(escaped)</li>"))
        #expect(html.contains("<code id=\"curl-1\">curl &#39;http://localhost/\(escaped)&#39;</code>"))
    }

    @Test("a report without cases says so and has no filters")
    func emptyReport() {
        let html = HTMLRenderer.render(Report(title: "t", generatedAt: "", sides: [], cases: []))
        #expect(html.contains("<p class=\"empty\">This report has no cases.</p>"))
        #expect(!html.contains("<form id=\"filters\""))
        #expect(html.hasSuffix("</html>\n"))
    }

    /// An independent HTML escaper for expectations.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{1B}": result += "␛"
            case "\u{0}": result += "␀"
            default: result.append(character)
            }
        }
        return result
    }
}
