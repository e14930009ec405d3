/// Why a scenario's matcher spec could not be read, and where inside the spec.
public struct MatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem, each with a stable code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A key that is not a matcher keyword, in an object that has matcher keywords.
        case unknownMatcher = "unknown_matcher"
        /// The same keyword twice in one object.
        case duplicateMatcher = "duplicate_matcher"
        /// A keyword's operand of the wrong kind, such as `gt: "5"`.
        case invalidOperand = "invalid_operand"
        /// A `matches` pattern that is not a valid regular expression.
        case invalidPattern = "invalid_pattern"
        /// Keywords that cannot go together, such as `exists: false` with anything else.
        case conflictingMatchers = "conflicting_matchers"
    }

    /// What went wrong.
    public let kind: Kind
    /// A sentence describing the problem, with a suggestion where one is likely.
    public let message: String
    /// The keywords leading to the problem inside the spec, dot-separated (`length.gte`); empty for the spec itself.
    public let path: String

    /// Creates an error.
    public init(kind: Kind, message: String, path: String) {
        self.kind = kind
        self.message = message
        self.path = path
    }

    /// The machine-readable code of the kind, such as `unknown_matcher`.
    public var code: String { kind.rawValue }

    /// The message, prefixed by the path inside the spec when there is one.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}
