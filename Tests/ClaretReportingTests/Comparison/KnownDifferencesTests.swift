import ClaretModel
import ExactJSON
import Foundation
import Testing

@testable import ClaretReporting

@Suite("Known differences are shown with their reason and do not fail a run")
struct KnownDifferencesTests {
    typealias F = TranscriptFixtures

    static let left = F.step(
        "import", json: ["content": ["summary": ["created": 2, "updated": 1], "status": "completed"]])
    static let right = F.step(
        "import", json: ["content": ["summary": ["created": 3, "updated": 0], "status": "completed"]])

    static func known(_ text: String) throws -> KnownDifferences {
        try KnownDifferences.parse(Data(text.utf8))
    }

    @Test("a case whose only findings are known becomes known, and the report does not fail")
    func knownCase() throws {
        let known = try Self.known(
            #"{"known": [{"path": "$.content.summary", "reason": "Claret counts duplicates as created"}]}"#)
        let report = Comparator.compare(
            left: [F.scenario(steps: [Self.left])], right: [F.scenario(steps: [Self.right])], sides: ("mock", "tenant"),
            known: known)
        #expect(report.cases[0].outcome == .known)
        #expect(report.cases[0].findings.count == 2)
        #expect(report.cases[0].findings.allSatisfy { $0.knownReason == "Claret counts duplicates as created" })
        #expect(report.cases[0].curl == nil)
        #expect(!report.isFailure)
    }

    @Test("without the list the same comparison fails")
    func unknownCase() {
        let report = Comparator.compare(
            left: [F.scenario(steps: [Self.left])], right: [F.scenario(steps: [Self.right])], sides: ("mock", "tenant"))
        #expect(report.cases[0].outcome == .failed)
        #expect(report.isFailure)
    }

    @Test("a case with a known and an unknown finding still fails, the unknown one listed first")
    func mixedCase() throws {
        let known = try Self.known(#"{"known": [{"path": "$.content.summary.created", "reason": "duplicates"}]}"#)
        let result = F.compare(Self.left, Self.right, known: known)
        #expect(result.outcome == .failed)
        #expect(result.findings.map(\.mismatch.path) == ["$.content.summary.updated", "$.content.summary.created"])
        #expect(result.findings.map(\.knownReason) == [nil, "duplicates"])
    }

    @Test("kind, scenario and step narrow an entry; names match without regard to case, with * for any run")
    func narrowing() throws {
        let path = try PathPattern(parsing: "$.content.summary.created")
        let mismatch = Mismatch(path: "$.content.summary.created", kind: .valueChanged, expected: "2", actual: "3")
        #expect(
            KnownDifferences.Entry(path: path, kind: .valueChanged, reason: "r").covers(
                mismatch, scenario: "s", step: "t"))
        #expect(
            !KnownDifferences.Entry(path: path, kind: .missing, reason: "r").covers(mismatch, scenario: "s", step: "t"))
        #expect(
            KnownDifferences.Entry(scenario: "Incremental*", path: path, reason: "r")
                .covers(mismatch, scenario: "incremental sync", step: "t"))
        #expect(
            !KnownDifferences.Entry(scenario: "full refresh", path: path, reason: "r")
                .covers(mismatch, scenario: "incremental sync", step: "t"))
        #expect(
            !KnownDifferences.Entry(step: "log in", path: path, reason: "r").covers(
                mismatch, scenario: "s", step: "import"))
    }

    @Test("a path covers what is inside it, but not a sibling that shares its prefix")
    func pathCoverage() throws {
        let entry = KnownDifferences.Entry(path: try PathPattern(parsing: "$.content.summary"), reason: "r")
        func covers(_ path: String) -> Bool {
            entry.covers(
                Mismatch(path: path, kind: .valueChanged, expected: "1", actual: "2"), scenario: "s", step: "t")
        }
        #expect(covers("$.content.summary"))
        #expect(covers("$.content.summary.created"))
        #expect(covers("$.content.summary[\"odd key\"]"))
        #expect(!covers("$.content.summary_v2"))
        #expect(!covers("$.content"))
    }

    @Test("missing scenarios, headers and CSV cells can be known too")
    func otherPaths() throws {
        let known = try Self.known(
            #"""
            {"known": [
              {"scenario": "authentication across tenants", "path": "scenario", "kind": "missing", "reason": "mock-only"},
              {"path": "content-type", "reason": "the proxy says text/plain"},
              {"path": "csv[*].quantity", "kind": "value changed", "reason": "Claret pads decimals"}
            ]}
            """#)
        let mock = F.scenario("authentication across tenants", steps: [F.step("x", json: [:])])
        #expect(
            Comparator.compare(left: [mock], right: [], sides: ("mock", "tenant"), known: known).cases[0].outcome
                == .known)
        let csv = F.compare(
            F.step("d", text: "item,quantity\r\n124,4875.5\r\n"),
            F.step("d", text: "item,quantity\r\n124,4875.50\r\n", contentType: "text/plain"), known: known)
        #expect(csv.outcome == .known)
        #expect(csv.findings.map(\.knownReason) == ["the proxy says text/plain", "Claret pads decimals"])
    }

    @Test("applying the list to a report re-judges its failed cases")
    func applyToReport() throws {
        let report = Report(
            title: "run", generatedAt: "", sides: ["run"],
            cases: [
                ReportCase(
                    scenario: "s", file: "", step: "t", outcome: .failed,
                    findings: [
                        Finding(
                            mismatch: Mismatch(path: "status", kind: .statusChanged, expected: "200", actual: "201"))
                    ])
            ])
        let known = try Self.known(#"{"known": [{"path": "status", "reason": "201 is fine"}]}"#)
        let applied = known.apply(to: report)
        #expect(applied.cases[0].outcome == .known)
        #expect(applied.cases[0].findings[0].knownReason == "201 is fine")
        #expect(!applied.isFailure)
    }

    @Test(
        "a known-differences file with a mistake is refused, naming the member",
        arguments: [
            (#"{"known": [{"path": "$.a"}]}"#, "known[0].reason", "is required"),
            (#"{"known": [{"reason": "x"}]}"#, "known[0].path", "is required"),
            (#"{"known": [{"path": "$.a", "reason": "x", "kind": "changed"}]}"#, "known[0].kind", "unknown kind"),
            (#"{"known": [{"path": "$.a", "reason": "x", "why": "y"}]}"#, "known[0]", "unknown member \"why\""),
            (#"{"known": [{"path": "$.a[x]", "reason": "x"}]}"#, "known[0].path", "expected [n]"),
            (#"{"known": [{"path": "$.a", "reason": " "}]}"#, "known[0].reason", "must say why"),
            (#"{"differences": []}"#, nil as String?, "\"known\" array"),
        ])
    func badFiles(text: String, field: String?, phrase: String) {
        #expect {
            try Self.known(text)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.field == field && error.message.contains(phrase)
        }
    }

    @Test("a known-differences file is read from disk")
    func fromDisk() throws {
        let folder = try TranscriptFolder()
        let path = try folder.write(#"{"known": [{"path": "status", "reason": "r"}]}"#, to: "known.json")
        #expect(try KnownDifferences.load(path: path).entries.map(\.reason) == ["r"])
    }
}
