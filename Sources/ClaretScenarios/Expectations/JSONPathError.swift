/// Why a path's text could not be read, and where.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem, each with a stable code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The text does not start with `$`.
        case missingRoot = "missing_root"
        /// A `.` is not followed by a key or `*`.
        case missingKey = "missing_key"
        /// `..` (recursive descent), which paths here do not support.
        case recursiveDescent = "recursive_descent"
        /// A `[` whose content is not an index, `*` or a quoted key, or that is never closed.
        case badBracket = "bad_bracket"
        /// A quoted key without its closing quote.
        case unterminatedKey = "unterminated_key"
        /// An index too large to represent.
        case indexTooLarge = "index_too_large"
        /// A character that cannot start a step.
        case unexpectedCharacter = "unexpected_character"
    }

    /// What went wrong.
    public let kind: Kind
    /// A sentence describing the problem.
    public let message: String
    /// The 1-based position, in characters, where the problem was found.
    public let column: Int
    /// The text that was being parsed.
    public let text: String

    /// Creates an error.
    public init(kind: Kind, message: String, column: Int, text: String) {
        self.kind = kind
        self.message = message
        self.column = column
        self.text = text
    }

    /// The machine-readable code of the kind, such as `missing_root`.
    public var code: String { kind.rawValue }

    /// The problem with its position: `invalid path '$.a[': column 5: ...`.
    public var description: String {
        "invalid path '\(text)': column \(column): \(message)"
    }
}
