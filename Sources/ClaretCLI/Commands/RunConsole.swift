import ClaretScenarios
import Foundation

/// The console lines of a run: one per scenario as it finishes, one per step with --verbose, a summary.
struct RunConsole {
    /// Whether to colour the lines (see `Console.colour`).
    let colour: Bool

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func mark(_ outcome: Outcome) -> String {
        switch outcome {
        case .passed: return paint("✔", "32")
        case .failed: return paint("✘", "31")
        case .error: return paint("!", "31")
        case .skipped: return paint("-", "33")
        }
    }

    /// `✔ name (5 steps, 120 ms)`, or `✘ name` followed by the failing step, where it is, and why.
    func scenarioLine(_ result: ScenarioResult) -> String {
        let ran = result.steps.filter { $0.outcome != .skipped }.count
        var line =
            "\(mark(result.outcome)) \(result.name) (\(ran) of \(result.steps.count) steps, "
            + "\(Int(result.milliseconds.rounded())) ms)"
        if let problem = result.firstProblem {
            line += "\n    step '\(problem.name)' (\(result.file):\(problem.position.line))"
            for mismatch in problem.mismatches.prefix(5) { line += "\n      \(mismatch.message)" }
            if problem.mismatches.count > 5 { line += "\n      … and \(problem.mismatches.count - 5) more" }
            if let error = problem.error { line += "\n      \(error)" }
        }
        if let state = result.state {
            switch state.outcome {
            case .failed, .error:
                line += "\n    final state (\(result.file))"
                for mismatch in state.mismatches.prefix(5) { line += "\n      \(mismatch.message)" }
                if let note = state.note { line += "\n      \(note)" }
            case .skipped:
                if let note = state.note, result.firstProblem == nil { line += "\n    final state \(note)" }
            case .passed:
                break
            }
        }
        return line
    }

    /// `  ✔ scenario › step  GET /demo/… → 200 (3 ms)`.
    func stepLine(_ step: StepResult, scenario: String) -> String {
        var line = "  \(mark(step.outcome)) \(scenario) › \(step.name)"
        if let request = step.request, let response = step.response {
            let path = URL(string: request.url)?.path ?? request.url
            line += "  \(request.method) \(path) → \(response.status)"
            if step.attempts > 1 { line += " after \(step.attempts) attempts" }
            line += " (\(Int(step.milliseconds.rounded())) ms)"
        }
        return line
    }

    /// The closing line: counts in the `N passed, N failed` form CI tools read.
    func summary(_ results: [ScenarioResult], seconds: Double) -> String {
        let passed = results.filter { $0.outcome == .passed }.count
        return "\(passed) passed, \(results.count - passed) failed" + String(format: " (%.2f s)", seconds)
    }
}
