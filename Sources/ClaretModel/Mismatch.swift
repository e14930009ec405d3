/// One way an actual value differs from what was expected: where, what kind of difference, both sides
/// rendered as text, and a sentence saying it.
///
/// A mismatch is data, not output: every report format (console, JSON, JUnit, HTML) renders the same
/// values. Checking a response against a scenario's expectations produces mismatches, and so does
/// comparing two runs, which is what `extra` and `missing` serve there.
public struct Mismatch: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kinds of difference, each with a stable code.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nothing is there, but something was expected.
        case missing
        /// Something is there, but the expectation says it must be absent.
        case unexpected
        /// The value is of another JSON type than expected.
        case typeChanged = "type_changed"
        /// The value is of the expected type but another value.
        case valueChanged = "value_changed"
        /// The HTTP status differs.
        case statusChanged = "status_changed"
        /// The string does not match the expected pattern.
        case patternMismatch = "pattern_mismatch"
        /// The number is outside the expected bounds.
        case outOfRange = "out_of_range"
        /// The array, string or object has an unexpected number of elements, characters or members.
        case lengthMismatch = "length_mismatch"
        /// The array, string or object does not contain what it should.
        case notContained = "not_contained"
        /// Something is there that the expected side does not have at all.
        case extra
    }

    /// Where the difference is: a JSON path such as `$.content.summary.created`, or another locator
    /// (`status`, a header name) for differences outside a JSON body.
    public let path: String
    /// The kind of difference.
    public let kind: Kind
    /// What was expected, rendered: compact JSON for a literal value, a description (`length >= 1`) otherwise.
    public let expected: String
    /// What was there, rendered as compact JSON (a count for length mismatches), or nil when nothing was there.
    public let actual: String?
    /// The difference as a sentence that starts with the path.
    public let message: String

    /// Creates a mismatch with its own sentence.
    public init(path: String, kind: Kind, expected: String, actual: String?, message: String) {
        self.path = path
        self.kind = kind
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    /// Creates a mismatch whose sentence is the standard one for its kind.
    public init(path: String, kind: Kind, expected: String, actual: String?) {
        self.init(
            path: path, kind: kind, expected: expected, actual: actual,
            message: Mismatch.standardMessage(path: path, kind: kind, expected: expected, actual: actual))
    }

    /// The machine-readable code of the kind, such as `value_changed`.
    public var code: String { kind.rawValue }

    /// The sentence.
    public var description: String { message }

    /// The same difference reported at `newPath` (a header name, `state.count`), the sentence's leading
    /// path replaced too, for checks that evaluate a matcher on a value that is not in a JSON body.
    public func relocated(to newPath: String) -> Mismatch {
        let prefix = path + ": "
        let sentence = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
        return Mismatch(
            path: newPath, kind: kind, expected: expected, actual: actual, message: "\(newPath): \(sentence)")
    }

    /// The standard sentence for a difference of `kind`: `$.a: expected 2, got 1`.
    public static func standardMessage(path: String, kind: Kind, expected: String, actual: String?) -> String {
        let got = actual ?? "nothing"
        switch kind {
        case .missing:
            return "\(path): expected \(expected), but it is absent"
        case .unexpected:
            return "\(path): expected no value, got \(got)"
        case .extra:
            return "\(path): got \(got), which was not expected"
        case .statusChanged:
            return "\(path): expected status \(expected), got \(got)"
        case .lengthMismatch:
            return "\(path): expected \(expected), got length \(got)"
        case .typeChanged, .valueChanged, .patternMismatch, .outOfRange, .notContained:
            return "\(path): expected \(expected), got \(got)"
        }
    }
}
