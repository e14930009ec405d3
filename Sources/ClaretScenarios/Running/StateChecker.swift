import ClaretModel
import ExactJSON

/// Compares the inventory read back with a scenario's `state` expectation.
enum StateChecker {
    static func compare(_ rows: [JSONValue], with state: StateExpectation) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        if let count = state.count {
            mismatches += count.evaluate([.number(JSONNumber(rows.count))], at: .root).map { mismatch in
                Mismatch(
                    path: "state.count", kind: mismatch.kind, expected: mismatch.expected, actual: String(rows.count),
                    message: "state.count: expected \(count.phrase), got \(rows.count) rows")
            }
        }
        for expected in state.contains where !rows.contains(where: { matches($0, expected) }) {
            mismatches.append(
                Mismatch(
                    path: "state.contains", kind: .notContained, expected: expected.serialized(), actual: nil,
                    message: "state: no inventory row matches \(expected.serialized())"))
        }
        for unwanted in state.absent {
            for row in rows where matches(row, unwanted) {
                mismatches.append(
                    Mismatch(
                        path: "state.absent", kind: .unexpected, expected: "no row matching \(unwanted.serialized())",
                        actual: row.serialized(), message: "state: \(row.serialized()) should be gone"))
            }
        }
        if let exactly = state.exactly {
            if rows.count != exactly.count {
                mismatches.append(
                    Mismatch(
                        path: "state.exactly", kind: .lengthMismatch, expected: "\(exactly.count) rows",
                        actual: "\(rows.count) rows",
                        message: "state: expected exactly \(exactly.count) rows, found \(rows.count)"))
            }
            for (index, (row, expected)) in zip(rows, exactly).enumerated() where !matches(row, expected) {
                mismatches.append(
                    Mismatch(
                        path: "state.exactly[\(index)]", kind: .valueChanged, expected: expected.serialized(),
                        actual: row.serialized(),
                        message: "state row \(index): expected \(expected.serialized()), got \(row.serialized())"))
            }
        }
        return mismatches
    }

    /// Whether `row` has every field `partial` gives; numbers compare by value (`"12.345"` = `12.3450`).
    static func matches(_ row: JSONValue, _ partial: JSONValue) -> Bool {
        guard let fields = partial.object else { return false }
        return fields.allSatisfy { key, expected in
            guard let actual = row[key] else { return false }
            if let left = number(actual), let right = number(expected) { return left == right }
            return text(actual) == text(expected)
        }
    }

    private static func number(_ value: JSONValue) -> JSONNumber? {
        if let number = value.number { return number }
        return value.string.flatMap { JSONNumber(text: $0) }
    }

    private static func text(_ value: JSONValue) -> String {
        value.string ?? value.serialized()
    }
}
