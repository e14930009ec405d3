import ClaretModel
import ExactJSON
import Foundation
import Testing

@testable import ClaretReporting

@Suite("A run report has a case per step and per final state, with findings, exchanges and curl")
struct RunReportTests {
    static func report(known: KnownDifferences = KnownDifferences()) throws -> Report {
        let scenario = try TranscriptReader.read(data: Data(TranscriptFixtures.transcript().utf8), path: "t.json")
        return RunReport.make(from: [scenario], title: "nightly", known: known, generatedAt: "2026-12-03T17:00:00Z")
    }

    @Test("each step becomes a case with its outcome, line, findings and exchange")
    func stepsBecomeCases() throws {
        let report = try Self.report()
        #expect(report.title == "nightly")
        #expect(report.generatedAt == "2026-12-03T17:00:00Z")
        #expect(report.sides == ["run"])
        #expect(report.cases.map(\.step) == ["log in", "download the final file", "a logo", "final state"])
        #expect(report.cases.map(\.outcome) == [.passed, .failed, .error, .failed])

        let download = report.cases[1]
        #expect(download.scenario == "incremental sync")
        #expect(download.file == "scenarios/incremental-sync.yaml")
        #expect(download.line == 44)
        #expect(download.milliseconds == 7.25)
        #expect(download.findings.map(\.mismatch.path) == ["status"])
        #expect(download.findings.first?.knownReason == nil)
        #expect(download.exchanges.count == 1)
        #expect(download.exchanges.first?.status == 200)
        #expect(download.exchanges.first?.responseBody == "item_name,quantity\r\n124,5\r\n")
        #expect(report.cases[2].note == "capture $.id found nothing")
        #expect(report.isFailure)
    }

    @Test("failed and errored steps carry a curl command; passed ones do not")
    func curlForFailures() throws {
        let report = try Self.report()
        #expect(report.cases[0].curl == nil)
        #expect(
            report.cases[1].curl
                == "curl -i http://127.0.0.1:32811/incremental-sync-181p42f-8/download/x.csv \\\n"
                + "  -H \"Authorization: Bearer $TOKEN\"")
        #expect(report.cases[2].curl == "curl -i http://127.0.0.1:32811/logo.png")
    }

    @Test("the final state is a case of its own, with its mismatches as findings")
    func stateIsACase() throws {
        let state = try Self.report().cases[3]
        #expect(state.step == RunReport.stateStepName)
        #expect(state.findings.map(\.mismatch.path) == ["state.exactly[0]"])
        #expect(state.exchanges.isEmpty)
    }

    @Test("a failed step whose every mismatch is known becomes known, and the report then fails only on the rest")
    func knownMismatchesInARun() throws {
        let known = KnownDifferences(entries: [
            .init(step: "download*", path: try PathPattern(parsing: "status"), reason: "the tenant answers 200"),
            .init(path: try PathPattern(parsing: "state"), reason: "quantities drift on the tenant"),
        ])
        let report = try Self.report(known: known)
        #expect(report.cases[1].outcome == .known)
        #expect(report.cases[1].findings.first?.knownReason == "the tenant answers 200")
        #expect(report.cases[1].curl == nil)
        #expect(report.cases[3].outcome == .known)
        // The errored step still fails the report.
        #expect(report.isFailure)
        #expect(report.counts[.known] == 2)
    }

    @Test("a state that was not checked is skipped with its note")
    func skippedState() {
        let scenario = TranscriptFixtures.scenario(
            steps: [], state: RecordedState(outcome: .skipped, note: "not checked: a real tenant has no read-back"))
        let report = RunReport.make(from: [scenario])
        #expect(report.cases.map(\.outcome) == [.skipped])
        #expect(report.cases[0].note == "not checked: a real tenant has no read-back")
        #expect(!report.isFailure)
    }
}
