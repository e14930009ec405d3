import YAMLReader

/// A problem in a scenario file, found before anything is sent: where it is and what was expected.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public let file: String
    /// The line and column, when known.
    public let position: SourcePosition?
    /// What was wrong and what was expected instead.
    public let message: String

    /// Creates an error.
    public init(file: String, position: SourcePosition?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: message`, the form editors and CI logs link to.
    public var description: String {
        guard let position else { return "\(file): \(message)" }
        return "\(file):\(position.line):\(position.column): \(message)"
    }
}
