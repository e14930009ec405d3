import ExactJSON
import Testing
import YAMLReader

@testable import ClaretScenarios

@Suite("StateChecker compares the inventory read back with a scenario's state expectation")
struct StateCheckerTests {
    /// Two rows in the read-back's shape and order.
    static let rows: [JSONValue] = [
        [
            "item": "124", "bin": "SS-02", "location_area": "North", "location": "ZAM-WINERY", "lot": "FG-GEN-LOT",
            "date_filled": "2024-05-01", "quantity": .number(JSONNumber(text: "12.345")!), "uom": "Gallon",
        ],
        [
            "item": "ZAMNVCAS19", "bin": "SS-01", "location_area": "North", "location": "ZAM-WINERY",
            "lot": "RM19CASRUT.ZAM", "date_filled": "2023-08-01", "quantity": 5000, "uom": "Gallon",
        ],
    ]

    static func expectation(
        count: Matcher? = nil, contains: [JSONValue] = [], absent: [JSONValue] = [], exactly: [JSONValue]? = nil
    ) -> StateExpectation {
        StateExpectation(
            count: count, contains: contains, absent: absent, exactly: exactly,
            position: SourcePosition(line: 1, column: 1))
    }

    @Test("partial rows match on the fields they give; numbers compare by value, also against text")
    func partialRows() {
        let mismatches = StateChecker.compare(
            Self.rows,
            with: Self.expectation(
                count: .equals(2),
                contains: [
                    ["item": "124", "quantity": "12.3450"], ["quantity": .number(JSONNumber(text: "5e3")!)],
                    ["location": "ZAM-WINERY", "bin": "SS-01"],
                ],
                absent: [["item": "124", "bin": "SS-01"], ["uom": "gal"]],
                exactly: [["item": "124"], ["item": "ZAMNVCAS19", "quantity": 5000]]))
        #expect(mismatches.isEmpty)
    }

    @Test("a wrong count is reported at state.count with the number of rows")
    func count() {
        let mismatches = StateChecker.compare(Self.rows, with: Self.expectation(count: .compare(.greaterThan, 2)))
        #expect(mismatches.map(\.path) == ["state.count"])
        #expect(mismatches.map(\.actual) == ["2"])
        #expect(mismatches.map(\.message) == ["state.count: expected a number > 2, got 2 rows"])
    }

    @Test("a row that no inventory row matches is not contained")
    func contains() {
        let mismatches = StateChecker.compare(
            Self.rows, with: Self.expectation(contains: [["item": "124", "bin": "SS-01"]]))
        #expect(mismatches.map(\.kind) == [.notContained])
        #expect(mismatches.map(\.message) == [#"state: no inventory row matches {"item":"124","bin":"SS-01"}"#])
    }

    @Test("a field the read-back does not have never matches")
    func unknownField() {
        let mismatches = StateChecker.compare(Self.rows, with: Self.expectation(contains: [["colour": "red"]]))
        #expect(mismatches.map(\.kind) == [.notContained])
    }

    @Test("every row matching an absent row is reported")
    func absent() {
        let mismatches = StateChecker.compare(Self.rows, with: Self.expectation(absent: [["location": "ZAM-WINERY"]]))
        #expect(mismatches.map(\.path) == ["state.absent", "state.absent"])
        #expect(mismatches.map(\.kind) == [.unexpected, .unexpected])
        #expect(mismatches.map(\.actual) == Self.rows.map { $0.serialized() })
    }

    @Test("exactly checks the number of rows, then each row in order")
    func exactly() {
        let shorter = StateChecker.compare(Self.rows, with: Self.expectation(exactly: [["item": "124"]]))
        #expect(shorter.map(\.path) == ["state.exactly"])
        #expect(shorter.map(\.message) == ["state: expected exactly 1 rows, found 2"])

        let swapped = StateChecker.compare(
            Self.rows, with: Self.expectation(exactly: [["item": "ZAMNVCAS19"], ["item": "124"]]))
        #expect(swapped.map(\.path) == ["state.exactly[0]", "state.exactly[1]"])
        #expect(swapped.map(\.kind) == [.valueChanged, .valueChanged])
    }

    @Test("an empty inventory passes 'exactly: []' and fails any 'contains'")
    func emptyInventory() {
        #expect(StateChecker.compare([], with: Self.expectation(count: .equals(0), exactly: [])).isEmpty)
        #expect(StateChecker.compare([], with: Self.expectation(contains: [["item": "124"]])).count == 1)
    }
}
