import ExactJSON
import Foundation

extension Matcher {
    /// The keywords a matcher object may use, in the order they are documented.
    public static let keywords: [String] = [
        "equals", "not_equals", "type", "matches", "exists", "gt", "gte", "lt", "lte", "length", "contains", "in",
        "each",
    ]

    /// Words from other tools that people write for a keyword, mapped to the keyword meant.
    private static let keywordAliases: [String: String] = [
        "eq": "equals", "equal": "equals", "ne": "not_equals", "neq": "not_equals",
        "not": "not_equals", "regex": "matches", "pattern": "matches", "match": "matches", "present": "exists",
        "min": "gte", "max": "lte", "ge": "gte", "le": "lte", "size": "length", "count": "length", "len": "length",
        "includes": "contains", "one_of": "in", "any_of": "in", "enum": "in", "every": "each",
    ]

    /// Type names from other tools, mapped to the type meant.
    private static let typeAliases: [String: String] = [
        "bool": "boolean", "int": "integer", "str": "string", "text": "string", "float": "number",
        "decimal": "number", "double": "number", "list": "array", "dict": "object", "map": "object",
    ]

    /// The keywords a `length` matcher may use: those that make sense for a count.
    private static let countKeywords = "equals, not_equals, gt, gte, lt, lte, in"

    /// Reads a matcher from a scenario's JSON spec.
    ///
    /// A plain value (string, number, Boolean, null, array, or an object with no keyword keys) means
    /// `equals` that value. An object whose keys are all keywords means all of them: `{"type": "integer",
    /// "gte": 1}`. Mixing keywords with other keys is refused, naming the stray key; to compare with an
    /// object that literally has keyword keys, write `{"equals": {...}}`. `length`, `contains` and `each`
    /// take a nested spec read the same way; `length` also takes a plain count.
    public static func parse(_ spec: JSONValue) throws(MatcherError) -> Matcher {
        try parse(spec, at: [])
    }

    /// Reads `spec`, found at the keyword path `trail` inside the whole spec.
    private static func parse(_ spec: JSONValue, at trail: [String]) throws(MatcherError) -> Matcher {
        guard case .object(let object) = spec, object.keys.contains(where: keywords.contains) else {
            return .equals(spec)
        }
        let strays = object.keys.filter { !keywords.contains($0) }
        if let stray = strays.first {
            // More stray keys than keywords suggests a literal object that happens to have a keyword key,
            // such as a job status with a "type" member.
            let looksLiteral = strays.count > object.count - strays.count
            throw unknownKeyword(stray, at: trail + [stray], looksLiteral: looksLiteral)
        }
        if let repeated = object.duplicateKeys.first {
            throw MatcherError(
                kind: .duplicateMatcher, message: "matcher '\(repeated)' is given more than once",
                path: joined(trail + [repeated]))
        }
        var matchers: [Matcher] = []
        for (keyword, operand) in object {
            matchers.append(try parse(keyword: keyword, operand: operand, at: trail + [keyword]))
        }
        if matchers.count > 1, matchers.contains(.exists(false)) {
            throw MatcherError(
                kind: .conflictingMatchers,
                message: "'exists: false' cannot be combined with other matchers: an absent value has nothing to check",
                path: joined(trail + ["exists"]))
        }
        return matchers.count == 1 ? matchers[0] : .all(matchers)
    }

    /// Reads one keyword's operand.
    private static func parse(keyword: String, operand: JSONValue, at trail: [String]) throws(MatcherError)
        -> Matcher
    {
        switch keyword {
        case "equals":
            return .equals(operand)
        case "not_equals":
            return .notEquals(operand)
        case "type":
            return .type(try parseType(operand, at: trail))
        case "matches":
            return .matches(try parsePattern(operand, at: trail))
        case "exists":
            guard case .bool(let flag) = operand else {
                throw invalidOperand("exists takes true or false, got \(typed(operand))", at: trail)
            }
            return .exists(flag)
        case "length":
            return .length(try parseCount(operand, at: trail))
        case "contains":
            return .contains(try parse(operand, at: trail))
        case "in":
            guard case .array(let values) = operand, !values.isEmpty else {
                throw invalidOperand("in takes a non-empty array of values, got \(typed(operand))", at: trail)
            }
            return .isIn(values)
        case "each":
            return .each(try parse(operand, at: trail))
        default:
            guard let comparison = Comparison(rawValue: keyword) else { throw unknownKeyword(keyword, at: trail) }
            guard case .number(let bound) = operand else {
                throw invalidOperand("\(keyword) takes a number, got \(typed(operand))", at: trail)
            }
            return .compare(comparison, bound)
        }
    }

