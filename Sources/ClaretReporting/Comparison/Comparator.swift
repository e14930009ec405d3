import ClaretModel
import Foundation

/// Compares two runs of the same scenarios step by step, into a report of their differences.
///
/// Scenarios are aligned by name and steps by name within a scenario (the n-th step of a name with the
/// n-th of the same name on the other side); a scenario or step that ran on one side only is a finding
/// of kind `missing` (only on the left) or `extra` (only on the right). Aligned steps are compared by
/// status, chosen headers and body, after both sides were normalized (see ``Normalizer``). The left side
/// is what is expected, the right side what is actual.
public enum Comparator {
    /// The report of how `right` differs from `left`, the sides named by `sides` (such as "mock", "tenant").
    ///
    /// Each aligned step is a case; findings listed in `known` carry their reason and make a case `.known`
    /// when every finding is known. A failed case carries a `curl` command per side reproducing its request.
    public static func compare(
        left: [RecordedScenario], right: [RecordedScenario], sides: (String, String),
        normalizer: Normalizer = .standard, known: KnownDifferences = KnownDifferences(), title: String? = nil,
        generatedAt: String? = nil
    ) -> Report {
        let comparison = Comparison(left: sides.0, right: sides.1, normalizer: normalizer, known: known)
        var cases: [ReportCase] = []
        for (first, second) in aligned(left, right, by: \.name) {
            cases += comparison.cases(first, second)
        }
        return Report(
            title: title ?? "\(sides.0) vs \(sides.1)", generatedAt: generatedAt ?? Date().formatted(.iso8601),
            sides: [sides.0, sides.1], cases: cases)
    }

    /// `left` and `right` paired by name (the n-th of a name with the n-th of that name), in left order,
    /// with right-only elements placed after the right element they follow.
    static func aligned<Element>(_ left: [Element], _ right: [Element], by name: (Element) -> String)
        -> [(Element?, Element?)]
    {
        func keys(_ list: [Element]) -> [String] {
            var seen: [String: Int] = [:]
            return list.map { element in
                let key = name(element)
                seen[key, default: 0] += 1
                return "\(key)\u{0}\(seen[key, default: 0])"
            }
        }
        let leftKeys = keys(left)
        var leftIndex: [String: Int] = [:]
        for (index, key) in leftKeys.enumerated() { leftIndex[key] = index }
        var pairs: [(Element?, Element?)] = left.map { ($0, nil) }
        var position = Array(left.indices)
        var cursor = 0
        for (index, key) in keys(right).enumerated() {
            if let match = leftIndex[key] {
                pairs[position[match]].1 = right[index]
                cursor = position[match] + 1
            } else {
                pairs.insert((nil, right[index]), at: cursor)
                for shifted in position.indices where position[shifted] >= cursor { position[shifted] += 1 }
                cursor += 1
            }
        }
        return pairs
    }
}

/// One comparison's settings and the case-making that uses them.
struct Comparison {
    let left: String
    let right: String
    let normalizer: Normalizer
    let known: KnownDifferences

    /// The step name of the case for a scenario that ran on one side only.
    static let scenarioStep = "scenario"

    /// The cases of one aligned pair of scenarios.
    func cases(_ first: RecordedScenario?, _ second: RecordedScenario?) -> [ReportCase] {
        guard let first, let second else {
            return [onlyOneSide(first, second)]
        }
        let targets = (NormalizationTarget(first.target), NormalizationTarget(second.target))
        var cases = Comparator.aligned(first.steps, second.steps, by: \.name).map { pair in
            stepCase(pair.0, pair.1, scenario: first.name, file: first.file, targets: targets)
        }
        if let state = stateCase(first, second, targets: targets) { cases.append(state) }
        return cases
    }

    private func onlyOneSide(_ first: RecordedScenario?, _ second: RecordedScenario?) -> ReportCase {
        let scenario = (first ?? second)!
        let mismatch =
            first != nil
            ? Mismatch(
                path: "scenario", kind: .missing, expected: scenario.name, actual: nil,
                message: "scenario: '\(scenario.name)' ran on \(left), not on \(right)")
            : Mismatch(
                path: "scenario", kind: .extra, expected: "absent", actual: scenario.name,
                message: "scenario: '\(scenario.name)' ran on \(right), not on \(left)")
        return finish(
            ReportCase(
                scenario: scenario.name, file: scenario.file, step: Comparison.scenarioStep, outcome: .failed,
                milliseconds: scenario.milliseconds), mismatches: [mismatch], notes: [], requests: [])
    }

