/// Why a rules file or a known-differences file was refused: a stable code, where, and a sentence.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem, each with a stable code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file does not exist or cannot be read.
        case unreadable
        /// The file is not JSON.
        case notJSON = "not_json"
        /// A member is missing, unknown, of the wrong type, or holds a bad path or pattern.
        case invalid
    }

    /// The kind of problem.
    public let kind: Kind
    /// The file, when the problem came from one.
    public var file: String?
    /// The member to blame, such as `rules[2].pattern`.
    public var field: String?
    /// What is wrong, as a sentence.
    public let message: String

    /// Creates an error.
    public init(kind: Kind, file: String? = nil, field: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.field = field
        self.message = message
    }

    /// The machine-readable code, such as `invalid`.
    public var code: String { kind.rawValue }

    /// `file: field: message`.
    public var description: String {
        [file, field, message].compactMap { $0 }.joined(separator: ": ")
    }

    /// The same error in `file` (unless it names one already), its field inside `field` (`rules[2].path`).
    func located(file: String? = nil, field: String? = nil) -> ConfigurationError {
        var copy = self
        copy.file = copy.file ?? file
        if let field { copy.field = copy.field.map { "\(field).\($0)" } ?? field }
        return copy
    }
}
