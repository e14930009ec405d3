/// Why a JSON text was refused, and where: a stable kind, a sentence, and the position of the first problem.
///
/// `line` and `column` are 1-based. Only `\n` starts a new line (so `\r\n` counts once). `column` counts
/// Unicode scalars, not bytes: `é` written as two UTF-8 bytes is one column, and a leading byte order mark
/// is not counted. `offset` is the 0-based byte offset into the input as given, byte order mark included.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable, machine-readable reason a JSON text was refused.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The input has no bytes, or only a byte order mark and whitespace.
        case emptyBody = "empty_body"
        /// The input stops before the value is complete.
        case unexpectedEnd = "unexpected_end"
        /// A character appears where the grammar allows no such character.
        case unexpectedCharacter = "unexpected_character"
        /// A comma is directly followed by `]` or `}`.
        case trailingComma = "trailing_comma"
        /// Something other than whitespace follows the complete value.
        case trailingContent = "trailing_content"
        /// A word that starts like `true`, `false` or `null` is not that word.
        case invalidLiteral = "invalid_literal"
        /// A number breaks the RFC 8259 grammar: a leading zero, or a missing digit.
        case invalidNumber = "invalid_number"
        /// A backslash escape is not one JSON defines, or `\u` lacks four hex digits.
        case invalidEscape = "invalid_escape"
        /// A `\u` escape names one half of a surrogate pair without the other half.
        case unpairedSurrogate = "unpaired_surrogate"
        /// A string holds a raw control character (U+0000 to U+001F), which must be escaped.
        case controlCharacter = "control_character"
        /// The bytes are not well-formed UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// Arrays and objects nest deeper than the parser's limit.
        case tooDeep = "too_deep"
    }

    /// The reason the text was refused.
    public let kind: Kind
    /// A sentence fragment saying what is wrong, such as "expected ',' or '}' after an object member, found 'x'".
    public let message: String
    /// The 1-based line of the first problem.
    public let line: Int
    /// The 1-based column of the first problem, counted in Unicode scalars from the start of its line.
    public let column: Int
    /// The 0-based byte offset of the first problem.
    public let offset: Int

    /// Creates an error from its parts, taken as given.
    public init(kind: Kind, message: String, line: Int, column: Int, offset: Int) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The stable machine code of the error's kind, such as `trailing_comma`.
    public var code: String { kind.rawValue }

    /// The position and message, as in "line 3, column 7: expected ':' after an object key, found '='".
    public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSONSyntaxError {
    /// Creates an error at `offset` in `bytes`, working out its line and column.
    ///
    /// The position is computed only here, on the error path, so the parser never tracks lines as it reads.
    init(kind: Kind, message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        if lineStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            lineStart = min(3, end)
        }
        // Every UTF-8 sequence has exactly one byte that is not a continuation byte (10xxxxxx).
        var column = 1
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        self.init(kind: kind, message: message, line: line, column: column, offset: offset)
    }
}