    private func stepCase(
        _ first: RecordedStep?, _ second: RecordedStep?, scenario: String, file: String,
        targets: (NormalizationTarget, NormalizationTarget)
    ) -> ReportCase {
        let step = (first ?? second)!
        var item = ReportCase(
            scenario: scenario, file: file, step: step.name, line: step.line, outcome: .passed,
            milliseconds: step.milliseconds,
            exchanges: [
                first.flatMap { Exchange(side: left, step: $0) }, second.flatMap { Exchange(side: right, step: $0) },
            ]
            .compactMap { $0 })
        let requests = [(left, first?.request), (right, second?.request)]
        guard let first, let second else {
            let mismatch =
                first != nil
                ? Mismatch(
                    path: "step", kind: .missing, expected: step.name, actual: nil,
                    message: "step: '\(step.name)' ran on \(left), not on \(right)")
                : Mismatch(
                    path: "step", kind: .extra, expected: "absent", actual: step.name,
                    message: "step: '\(step.name)' ran on \(right), not on \(left)")
            return finish(item, mismatches: [mismatch], notes: [], requests: requests)
        }
        switch (first.response, second.response) {
        case (let one?, let other?):
            var notes: [Normalization] = []
            let mismatches = differences(one, other, targets: targets, notes: &notes)
            return finish(item, mismatches: mismatches, notes: notes, requests: requests)
        case (let one?, nil):
            let mismatch = Mismatch(
                path: "response", kind: .missing, expected: "status \(one.status)", actual: nil,
                message: "response: \(left) answered \(one.status), \(right) has no response (\(why(second)))")
            return finish(item, mismatches: [mismatch], notes: [], requests: requests)
        case (nil, let other?):
            let mismatch = Mismatch(
                path: "response", kind: .extra, expected: "no response", actual: "status \(other.status)",
                message: "response: \(right) answered \(other.status), \(left) has no response (\(why(first)))")
            return finish(item, mismatches: [mismatch], notes: [], requests: requests)
        case (nil, nil):
            let bothSkipped = first.outcome == .skipped && second.outcome == .skipped
            item.outcome = bothSkipped ? .skipped : .error
            item.note = "no response on either side: \(left): \(why(first)); \(right): \(why(second))"
            if !bothSkipped { item.curl = curl(requests) }
            return item
        }
    }

    /// Why a step has no response, in a few words.
    private func why(_ step: RecordedStep) -> String {
        let reason = step.error.map { ": \($0)" } ?? ""
        return step.outcome.rawValue + reason
    }

    private func stateCase(
        _ first: RecordedScenario, _ second: RecordedScenario, targets: (NormalizationTarget, NormalizationTarget)
    ) -> ReportCase? {
        let name = RunReport.stateStepName
        var item = ReportCase(scenario: first.name, file: first.file, step: name, outcome: .passed)
        switch (first.state, second.state) {
        case (nil, nil):
            return nil
        case (let one?, let other?):
            guard one.outcome != .skipped, other.outcome != .skipped else {
                item.outcome = .skipped
                item.note = [(left, one), (right, other)].filter { $0.1.outcome == .skipped }
                    .map { "\($0.0): \($0.1.note ?? "not checked")" }.joined(separator: "; ")
                return item
            }
            var notes: [Normalization] = []
            let root = ValuePath.state.appending(key: "rows")
            let rows = (
                normalizer.normalize(.array(one.rows), at: root, target: targets.0, notes: &notes),
                normalizer.normalize(.array(other.rows), at: root, target: targets.1, notes: &notes)
            )
            return finish(item, mismatches: differences(rows.0, rows.1, at: root), notes: notes, requests: [])
        case (_?, nil):
            let mismatch = Mismatch(
                path: "state", kind: .missing, expected: "a final state check", actual: nil,
                message: "state: \(left) checked the final state, \(right) did not")
            return finish(item, mismatches: [mismatch], notes: [], requests: [])
        case (nil, _?):
            let mismatch = Mismatch(
                path: "state", kind: .extra, expected: "absent", actual: "a final state check",
                message: "state: \(right) checked the final state, \(left) did not")
            return finish(item, mismatches: [mismatch], notes: [], requests: [])
        }
    }

    /// `item` with its findings (known reasons attached, failures first), outcome, normalizations and,
    /// when it failed, the curl commands of its requests.
    private func finish(
        _ item: ReportCase, mismatches: [Mismatch], notes: [Normalization], requests: [(String, RecordedRequest?)]
    ) -> ReportCase {
        var item = item
        item.findings = known.findings(for: mismatches, scenario: item.scenario, step: item.step)
        item.outcome = ReportCase.outcome(of: item.findings)
        var seen: Set<String> = []
        item.normalizations = notes.filter { seen.insert("\($0.path)\u{0}\($0.rule)").inserted }
        if item.outcome == .failed { item.curl = curl(requests) }
        return item
    }

    /// One command per side that sent a request, each after a `# side` line.
    private func curl(_ requests: [(String, RecordedRequest?)]) -> String? {
        let commands = requests.compactMap { side, request in
            request.map { "# \(side)\n" + CurlCommand.make(for: $0) }
        }
        return commands.isEmpty ? nil : commands.joined(separator: "\n\n")
    }
}
