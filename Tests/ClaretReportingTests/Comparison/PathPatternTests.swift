import Testing

@testable import ClaretReporting

@Suite("Path patterns select values in JSON bodies, CSV bodies and final states, or name a locator")
struct PathPatternTests {
    static func matches(_ pattern: String, _ path: String) throws -> Bool {
        try PathPattern(parsing: pattern).matches(path, orInside: false)
    }

    @Test(
        "patterns that select a path",
        arguments: [
            ("$.content.job_log_id", "$.content.job_log_id"),
            ("$..job_log_id", "$.content.job_log_id"),
            ("$..job_log_id", "$.job_log_id"),
            ("$.data[*].lot", "$.data[3].lot"),
            ("$.content.*", "$.content.status"),
            ("$[\"odd key\"].a", "$[\"odd key\"].a"),
            ("$['odd key'].a", "$[\"odd key\"].a"),
            ("csv[*].quantity", "csv[row 2].quantity"),
            ("csv[2].quantity", "csv[row 2].quantity"),
            ("state.rows[*].quantity", "state.rows[0].quantity"),
            ("x-*", "X-Request-Id"),
            ("STATUS", "status"),
        ])
    func selects(pattern: String, path: String) throws {
        #expect(try Self.matches(pattern, path))
    }

    @Test(
        "patterns that do not select a path",
        arguments: [
            ("$.content.job_log_id", "$.job_log_id"),
            ("$..job_log_id", "$.content.job_log_ids"),
            ("$.data[*].lot", "$.data.lot"),
            ("$.data[0]", "$.data[1]"),
            ("csv[*].quantity", "$.quantity"),
            ("$.content", "$.content.status"),
            ("x-*", "Location"),
            ("status", "$.status"),
        ])
    func doesNotSelect(pattern: String, path: String) throws {
        #expect(try !Self.matches(pattern, path))
    }

    @Test("a pattern written like a path parses to the same path the comparator writes")
    func roundTrip() throws {
        let path = ValuePath.json.appending(key: "errors").appending(key: "payload.2.date_filled").appending(index: 0)
        #expect(path.description == #"$.errors["payload.2.date_filled"][0]"#)
        #expect(try PathPattern(parsing: path.description).matches(path))
        let cell = ValuePath.csv.appending(index: 2).appending(key: "lot name")
        #expect(cell.description == #"csv[row 2]["lot name"]"#)
        #expect(try PathPattern(parsing: cell.description).matches(cell))
    }

    @Test("a malformed pattern is refused with a sentence naming it")
    func malformed() {
        #expect {
            try PathPattern(parsing: "$.a[")
        } throws: { error in
            (error as? ConfigurationError)?.message == "path $.a[: '[' is never closed"
        }
        #expect(throws: ConfigurationError.self) { try PathPattern(parsing: "$.a.") }
        #expect(throws: ConfigurationError.self) { try PathPattern(parsing: "$a") }
        #expect(throws: ConfigurationError.self) { try PathPattern(parsing: " ") }
    }

    @Test("* in a locator matches any run of characters, and nothing else")
    func globs() {
        #expect(PathPattern.glob("a*c", matches: "abbbc"))
        #expect(PathPattern.glob("a*", matches: "a"))
        #expect(PathPattern.glob("*b*", matches: "abc"))
        #expect(!PathPattern.glob("a*c", matches: "abcd"))
        #expect(!PathPattern.glob("abc", matches: "ab"))
    }
}