    /// Reads the operand of `type`.
    private static func parseType(_ operand: JSONValue, at trail: [String]) throws(MatcherError) -> ValueType {
        let names = ValueType.allCases.map(\.rawValue)
        guard case .string(let name) = operand else {
            throw invalidOperand(
                "type takes one of \(names.joined(separator: ", ")), got \(typed(operand))", at: trail)
        }
        if let type = ValueType(rawValue: name) { return type }
        if let suggestion = SpellingSuggester.suggestion(for: name, among: names, aliases: typeAliases) {
            throw invalidOperand("unknown type '\(name)'; did you mean '\(suggestion)'?", at: trail)
        }
        throw invalidOperand(
            "unknown type '\(name)'; types are \(names.joined(separator: ", ")) "
                + "(to compare with an object literally, use {\"equals\": {...}})", at: trail)
    }

    /// Reads the operand of `matches`, checking that it compiles.
    private static func parsePattern(_ operand: JSONValue, at trail: [String]) throws(MatcherError) -> String {
        guard case .string(let pattern) = operand else {
            throw invalidOperand("matches takes a regular expression string, got \(typed(operand))", at: trail)
        }
        guard (try? NSRegularExpression(pattern: pattern)) != nil else {
            throw MatcherError(
                kind: .invalidPattern, message: "/\(pattern)/ is not a valid regular expression", path: joined(trail))
        }
        return pattern
    }

    /// Reads the operand of `length`: a count, or count matchers such as `{"gte": 1}`.
    private static func parseCount(_ operand: JSONValue, at trail: [String]) throws(MatcherError) -> Matcher {
        let usage = "length takes a count or count matchers (\(countKeywords)), such as {\"gte\": 1}"
        switch operand {
        case .number(let count):
            guard isWholeNumber(count), count >= 0 else {
                throw invalidOperand("\(usage); \(count.text) is not a count", at: trail)
            }
            return .equals(operand)
        case .object:
            let matcher = try parse(operand, at: trail)
            if case .equals = matcher {
                throw invalidOperand("\(usage), got \(typed(operand))", at: trail)
            }
            for (keyword, nested) in operand.object ?? [:] where !isCountMatcher(nested, keyword: keyword) {
                throw invalidOperand(
                    "'\(keyword)' does not apply to a count; \(usage)", at: trail + [keyword])
            }
            return matcher
        default:
            throw invalidOperand("\(usage), got \(typed(operand))", at: trail)
        }
    }

    /// Whether the keyword with `operand` inside a `length` spec can say something about a count.
    private static func isCountMatcher(_ operand: JSONValue, keyword: String) -> Bool {
        switch keyword {
        case "gt", "gte", "lt", "lte", "in": true
        case "equals", "not_equals": operand.number != nil
        default: false
        }
    }

    /// The error for a key that is not a keyword, suggesting the keyword most likely meant, and pointing to
    /// `equals` when there is no likely keyword or the object `looksLiteral`.
    private static func unknownKeyword(_ key: String, at trail: [String], looksLiteral: Bool = false)
        -> MatcherError
    {
        let literalHint = #"to compare with an object that has these keys literally, use {"equals": {...}}"#
        var message = "unknown matcher '\(key)'"
        if let suggestion = SpellingSuggester.suggestion(for: key, among: keywords, aliases: keywordAliases) {
            message += "; did you mean '\(suggestion)'?"
            if looksLiteral { message += " (\(literalHint))" }
        } else {
            message += "; matchers are \(keywords.joined(separator: ", ")) (\(literalHint))"
        }
        return MatcherError(kind: .unknownMatcher, message: message, path: joined(trail))
    }

    /// An invalid-operand error at `trail`.
    private static func invalidOperand(_ message: String, at trail: [String]) -> MatcherError {
        MatcherError(kind: .invalidOperand, message: message, path: joined(trail))
    }

    /// `value` as compact JSON followed by its type, as in `"5" (string)`; `null` alone.
    static func typed(_ value: JSONValue) -> String {
        value.isNull ? "null" : "\(value.serialized()) (\(value.typeName))"
    }

    /// The keyword path written with dots.
    private static func joined(_ trail: [String]) -> String {
        trail.joined(separator: ".")
    }
}
