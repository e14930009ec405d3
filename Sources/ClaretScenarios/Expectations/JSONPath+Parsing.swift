extension JSONPath {
    /// Reads a path such as `$.content.summary`, `$.errors["payload.2.date_filled"]`, `$.data[-1]` or
    /// `$.data[*].item`.
    ///
    /// After the leading `$` come steps: `.key` (letters, digits, `_`, `-`), `.*`, `[n]` or `[-n]`, `[*]`,
    /// and `['key']` or `["key"]` for any key, where a backslash escapes the quote or itself. Whitespace is
    /// not allowed anywhere.
    public init(parsing text: String) throws(JSONPathError) {
        var reader = PathReader(text: text)
        self.init(segments: try reader.readPath())
    }
}

/// Walks the characters of a path's text, producing its segments or the first problem.
private struct PathReader {
    /// The path's text.
    let text: String
    /// The text's characters, for random access.
    let characters: [Character]
    /// The position of the next unread character, 0-based.
    var position = 0

    /// Creates a reader at the start of `text`.
    init(text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// The next unread character, or nil at the end.
    var current: Character? {
        position < characters.count ? characters[position] : nil
    }

    /// An error of `kind` at 0-based character `offset` (the current position unless given).
    func failure(_ kind: JSONPathError.Kind, _ message: String, at offset: Int? = nil) -> JSONPathError {
        JSONPathError(kind: kind, message: message, column: (offset ?? position) + 1, text: text)
    }

    /// `character` quoted for a message, with whitespace spelled out so it is visible.
    func shown(_ character: Character) -> String {
        switch character {
        case " ": "a space"
        case "\t": "a tab"
        case "\n", "\r", "\r\n": "a line break"
        default: "'\(character)'"
        }
    }

    /// Reads the whole text as `$` followed by steps.
    mutating func readPath() throws(JSONPathError) -> [JSONPath.Segment] {
        guard current == "$" else {
            throw failure(.missingRoot, "a path starts with '$', as in '$.content.status'")
        }
        position += 1
        var segments: [JSONPath.Segment] = []
        while let character = current {
            switch character {
            case ".":
                segments.append(try readDotStep())
            case "[":
                segments.append(try readBracketStep())
            default:
                throw failure(
                    .unexpectedCharacter,
                    "\(shown(character)) cannot start a step; a step is '.key', '[index]', '[*]' or '[\"key\"]'")
            }
        }
        return segments
    }

    /// Reads `.key` or `.*`, the reader being on the dot.
    mutating func readDotStep() throws(JSONPathError) -> JSONPath.Segment {
        position += 1
        guard let character = current else {
            throw failure(.missingKey, "expected a key or '*' after '.'")
        }
        if character == "." {
            throw failure(.recursiveDescent, "'..' (recursive descent) is not supported; spell out every key")
        }
        if character == "*" {
            position += 1
            return .wildcard
        }
        let start = position
        while let next = current, JSONPath.isPlainKeyCharacter(next) {
            position += 1
        }
        guard position > start else {
            throw failure(
                .missingKey,
                "expected a key or '*' after '.', found \(shown(character)); "
                    + "write keys with other characters as [\"key\"]")
        }
        return .key(String(characters[start..<position]))
    }

    /// Reads `[n]`, `[-n]`, `[*]`, `['key']` or `["key"]`, the reader being on the `[`.
    mutating func readBracketStep() throws(JSONPathError) -> JSONPath.Segment {
        let opening = position
        position += 1
        let segment: JSONPath.Segment
        switch current {
        case "*":
            position += 1
            segment = .wildcard
        case let quote? where quote == "\"" || quote == "'":
            segment = .key(try readQuotedKey(closedBy: quote))
        case let character? where character == "-" || character.isASCII && character.isNumber:
            segment = .index(try readIndex())
        case let character?:
            throw failure(
                .badBracket, "expected an index, '*' or a quoted key after '[', found \(shown(character))")
        case nil:
            throw failure(.badBracket, "'[' is never closed", at: opening)
        }
        guard current == "]" else {
            if current == nil { throw failure(.badBracket, "'[' is never closed", at: opening) }
            throw failure(.badBracket, "expected ']' to close the '[' at column \(opening + 1)")
        }
        position += 1
        return segment
    }

    /// Reads a key quoted by `quote`, the reader being on the opening quote; a backslash takes the next
    /// character as is.
    mutating func readQuotedKey(closedBy quote: Character) throws(JSONPathError) -> String {
        let opening = position
        position += 1
        var key = ""
        while let character = current {
            position += 1
            if character == quote { return key }
            if character == "\\", let escaped = current {
                key.append(escaped)
                position += 1
            } else {
                key.append(character)
            }
        }
        throw failure(.unterminatedKey, "the key quoted at column \(opening + 1) has no closing \(quote)", at: opening)
    }

    /// Reads an optionally negative decimal index.
    mutating func readIndex() throws(JSONPathError) -> Int {
        let start = position
        if current == "-" { position += 1 }
        let digitsStart = position
        while let character = current, character.isASCII, character.isNumber {
            position += 1
        }
        guard position > digitsStart else {
            throw failure(.badBracket, "expected digits after '-'")
        }
        guard let index = Int(String(characters[start..<position])) else {
            throw failure(.indexTooLarge, "index \(String(characters[start..<position])) is too large", at: start)
        }
        return index
    }
}
