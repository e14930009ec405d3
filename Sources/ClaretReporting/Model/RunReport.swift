import Foundation

/// The report of one run: a case per recorded step and one for each final state check.
public enum RunReport {
    /// The report of `scenarios`, as one side called `side`.
    ///
    /// Each step's outcome is kept, its mismatches become findings (those listed in `known` carry their
    /// reason, and a failed step whose every finding is known becomes `.known`), its request and response
    /// the case's exchange, and a failed or errored step gets a `curl` command reproducing its request.
    public static func make(
        from scenarios: [RecordedScenario], title: String = "claret-harness run", side: String = "run",
        known: KnownDifferences = KnownDifferences(), generatedAt: String? = nil
    ) -> Report {
        var cases: [ReportCase] = []
        for scenario in scenarios {
            for step in scenario.steps {
                cases.append(stepCase(step, of: scenario, side: side, known: known))
            }
            if let state = scenario.state {
                cases.append(stateCase(state, of: scenario, known: known))
            }
        }
        return Report(
            title: title, generatedAt: generatedAt ?? Date().formatted(.iso8601), sides: [side], cases: cases)
    }

    /// The step name the final state check is reported under.
    public static let stateStepName = "final state"

    private static func stepCase(
        _ step: RecordedStep, of scenario: RecordedScenario, side: String, known: KnownDifferences
    ) -> ReportCase {
        let findings = known.findings(for: step.mismatches, scenario: scenario.name, step: step.name)
        var outcome = step.outcome.caseOutcome
        if outcome == .failed, ReportCase.outcome(of: findings) == .known { outcome = .known }
        let reproduce = outcome == .failed || outcome == .error
        return ReportCase(
            scenario: scenario.name, file: scenario.file, step: step.name, line: step.line, outcome: outcome,
            milliseconds: step.milliseconds, findings: findings,
            exchanges: Exchange(side: side, step: step).map { [$0] } ?? [], note: step.error,
            curl: reproduce ? step.request.map(CurlCommand.make(for:)) : nil)
    }

    private static func stateCase(_ state: RecordedState, of scenario: RecordedScenario, known: KnownDifferences)
        -> ReportCase
    {
        let findings = known.findings(for: state.mismatches, scenario: scenario.name, step: stateStepName)
        var outcome = state.outcome.caseOutcome
        if outcome == .failed, ReportCase.outcome(of: findings) == .known { outcome = .known }
        return ReportCase(
            scenario: scenario.name, file: scenario.file, step: stateStepName, outcome: outcome, findings: findings,
            note: state.note)
    }
}
