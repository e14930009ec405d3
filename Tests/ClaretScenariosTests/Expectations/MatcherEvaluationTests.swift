import ClaretModel
import ExactJSON
import Testing

@testable import ClaretScenarios

@Suite("Matchers check the values at a path and report each difference as a Mismatch")
struct MatcherEvaluationTests {
    /// A response-like document; numbers keep the exact text written here.
    static let documentText = #"""
        {"message": "Inventory import processed.",
         "content": {"status": "completed",
                     "summary": {"received": 3, "created": 2, "updated": 1, "failed": 0},
                     "errors": [],
                     "job_log_id": 7},
         "token": "1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ",
         "data": [{"item": "122-16", "quantity": 5000}, {"item": "124", "quantity": 1e3}],
         "quantities": [5000, 1e3, 12.345],
         "quantity": 12.3450,
         "big": 9007199254740993,
         "tags": ["a", "b"],
         "name": "héllo",
         "nothing": null}
        """#

    /// The mismatches of the JSON spec `spec` at `path` in the document.
    static func check(_ spec: String, at path: String) throws -> [Mismatch] {
        let matcher = try Matcher.parse(JSONParser.parse(spec))
        return try matcher.evaluate(in: JSONParser.parse(documentText), at: JSONPath(parsing: path))
    }

    @Test(
        "matchers that hold report nothing",
        arguments: [
            ("2", "$.content.summary.created"),
            ("1000", "$.data[1].quantity"),
            (#"{"failed": 0, "updated": 1, "created": 2, "received": 3}"#, "$.content.summary"),
            (#"{"equals": 12.345}"#, "$.quantity"),
            (#"{"not_equals": "failed"}"#, "$.content.status"),
            (#"{"type": "string"}"#, "$.content.status"),
            (#"{"type": "integer"}"#, "$.data[1].quantity"),
            (#"{"type": "number"}"#, "$.quantity"),
            (#"{"type": "null"}"#, "$.nothing"),
            (#"{"type": "array"}"#, "$.content.errors"),
            (#"{"type": "object"}"#, "$.content"),
            (#"{"matches": "^\\d+\\|[A-Za-z0-9]{40}$"}"#, "$.token"),
            (#"{"matches": "bfDo"}"#, "$.token"),
            (#"{"exists": true}"#, "$.nothing"),
            (#"{"exists": false}"#, "$.content.job_status_link"),
            (#"{"gte": 12.345}"#, "$.quantity"),
            (#"{"lt": 12.3451}"#, "$.quantity"),
            (#"{"gt": 9007199254740992}"#, "$.big"),
            (#"{"length": 2}"#, "$.tags"),
            (#"{"length": 5}"#, "$.name"),
            (#"{"length": {"gte": 4, "lte": 4}}"#, "$.content.summary"),
            (#"{"contains": "b"}"#, "$.tags"),
            (#"{"contains": {"item": "124", "quantity": 1000}}"#, "$.data"),
            (#"{"contains": {"matches": "^b$"}}"#, "$.tags"),
            (#"{"contains": "import"}"#, "$.message"),
            (#"{"contains": "job_log_id"}"#, "$.content"),
            (#"{"in": ["completed", "completed_with_errors"]}"#, "$.content.status"),
            (#"{"in": [1000]}"#, "$.data[1].quantity"),
            (#"{"each": {"type": "object"}}"#, "$.data"),
            (#"{"each": {"type": "string"}}"#, "$.content.errors"),
            (#"{"type": "integer", "gte": 1}"#, "$.content.summary.created"),
            (#"{"matches": "^[0-9-]+$"}"#, "$.data[*].item"),
        ])
    func passing(spec: String, path: String) throws {
        #expect(try Self.check(spec, at: path) == [])
    }

    @Test("equals reports a different scalar as a changed value")
    func equalsValueChanged() throws {
        #expect(
            try Self.check("3", at: "$.content.summary.created") == [
                Mismatch(
                    path: "$.content.summary.created", kind: .valueChanged, expected: "3", actual: "2",
                    message: "$.content.summary.created: expected 3, got 2")
            ])
    }

    @Test("equals reports a value of another type as a changed type, naming both types")
    func equalsTypeChanged() throws {
        #expect(
            try Self.check(#""2""#, at: "$.content.summary.created") == [
                Mismatch(
                    path: "$.content.summary.created", kind: .typeChanged, expected: #""2""#, actual: "2",
                    message: #"$.content.summary.created: expected "2" (string), got 2 (number)"#)
            ])
        #expect(
            try Self.check("null", at: "$.content.status") == [
                Mismatch(
                    path: "$.content.status", kind: .typeChanged, expected: "null", actual: #""completed""#,
                    message: #"$.content.status: expected null, got "completed" (string)"#)
            ])
    }

    @Test("equals on objects reports each changed, missing and extra member at its own path")
    func equalsObjectDifferences() throws {
        #expect(
            try Self.check(#"{"received": 3, "created": 1, "skipped": 0}"#, at: "$.content.summary") == [
                Mismatch(
                    path: "$.content.summary.created", kind: .valueChanged, expected: "1", actual: "2",
                    message: "$.content.summary.created: expected 1, got 2"),
                Mismatch(
                    path: "$.content.summary.skipped", kind: .missing, expected: "0", actual: nil,
                    message: "$.content.summary.skipped: expected 0, but it is absent"),
                Mismatch(
                    path: "$.content.summary.updated", kind: .extra, expected: "absent", actual: "1",
                    message: "$.content.summary.updated: got 1, which was not expected"),
                Mismatch(
                    path: "$.content.summary.failed", kind: .extra, expected: "absent", actual: "0",
                    message: "$.content.summary.failed: got 0, which was not expected"),
            ])
    }

    @Test("equals on arrays compares by position, reporting missing and extra elements")
    func equalsArrayDifferences() throws {
        #expect(
            try Self.check(#"["a"]"#, at: "$.tags") == [
                Mismatch(
                    path: "$.tags[1]", kind: .extra, expected: "absent", actual: #""b""#,
                    message: #"$.tags[1]: got "b", which was not expected"#)
            ])
        #expect(
            try Self.check(#"["a", "c", "d"]"#, at: "$.tags") == [
                Mismatch(
                    path: "$.tags[1]", kind: .valueChanged, expected: #""c""#, actual: #""b""#,
                    message: #"$.tags[1]: expected "c", got "b""#),
                Mismatch(
                    path: "$.tags[2]", kind: .missing, expected: #""d""#, actual: nil,
                    message: #"$.tags[2]: expected "d", but it is absent"#),
            ])
        #expect(try Self.check(#"["b", "a"]"#, at: "$.tags").map(\.kind) == [.valueChanged, .valueChanged])
    }

    @Test("anything but exists: false reports an absent value once as missing")
    func absentValues() throws {
        #expect(
            try Self.check("3", at: "$.content.missing") == [
                Mismatch(
                    path: "$.content.missing", kind: .missing, expected: "3", actual: nil,
                    message: "$.content.missing: expected 3, but it is absent")
            ])
        #expect(
            try Self.check(#"{"type": "integer", "gte": 1}"#, at: "$.content.missing") == [
                Mismatch(
                    path: "$.content.missing", kind: .missing, expected: "type integer and >= 1", actual: nil,
                    message: "$.content.missing: expected an integer and a number >= 1, but it is absent")
            ])
        #expect(
            try Self.check(#"{"exists": true}"#, at: "$.data[5]") == [
                Mismatch(
                    path: "$.data[5]", kind: .missing, expected: "exists", actual: nil,
                    message: "$.data[5]: expected a value, but it is absent")
            ])
    }

    @Test("exists: false reports a present value, even null, as unexpected")
    func unexpectedValue() throws {
        #expect(
            try Self.check(#"{"exists": false}"#, at: "$.nothing") == [
                Mismatch(
                    path: "$.nothing", kind: .unexpected, expected: "absent", actual: "null",
                    message: "$.nothing: expected no value, got null")
            ])
    }

    @Test("not_equals reports the unwanted value")
    func notEqualsFails() throws {
        #expect(
            try Self.check(#"{"not_equals": "completed"}"#, at: "$.content.status") == [
                Mismatch(
                    path: "$.content.status", kind: .valueChanged, expected: #"not equals "completed""#,
                    actual: #""completed""#,
                    message: #"$.content.status: expected anything but "completed", got "completed""#)
            ])
    }

    @Test("type reports a value of another type, naming the actual type")
    func typeFails() throws {
        #expect(
            try Self.check(#"{"type": "integer"}"#, at: "$.quantity") == [
                Mismatch(
                    path: "$.quantity", kind: .typeChanged, expected: "type integer", actual: "12.3450",
                    message: "$.quantity: expected an integer, got 12.3450 (number)")
            ])
        #expect(
            try Self.check(#"{"type": "boolean"}"#, at: "$.nothing") == [
                Mismatch(
                    path: "$.nothing", kind: .typeChanged, expected: "type boolean", actual: "null",
                    message: "$.nothing: expected a boolean, got null")
            ])
    }

    @Test("matches searches anywhere unless anchored, and reports a string it does not find")
    func matchesFails() throws {
        #expect(
            try Self.check(#"{"matches": "^bfDo"}"#, at: "$.token") == [
                Mismatch(
                    path: "$.token", kind: .patternMismatch, expected: "matches /^bfDo/",
                    actual: #""1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ""#,
                    message:
                        #"$.token: expected a string matching /^bfDo/, got "1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ""#
                )
            ])
        #expect(
            try Self.check(#"{"matches": "^7$"}"#, at: "$.content.job_log_id") == [
                Mismatch(
                    path: "$.content.job_log_id", kind: .typeChanged, expected: "matches /^7$/", actual: "7",
                    message: "$.content.job_log_id: expected a string matching /^7$/, got 7 (number)")
            ])
    }

    @Test("a pattern built in code that does not compile fails instead of crashing")
    func invalidPatternInCode() throws {
        let mismatches = try Matcher.matches("(").evaluate(["x"], at: JSONPath(parsing: "$.x"))
        #expect(mismatches.map(\.kind) == [.patternMismatch])
        #expect(mismatches.first?.message == #"$.x: /(/ is not a valid regular expression, so "x" cannot match it"#)
    }

    @Test("comparisons are exact and report numbers out of range or values that are not numbers")
    func comparisonsFail() throws {
        #expect(
            try Self.check(#"{"gt": 12.345}"#, at: "$.quantity") == [
                Mismatch(
                    path: "$.quantity", kind: .outOfRange, expected: "> 12.345", actual: "12.3450",
                    message: "$.quantity: expected a number > 12.345, got 12.3450")
            ])
        #expect(try Self.check(#"{"lte": 9007199254740992}"#, at: "$.big").map(\.kind) == [.outOfRange])
        #expect(try Self.check(#"{"lt": 1000}"#, at: "$.data[1].quantity").map(\.expected) == ["< 1000"])
        #expect(
            try Self.check(#"{"gte": 1}"#, at: "$.content.status") == [
                Mismatch(
                    path: "$.content.status", kind: .typeChanged, expected: ">= 1", actual: #""completed""#,
                    message: #"$.content.status: expected a number >= 1, got "completed" (string)"#)
            ])
    }

    @Test("length reports the count it found, and a value that has no length")
    func lengthFails() throws {
        #expect(
            try Self.check(#"{"length": {"gte": 1}}"#, at: "$.content.errors") == [
                Mismatch(
                    path: "$.content.errors", kind: .lengthMismatch, expected: "length >= 1", actual: "0",
                    message: "$.content.errors: expected length >= 1, got length 0")
            ])
        #expect(
            try Self.check(#"{"length": 4}"#, at: "$.name") == [
                Mismatch(
                    path: "$.name", kind: .lengthMismatch, expected: "length 4", actual: "5",
                    message: "$.name: expected length 4, got length 5")
            ])
        #expect(
            try Self.check(#"{"length": 3}"#, at: "$.content.job_log_id") == [
                Mismatch(
                    path: "$.content.job_log_id", kind: .typeChanged, expected: "length 3", actual: "7",
                    message: "$.content.job_log_id: expected an array, string or object with length 3, got 7 (number)")
            ])
    }

    @Test("contains reports an array, string or object that lacks the element, substring or key")
    func containsFails() throws {
        #expect(
            try Self.check(#"{"contains": "z"}"#, at: "$.tags") == [
                Mismatch(
                    path: "$.tags", kind: .notContained, expected: #"contains "z""#, actual: #"["a","b"]"#,
                    message: #"$.tags: expected an array containing "z", got ["a","b"]"#)
            ])
        #expect(
            try Self.check(#"{"contains": {"type": "number"}}"#, at: "$.tags") == [
                Mismatch(
                    path: "$.tags", kind: .notContained, expected: "contains (type number)", actual: #"["a","b"]"#,
                    message: #"$.tags: expected an array with an element that is a number, got ["a","b"]"#)
            ])
        #expect(
            try Self.check(#"{"contains": "export"}"#, at: "$.message") == [
                Mismatch(
                    path: "$.message", kind: .notContained, expected: #"contains "export""#,
                    actual: #""Inventory import processed.""#,
                    message: #"$.message: expected a string containing "export", got "Inventory import processed.""#)
            ])
        #expect(
            try Self.check(#"{"contains": "skipped"}"#, at: "$.content.summary") == [
                Mismatch(
                    path: "$.content.summary", kind: .notContained, expected: #"contains "skipped""#,
                    actual: #"{"received":3,"created":2,"updated":1,"failed":0}"#,
                    message: #"$.content.summary: expected an object with key "skipped", "#
                        + #"got {"received":3,"created":2,"updated":1,"failed":0}"#)
            ])
        #expect(
            try Self.check(#"{"contains": 3}"#, at: "$.content.job_log_id") == [
                Mismatch(
                    path: "$.content.job_log_id", kind: .typeChanged, expected: "contains 3", actual: "7",
                    message: "$.content.job_log_id: expected an array containing 3, got 7 (number)")
            ])
    }

    @Test("in reports a value that is none of the listed ones")
    func inFails() throws {
        #expect(
            try Self.check(#"{"in": ["queued", "processing"]}"#, at: "$.content.status") == [
                Mismatch(
                    path: "$.content.status", kind: .valueChanged, expected: #"in ["queued","processing"]"#,
                    actual: #""completed""#,
                    message: #"$.content.status: expected one of ["queued","processing"], got "completed""#)
            ])
    }

    @Test("each reports every failing element at its own index, and a value that is not an array")
    func eachFails() throws {
        #expect(
            try Self.check(#"{"each": {"gte": 1000}}"#, at: "$.quantities") == [
                Mismatch(
                    path: "$.quantities[2]", kind: .outOfRange, expected: ">= 1000", actual: "12.345",
                    message: "$.quantities[2]: expected a number >= 1000, got 12.345")
            ])
        #expect(
            try Self.check(#"{"each": {"type": "string"}}"#, at: "$.content.status") == [
                Mismatch(
                    path: "$.content.status", kind: .typeChanged, expected: "each (type string)",
                    actual: #""completed""#,
                    message: #"$.content.status: expected an array in which every element is a string, "#
                        + #"got "completed" (string)"#)
            ])
    }

    @Test("all matchers in one object are checked, each failure reported")
    func allFail() throws {
        #expect(
            try Self.check(#"{"type": "integer", "gte": 1}"#, at: "$.content.summary.failed") == [
                Mismatch(
                    path: "$.content.summary.failed", kind: .outOfRange, expected: ">= 1", actual: "0",
                    message: "$.content.summary.failed: expected a number >= 1, got 0")
            ])
        #expect(
            try Self.check(#"{"type": "integer", "gte": 1}"#, at: "$.content.status").map(\.kind) == [
                .typeChanged, .typeChanged,
            ])
    }

    @Test("a wildcard path checks every selected value, each reported at its own path")
    func wildcardPaths() throws {
        #expect(
            try Self.check(#"{"matches": "^Z"}"#, at: "$.data[*].item") == [
                Mismatch(
                    path: "$.data[0].item", kind: .patternMismatch, expected: "matches /^Z/", actual: #""122-16""#,
                    message: #"$.data[0].item: expected a string matching /^Z/, got "122-16""#),
                Mismatch(
                    path: "$.data[1].item", kind: .patternMismatch, expected: "matches /^Z/", actual: #""124""#,
                    message: #"$.data[1].item: expected a string matching /^Z/, got "124""#),
            ])
        #expect(
            try Self.check(#"{"type": "string"}"#, at: "$.content.errors[*]") == [
                Mismatch(
                    path: "$.content.errors[*]", kind: .missing, expected: "type string", actual: nil,
                    message: "$.content.errors[*]: expected a string, but it is absent")
            ])
    }

    @Test("evaluating bare values reports them at the path given")
    func bareValues() throws {
        let path = try JSONPath(parsing: "$.data[*].quantity")
        let mismatches = Matcher.compare(.lessThan, 1000).evaluate([5000, 999], at: path)
        #expect(mismatches.map(\.path) == ["$.data[*].quantity"])
        #expect(mismatches.map(\.actual) == ["5000"])
        #expect(Matcher.exists(false).evaluate([], at: path) == [])
        #expect(Matcher.exists(false).acceptsAbsence)
        #expect(!Matcher.equals(1).acceptsAbsence)
    }
}
