import ClaretModel
import ExactJSON
import YAMLReader

/// How a step, a state check or a scenario ended.
public enum Outcome: String, Sendable, Equatable {
    /// Every expectation held.
    case passed
    /// An expectation did not hold.
    case failed
    /// It could not run to its checks (no connection, an unknown variable, …).
    case error
    /// It was not run (an earlier step failed, or the target cannot check it).
    case skipped
}

/// What one step sent, received and found.
public struct StepResult: Sendable {
    /// The step's name.
    public var name: String
    /// Where the step is written.
    public var position: SourcePosition
    /// How it ended.
    public var outcome: Outcome
    /// The last request sent (secrets replaced by `{{name}}`).
    public var request: OutgoingRequest?
    /// The last response received.
    public var response: IncomingResponse?
    /// How many times it was sent (more than once when polling).
    public var attempts: Int
    /// Milliseconds from the first send to the last answer.
    public var milliseconds: Double
    /// Every expectation that did not hold.
    public var mismatches: [Mismatch]
    /// The checks made, as sentences ("status equals 200"), for reports.
    public var checks: [String]
    /// Why it could not run, for `.error`.
    public var error: String?
    /// The variables it captured (secret ones shown as `[secret]`).
    public var captures: [(name: String, value: JSONValue)]
}

/// The final-inventory check.
public struct StateResult: Sendable {
    /// How it ended.
    public var outcome: Outcome
    /// Rows read back.
    public var rows: [JSONValue]
    /// Differences from the expectation.
    public var mismatches: [Mismatch]
    /// Why it was skipped or could not run.
    public var note: String?
}

/// One scenario's run on one target.
public struct ScenarioResult: Sendable {
    /// The scenario's name.
    public var name: String
    /// Its description.
    public var description: String
    /// Its file.
    public var file: String
    /// Where it ran: the base URL.
    public var baseURL: String
    /// Which tenant it ran on.
    public var tenant: String
    /// Whether the target was a mock (harness endpoints available).
    public var targetIsMock: Bool
    /// When it started (ISO 8601).
    public var startedAt: String
    /// Milliseconds it took.
    public var milliseconds: Double
    /// Every step, including skipped ones.
    public var steps: [StepResult]
    /// The final-inventory check, when the scenario has one.
    public var state: StateResult?

    /// Passed when every step and the state check passed (or were skipped for the target's sake).
    public var outcome: Outcome {
        let outcomes = steps.map(\.outcome) + (state.map { [$0.outcome] } ?? [])
        if outcomes.contains(.error) { return .error }
        if outcomes.contains(.failed) { return .failed }
        return .passed
    }

    /// The first step that did not pass, for one-line summaries.
    public var firstProblem: StepResult? { steps.first { $0.outcome == .failed || $0.outcome == .error } }
}
