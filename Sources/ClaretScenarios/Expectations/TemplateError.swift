/// Why a template could not be rendered.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem, each with a stable code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `{{name}}` names no variable.
        case unknownVariable = "unknown_variable"
        /// `{{` is never closed by `}}`.
        case unterminatedPlaceholder = "unterminated_placeholder"
        /// The text between `{{` and `}}` is not a variable name.
        case invalidName = "invalid_name"
    }

    /// What went wrong.
    public let kind: Kind
    /// A sentence describing the problem.
    public let message: String
    /// The unknown variable's name, or the text found between the braces when it is not a name.
    public let name: String
    /// The names that were defined, sorted, for listing or suggesting.
    public let knownNames: [String]
    /// Where in a JSON value the string with the problem is (for an object key, the member's path);
    /// nil when rendering plain text.
    public let path: JSONPath?

    /// Creates an error.
    public init(kind: Kind, message: String, name: String, knownNames: [String] = [], path: JSONPath? = nil) {
        self.kind = kind
        self.message = message
        self.name = name
        self.knownNames = knownNames
        self.path = path
    }

    /// The machine-readable code of the kind, such as `unknown_variable`.
    public var code: String { kind.rawValue }

    /// The message, prefixed by the path when there is one.
    public var description: String {
        path.map { "\($0): \(message)" } ?? message
    }

    /// This error located at `path`.
    func located(at path: JSONPath) -> TemplateError {
        TemplateError(kind: kind, message: message, name: name, knownNames: knownNames, path: path)
    }
}
