import ExactJSON

/// What a scenario says about the value at a path: equal to a literal, of a type, matching a pattern,
/// within bounds, of a length, containing something, and so on.
///
/// Scenarios write matchers as JSON (see ``parse(_:)``): a plain value means "equals this value", and an
/// object whose keys are all matcher keywords (`{"type": "integer", "gte": 1}`) means all of those at once.
/// Evaluating a matcher against the values found at a path gives the mismatches, none when it passes.
public indirect enum Matcher: Sendable, Equatable, CustomStringConvertible {
    /// Equal to the value: numbers by value (`1000` equals `1e3`), objects whatever their key order,
    /// arrays element by element. A failure is reported per differing member or element.
    case equals(JSONValue)
    /// Anything but the value.
    case notEquals(JSONValue)
    /// Of the JSON type.
    case type(ValueType)
    /// A string in which the regular expression (NSRegularExpression syntax) finds a match; anchor it with
    /// `^` and `$` to match the whole string.
    case matches(String)
    /// Present (`true`) or absent (`false`).
    case exists(Bool)
    /// A number that compares with the bound as the comparison says, exactly.
    case compare(Comparison, JSONNumber)
    /// An array, string or object whose number of elements, characters (Unicode scalars) or keys
    /// satisfies the matcher.
    case length(Matcher)
    /// An array with an element satisfying the matcher, a string containing the literal string, or an
    /// object having the literal string as a key.
    case contains(Matcher)
    /// Equal to one of the values.
    case isIn([JSONValue])
    /// An array whose every element satisfies the matcher (an empty array does).
    case each(Matcher)
    /// All of the matchers.
    case all([Matcher])

    /// A JSON type a value can be checked against.
    public enum ValueType: String, Sendable, Hashable, CaseIterable {
        /// A string.
        case string
        /// Any number.
        case number
        /// A number whose value is a whole number, however written (`3`, `3.0`, `3e0`).
        case integer
        /// `true` or `false`.
        case boolean
        /// `null`.
        case null
        /// An array.
        case array
        /// An object.
        case object

        /// Whether `value` is of this type.
        public func admits(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.string, .string), (.number, .number), (.boolean, .bool), (.null, .null), (.array, .array),
                (.object, .object):
                true
            case (.integer, .number(let number)):
                Matcher.isWholeNumber(number)
            default:
                false
            }
        }

        /// The type with its article, as in "expected an integer".
        var phrase: String {
            switch self {
            case .string: "a string"
            case .number: "a number"
            case .integer: "an integer"
            case .boolean: "a boolean"
            case .null: "null"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// How a number must compare with a bound; the raw values are the scenario keywords.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        /// Strictly greater than the bound.
        case greaterThan = "gt"
        /// Greater than or equal to the bound.
        case greaterThanOrEqual = "gte"
        /// Strictly less than the bound.
        case lessThan = "lt"
        /// Less than or equal to the bound.
        case lessThanOrEqual = "lte"

        /// The operator's symbol, such as `>=`.
        public var symbol: String {
            switch self {
            case .greaterThan: ">"
            case .greaterThanOrEqual: ">="
            case .lessThan: "<"
            case .lessThanOrEqual: "<="
            }
        }

        /// Whether `number` compares with `bound` as this comparison requires, by exact value.
        public func holds(_ number: JSONNumber, against bound: JSONNumber) -> Bool {
            switch self {
            case .greaterThan: number > bound
            case .greaterThanOrEqual: number >= bound
            case .lessThan: number < bound
            case .lessThanOrEqual: number <= bound
            }
        }
    }

    /// A short human description: `equals 3`, `matches /^\d+\|/`, `length >= 1`, `type integer and >= 1`.
    public var description: String {
        switch self {
        case .equals(let value): "equals \(value.serialized())"
        case .notEquals(let value): "not equals \(value.serialized())"
        case .type(let type): "type \(type.rawValue)"
        case .matches(let pattern): "matches /\(pattern)/"
        case .exists(true): "exists"
        case .exists(false): "absent"
        case .compare(let comparison, let bound): "\(comparison.symbol) \(bound.text)"
        case .length(let count): "length \(count.countDescription)"
        case .contains(.equals(let value)): "contains \(value.serialized())"
        case .contains(let element): "contains (\(element.description))"
        case .isIn(let values): "in \(JSONValue.array(values).serialized())"
        case .each(let element): "each (\(element.description))"
        case .all(let matchers): matchers.map(\.description).joined(separator: " and ")
        }
    }

    /// How the matcher reads after "length": `3`, `>= 1`, `>= 1 and <= 5`.
    private var countDescription: String {
        switch self {
        case .equals(let value): value.serialized()
        case .compare: description
        case .all(let matchers): matchers.map(\.countDescription).joined(separator: " and ")
        default: "(\(description))"
        }
    }

    /// What a mismatch records as expected: the literal's JSON for `equals`, the description otherwise.
    public var expectedText: String {
        if case .equals(let value) = self { return value.serialized() }
        return description
    }

    /// The expectation as it reads in a sentence after "expected": `2`, `an integer`, `a number >= 1`.
    var phrase: String {
        switch self {
        case .equals(let value): value.serialized()
        case .notEquals(let value): "anything but \(value.serialized())"
        case .type(let type): type.phrase
        case .matches(let pattern): "a string matching /\(pattern)/"
        case .exists(true): "a value"
        case .exists(false): "no value"
        case .compare(let comparison, let bound): "a number \(comparison.symbol) \(bound.text)"
        case .length: "a value with \(description)"
        case .contains(.equals(let value)): "a value containing \(value.serialized())"
        case .contains(let element): "an array with an element that is \(element.phrase)"
        case .isIn(let values): "one of \(JSONValue.array(values).serialized())"
        case .each(let element): "an array in which every element is \(element.phrase)"
        case .all(let matchers): matchers.map(\.phrase).joined(separator: " and ")
        }
    }

    /// Whether `number` has a whole-number value, worked out from its text so huge exponents stay exact.
    static func isWholeNumber(_ number: JSONNumber) -> Bool {
        let parts = number.text.lowercased().split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0].filter { $0 != "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = mantissa.count > 1 ? mantissa[1] : ""
        let digits = mantissa[0] + fraction
        guard digits.contains(where: { $0 != "0" }) else { return true }
        // The value is digits × 10^(exponent − fraction digits); trailing zeros of the digits raise the power.
        let trailingZeros = digits.reversed().prefix { $0 == "0" }.count
        let exponentText = parts.count == 2 ? parts[1].drop { $0 == "+" } : "0"
        guard let exponent = Int(exponentText) else {
            // An exponent beyond Int: a huge positive one leaves no fraction, a huge negative one only fraction.
            return !exponentText.hasPrefix("-")
        }
        return exponent >= fraction.count - trailingZeros
    }
}
