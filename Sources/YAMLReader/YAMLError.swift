/// Why a YAML (or JSON) document was refused: a stable kind, a sentence, and where the problem is.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable, machine-readable reason a document was refused.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// libyaml's scanner or parser refused the text, such as a missing `]` or a bad indentation.
        case syntax = "syntax"
        /// The bytes are not UTF-8, or hold a control character YAML does not allow.
        case encoding = "encoding"
        /// A mapping holds the same key twice.
        case duplicateKey = "duplicate_key"
        /// A mapping key is a sequence or a mapping.
        case nonScalarKey = "non_scalar_key"
        /// An alias names no anchor defined before it, or its own still-open anchor.
        case unknownAlias = "unknown_alias"
        /// A merge key `<<` has a value other than a mapping or a sequence of mappings.
        case invalidMerge = "invalid_merge"
        /// A tag is not one of the core schema's, or does not fit its node.
        case unsupportedTag = "unsupported_tag"
        /// A scalar cannot be read as its tag demands, such as `!!int 1.5`.
        case invalidScalar = "invalid_scalar"
        /// The text holds more than one document.
        case multipleDocuments = "multiple_documents"
        /// Sequences and mappings nest deeper than the limit.
        case tooDeep = "too_deep"
        /// Aliases expand to more nodes than the limit, or libyaml ran out of memory.
        case tooLarge = "too_large"
    }

    /// The reason the document was refused.
    public let kind: Kind
    /// A sentence fragment saying what is wrong, such as "duplicate key 'x' (first at line 2, column 3)".
    public let message: String
    /// Where the problem is.
    public let position: SourcePosition

    /// Creates an error from its parts, taken as given.
    public init(kind: Kind, message: String, position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// The stable machine code of the error's kind, such as `duplicate_key`.
    public var code: String { kind.rawValue }

    /// The position and message, as in "line 4, column 3: duplicate key 'x' (first at line 2, column 3)".
    public var description: String { "\(position): \(message)" }
}
