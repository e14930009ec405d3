import ExactJSON
import Testing

@testable import ClaretScenarios

@Suite("Matcher specs are read from scenario JSON, with suggestions for mistakes")
struct MatcherParsingTests {
    /// The matcher read from the JSON text `spec`.
    static func parse(_ spec: String) throws -> Matcher {
        try Matcher.parse(JSONParser.parse(spec))
    }

    /// The error reading the JSON text `spec` gives, or nil when it reads.
    static func error(_ spec: String) throws -> MatcherError? {
        let value = try JSONParser.parse(spec)
        do {
            _ = try Matcher.parse(value)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a plain value means equals that value",
        arguments: [#""completed""#, "2", "1e3", "true", "null", #"["a","b"]"#, #"{"item":"124"}"#, "{}"])
    func plainValues(spec: String) throws {
        #expect(try Self.parse(spec) == .equals(JSONParser.parse(spec)))
    }

    @Test("an object with a matcher keyword inside 'equals' is compared literally")
    func literalKeywordObject() throws {
        #expect(try Self.parse(#"{"equals": {"type": "pallet"}}"#) == .equals(["type": "pallet"]))
    }

    @Test("one keyword gives that matcher, several give all of them in the order written")
    func keywordObjects() throws {
        #expect(try Self.parse(#"{"type": "integer"}"#) == .type(.integer))
        #expect(
            try Self.parse(#"{"type": "integer", "gte": 1, "lt": 1e3}"#)
                == .all([.type(.integer), .compare(.greaterThanOrEqual, 1), .compare(.lessThan, 1000)]))
    }

    @Test("every keyword reads its operand")
    func everyKeyword() throws {
        #expect(try Self.parse(#"{"not_equals": "failed"}"#) == .notEquals("failed"))
        #expect(try Self.parse(#"{"matches": "^\\d+\\|"}"#) == .matches(#"^\d+\|"#))
        #expect(try Self.parse(#"{"exists": false}"#) == .exists(false))
        #expect(try Self.parse(#"{"gt": 0}"#) == .compare(.greaterThan, 0))
        #expect(try Self.parse(#"{"lte": 1000}"#) == .compare(.lessThanOrEqual, 1000))
        #expect(try Self.parse(#"{"length": 2}"#) == .length(.equals(2)))
        #expect(try Self.parse(#"{"length": {"gte": 1}}"#) == .length(.compare(.greaterThanOrEqual, 1)))
        #expect(try Self.parse(#"{"contains": "b"}"#) == .contains(.equals("b")))
        #expect(try Self.parse(#"{"contains": {"type": "number"}}"#) == .contains(.type(.number)))
        #expect(try Self.parse(#"{"in": ["queued", "processing"]}"#) == .isIn(["queued", "processing"]))
        #expect(try Self.parse(#"{"each": {"type": "string"}}"#) == .each(.type(.string)))
    }

    @Test(
        "mistakes are refused with a code, the path inside the spec and a sentence",
        arguments: [
            (
                #"{"lenght": 3, "type": "array"}"#, MatcherError.Kind.unknownMatcher, "lenght",
                "unknown matcher 'lenght'; did you mean 'length'?"
            ),
            (
                #"{"type": "string", "regex": "^a"}"#, .unknownMatcher, "regex",
                "unknown matcher 'regex'; did you mean 'matches'?"
            ),
            (
                #"{"length": {"gtee": 1, "lt": 5}}"#, .unknownMatcher, "length.gtee",
                "unknown matcher 'gtee'; did you mean 'gte'?"
            ),
            (
                #"{"type": "string", "foo": 1}"#, .unknownMatcher, "foo",
                "unknown matcher 'foo'; matchers are equals, not_equals, type, matches, exists, gt, gte, lt, lte, "
                    + #"length, contains, in, each (to compare with an object that has these keys literally, "#
                    + #"use {"equals": {...}})"#
            ),
            (
                #"{"status": "completed", "type": "inventory-import", "count": 1}"#, .unknownMatcher, "status",
                "unknown matcher 'status'; matchers are equals, not_equals, type, matches, exists, gt, gte, lt, lte, "
                    + #"length, contains, in, each (to compare with an object that has these keys literally, "#
                    + #"use {"equals": {...}})"#
            ),
            (
                #"{"count": 1, "job": 7, "type": "inventory-import"}"#, .unknownMatcher, "count",
                "unknown matcher 'count'; did you mean 'length'? "
                    + #"(to compare with an object that has these keys literally, use {"equals": {...}})"#
            ),
            (#"{"tpye": "string", "gte": 1}"#, .unknownMatcher, "tpye", "unknown matcher 'tpye'; did you mean 'type'?"),
            (#"{"gte": 1, "gte": 2}"#, .duplicateMatcher, "gte", "matcher 'gte' is given more than once"),
            (#"{"type": "strng"}"#, .invalidOperand, "type", "unknown type 'strng'; did you mean 'string'?"),
            (#"{"type": "int"}"#, .invalidOperand, "type", "unknown type 'int'; did you mean 'integer'?"),
            (
                #"{"type": "pallet"}"#, .invalidOperand, "type",
                "unknown type 'pallet'; types are string, number, integer, boolean, null, array, object "
                    + #"(to compare with an object literally, use {"equals": {...}})"#
            ),
            (
                #"{"type": 3}"#, .invalidOperand, "type",
                "type takes one of string, number, integer, boolean, null, array, object, got 3 (number)"
            ),
            (#"{"gt": "5"}"#, .invalidOperand, "gt", #"gt takes a number, got "5" (string)"#),
            (#"{"length": {"gte": "x"}}"#, .invalidOperand, "length.gte", #"gte takes a number, got "x" (string)"#),
            (
                #"{"length": -1}"#, .invalidOperand, "length",
                "length takes a count or count matchers (equals, not_equals, gt, gte, lt, lte, in), "
                    + #"such as {"gte": 1}; -1 is not a count"#
            ),
            (
                #"{"length": 1.5}"#, .invalidOperand, "length",
                "length takes a count or count matchers (equals, not_equals, gt, gte, lt, lte, in), "
                    + #"such as {"gte": 1}; 1.5 is not a count"#
            ),
            (
                #"{"length": "3"}"#, .invalidOperand, "length",
                "length takes a count or count matchers (equals, not_equals, gt, gte, lt, lte, in), "
                    + #"such as {"gte": 1}, got "3" (string)"#
            ),
            (
                #"{"length": {"matches": "x"}}"#, .invalidOperand, "length.matches",
                "'matches' does not apply to a count; length takes a count or count matchers "
                    + #"(equals, not_equals, gt, gte, lt, lte, in), such as {"gte": 1}"#
            ),
            (#"{"matches": "("}"#, .invalidPattern, "matches", "/(/ is not a valid regular expression"),
            (
                #"{"matches": 5}"#, .invalidOperand, "matches",
                "matches takes a regular expression string, got 5 (number)"
            ),
            (#"{"exists": "yes"}"#, .invalidOperand, "exists", #"exists takes true or false, got "yes" (string)"#),
            (#"{"in": []}"#, .invalidOperand, "in", "in takes a non-empty array of values, got [] (array)"),
            (
                #"{"in": "queued"}"#, .invalidOperand, "in",
                #"in takes a non-empty array of values, got "queued" (string)"#
            ),
            (
                #"{"exists": false, "type": "string"}"#, .conflictingMatchers, "exists",
                "'exists: false' cannot be combined with other matchers: an absent value has nothing to check"
            ),
            (
                #"{"each": {"contains": {"type": "nmber"}}}"#, .invalidOperand, "each.contains.type",
                "unknown type 'nmber'; did you mean 'number'?"
            ),
        ])
    func mistakes(spec: String, kind: MatcherError.Kind, path: String, message: String) throws {
        let error = try #require(try Self.error(spec))
        #expect(error.kind == kind)
        #expect(error.path == path)
        #expect(error.message == message)
    }

    @Test("a matcher error's description puts the path inside the spec first")
    func errorDescription() throws {
        let error = try #require(try Self.error(#"{"length": {"gte": "x"}}"#))
        #expect(error.description == #"length.gte: gte takes a number, got "x" (string)"#)
        #expect(error.code == "invalid_operand")
    }

    @Test(
        "a matcher describes itself for people",
        arguments: [
            ("3", "equals 3"),
            (#"{"equals": {"type": "pallet"}}"#, #"equals {"type":"pallet"}"#),
            (#"{"not_equals": null}"#, "not equals null"),
            (#"{"type": "integer"}"#, "type integer"),
            (#"{"matches": "^\\d+\\|"}"#, #"matches /^\d+\|/"#),
            (#"{"exists": true}"#, "exists"),
            (#"{"exists": false}"#, "absent"),
            (#"{"lt": 1e3}"#, "< 1e3"),
            (#"{"length": 3}"#, "length 3"),
            (#"{"length": {"gte": 1}}"#, "length >= 1"),
            (#"{"length": {"gte": 1, "lte": 5}}"#, "length >= 1 and <= 5"),
            (#"{"contains": "b"}"#, #"contains "b""#),
            (#"{"contains": {"type": "number"}}"#, "contains (type number)"),
            (#"{"in": ["a", 1]}"#, #"in ["a",1]"#),
            (#"{"each": {"type": "string", "length": {"gt": 0}}}"#, "each (type string and length > 0)"),
            (#"{"type": "integer", "gte": 1}"#, "type integer and >= 1"),
        ])
    func descriptions(spec: String, description: String) throws {
        #expect(try Self.parse(spec).description == description)
    }

    @Test(
        "integer means a whole-number value however it is written",
        arguments: [
            ("3", true), ("-3", true), ("3.0", true), ("1e3", true), ("1.5e1", true), ("-0", true), ("0.0e-7", true),
            ("1E+2", true), ("1e99999999999999999999", true), ("1.5", false), ("1e-1", false), ("12.345", false),
            ("10e-2", false), ("100e-2", true), ("1e-99999999999999999999", false),
        ])
    func wholeNumbers(text: String, isWhole: Bool) throws {
        let number = try #require(JSONNumber(text: text))
        #expect(Matcher.ValueType.integer.admits(.number(number)) == isWhole)
    }
}
