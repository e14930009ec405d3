import ClaretModel
import ExactJSON
import Testing

@testable import ClaretReporting

@Suite("Runs are aligned by scenario name, then by step name; what is on one side only is a finding")
struct AlignmentTests {
    typealias F = TranscriptFixtures

    static func step(_ name: String, _ value: Int = 1) -> RecordedStep {
        F.step(name, json: ["value": .number(JSONNumber(value))])
    }

    @Test("a scenario that ran on one side only is one case with a missing or extra finding")
    func missingScenario() {
        let report = Comparator.compare(
            left: [F.scenario("a", steps: [Self.step("x")]), F.scenario("b", steps: [Self.step("x")])],
            right: [F.scenario("b", steps: [Self.step("x")]), F.scenario("c", steps: [Self.step("x")])],
            sides: ("mock", "tenant"))
        #expect(report.cases.map { "\($0.scenario) › \($0.step)" } == ["a › scenario", "b › x", "c › scenario"])
        #expect(report.cases[0].findings.map(F.line) == ["scenario missing a -"])
        #expect(report.cases[0].findings[0].mismatch.message == "scenario: 'a' ran on mock, not on tenant")
        #expect(report.cases[2].findings.map(F.line) == ["scenario extra absent c"])
        #expect(report.cases.map(\.outcome) == [.failed, .passed, .failed])
    }

    @Test("a step on one side only is missing or extra, and the steps around it still align")
    func missingStep() {
        let report = Comparator.compare(
            left: [F.scenario(steps: [Self.step("log in"), Self.step("delete"), Self.step("import")])],
            right: [F.scenario(steps: [Self.step("log in"), Self.step("import"), Self.step("poll")])],
            sides: ("mock", "tenant"))
        #expect(report.cases.map(\.step) == ["log in", "delete", "import", "poll"])
        #expect(report.cases.map(\.outcome) == [.passed, .failed, .passed, .failed])
        #expect(report.cases[1].findings.map(F.line) == ["step missing delete -"])
        #expect(report.cases[1].exchanges.map(\.side) == ["mock"])
        #expect(report.cases[3].findings.map(F.line) == ["step extra absent poll"])
        #expect(report.cases[3].exchanges.map(\.side) == ["tenant"])
    }

    @Test("a step only on the right is placed after the step it follows there")
    func placement() {
        let pairs = Comparator.aligned(["a", "b", "c"], ["a", "x", "b", "y", "c"], by: { $0 })
        #expect(pairs.map { "\($0.0 ?? "-")\($0.1 ?? "-")" } == ["aa", "-x", "bb", "-y", "cc"])
    }

    @Test("steps with the same name align by occurrence, the second with the second")
    func repeatedNames() {
        let report = Comparator.compare(
            left: [F.scenario(steps: [Self.step("log in", 1), Self.step("poll", 1), Self.step("log in", 2)])],
            right: [F.scenario(steps: [Self.step("log in", 1), Self.step("poll", 1), Self.step("log in", 3)])],
            sides: ("mock", "tenant"))
        #expect(report.cases.map(\.step) == ["log in", "poll", "log in"])
        #expect(report.cases.map(\.outcome) == [.passed, .passed, .failed])
        #expect(report.cases[2].findings.map(F.line) == ["$.value value_changed 2 3"])
    }

    @Test("a step with no response on one side is missing its response; on both, an error")
    func noResponse() {
        var refused = Self.step("poll")
        refused.response = nil
        refused.outcome = .error
        refused.error = "connection refused"
        let one = F.compare(Self.step("poll"), refused)
        #expect(one.findings.map(F.line) == ["response missing status 200 -"])
        #expect(
            one.findings[0].mismatch.message
                == "response: mock answered 200, tenant has no response (error: connection refused)")
        #expect(one.outcome == .failed)

        let both = F.compare(refused, refused)
        #expect(both.outcome == .error)
        #expect(both.note?.contains("connection refused") == true)
    }

    @Test("a step skipped on both sides is skipped")
    func skippedBoth() {
        let skipped = RecordedStep(name: "poll", outcome: .skipped, error: "an earlier step failed")
        #expect(F.compare(skipped, skipped).outcome == .skipped)
    }

    @Test("final states are compared row by row; a side that could not check its state makes the case skipped")
    func finalStates() {
        let rows: [JSONValue] = [["item": "124", "quantity": 5], ["item": "ZAM", "quantity": 7]]
        let changed: [JSONValue] = [["item": "124", "quantity": 5], ["item": "ZAM", "quantity": 8]]
        let report = Comparator.compare(
            left: [F.scenario(steps: [], state: RecordedState(outcome: .passed, rows: rows))],
            right: [F.scenario(steps: [], state: RecordedState(outcome: .passed, rows: changed))],
            sides: ("mock", "tenant"))
        #expect(report.cases.map(\.step) == ["final state"])
        #expect(report.cases[0].findings.map(F.line) == ["state.rows[1].quantity value_changed 7 8"])

        let unchecked = Comparator.compare(
            left: [F.scenario(steps: [], state: RecordedState(outcome: .passed, rows: rows))],
            right: [
                F.scenario(steps: [], state: RecordedState(outcome: .skipped, note: "a real tenant has no read-back"))
            ],
            sides: ("mock", "tenant"))
        #expect(unchecked.cases[0].outcome == .skipped)
        #expect(unchecked.cases[0].note == "tenant: a real tenant has no read-back")
    }
}
