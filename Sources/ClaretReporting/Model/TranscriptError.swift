/// Why a transcript could not be read: a stable code, the file, the field when one is to blame, and a sentence.
public struct TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem, each with a stable code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file or folder does not exist or cannot be read.
        case unreadable
        /// The file is not JSON.
        case notJSON = "not_json"
        /// The JSON is not a claret-harness transcript (another or no `format`).
        case notATranscript = "not_a_transcript"
        /// A transcript of a version this reader does not know.
        case unsupportedVersion = "unsupported_version"
        /// A transcript with a field missing or of the wrong type.
        case malformed
        /// A folder that holds no transcript at all.
        case noTranscripts = "no_transcripts"
    }

    /// The kind of problem.
    public let kind: Kind
    /// The file or folder.
    public let path: String
    /// The field to blame, such as `steps[2].response.status`, when there is one.
    public let field: String?
    /// What is wrong, as a sentence.
    public let message: String

    /// Creates an error.
    public init(kind: Kind, path: String, field: String? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.field = field
        self.message = message
    }

    /// The machine-readable code, such as `unsupported_version`.
    public var code: String { kind.rawValue }

    /// `path: field: message`.
    public var description: String {
        [path, field, message].compactMap { $0 }.joined(separator: ": ")
    }
}
