import Testing

@testable import ExactJSON

/// The error parsing `text` raises, or nil when it parses.
func parsingError(_ text: String, maxDepth: Int = 512) -> JSONSyntaxError? {
    parsingError(Array(text.utf8), maxDepth: maxDepth)
}

/// The error parsing `bytes` raises, or nil when they parse.
func parsingError(_ bytes: [UInt8], maxDepth: Int = 512) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

/// A malformed input and the error it must raise.
struct Malformed: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let kind: JSONSyntaxError.Kind
    let line: Int
    let column: Int
    let message: String

    init(_ text: String, _ kind: JSONSyntaxError.Kind, _ line: Int, _ column: Int, _ message: String) {
        self.init(Array(text.utf8), kind, line, column, message)
    }

    init(_ bytes: [UInt8], _ kind: JSONSyntaxError.Kind, _ line: Int, _ column: Int, _ message: String) {
        self.bytes = bytes
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String {
        "\(kind.rawValue): " + String(decoding: bytes, as: UTF8.self).debugDescription
    }
}

@Suite("JSONParser refuses malformed JSON and says where")
struct JSONSyntaxErrorTests {
    static let cases: [Malformed] = [
        Malformed("", .emptyBody, 1, 1, "the body is empty"),
        Malformed(" \n\t", .emptyBody, 2, 2, "the body is empty"),
        Malformed("\u{FEFF}", .emptyBody, 1, 1, "the body is empty"),
        Malformed("[1, 2", .unexpectedEnd, 1, 6, "unexpected end of input; expected ',' or ']' after an array element"),
        Malformed("{\"a\":", .unexpectedEnd, 1, 6, "unexpected end of input; expected a value"),
        Malformed("{\"a\"", .unexpectedEnd, 1, 5, "unexpected end of input; expected ':' after an object key"),
        Malformed("[\"abc", .unexpectedEnd, 1, 6, "unexpected end of input inside a string"),
        Malformed("\"ab\\", .unexpectedEnd, 1, 5, "unexpected end of input inside a string"),
        Malformed("\"\\u00", .unexpectedEnd, 1, 6, "unexpected end of input inside a string"),
        Malformed("-", .unexpectedEnd, 1, 2, "unexpected end of input; expected a digit after '-'"),
        Malformed(
            "{\n  \"a\": 1\n  \"b\": 2\n}", .unexpectedCharacter, 3, 3,
            "expected ',' or '}' after an object member, found '\"'"),
        Malformed("[1 2]", .unexpectedCharacter, 1, 4, "expected ',' or ']' after an array element, found '2'"),
        Malformed("{\"a\" = 1}", .unexpectedCharacter, 1, 6, "expected ':' after an object key, found '='"),
        Malformed("{1: 2}", .unexpectedCharacter, 1, 2, "expected a string key, found '1'"),
        Malformed("{'a': 2}", .unexpectedCharacter, 1, 2, "expected a string key, found '''"),
        Malformed("// note\n1", .unexpectedCharacter, 1, 1, "expected a value, found '/'"),
        Malformed("[1, /* two */ 2]", .unexpectedCharacter, 1, 5, "expected a value, found '/'"),
        Malformed("NaN", .unexpectedCharacter, 1, 1, "expected a value, found 'N'"),
        Malformed("[+1]", .unexpectedCharacter, 1, 2, "expected a value, found '+'"),
        Malformed("[.5]", .unexpectedCharacter, 1, 2, "expected a value, found '.'"),
        Malformed("[}", .unexpectedCharacter, 1, 2, "expected a value, found '}'"),
        Malformed("[é]", .unexpectedCharacter, 1, 2, "expected a value, found 'é' (U+00E9)"),
        Malformed(
            "[1,]", .trailingComma, 1, 4, "expected a value after ',', found ']' (trailing commas are not allowed)"),
        Malformed(
            "{\"a\": 1,\n}", .trailingComma, 2, 1,
            "expected a string key after ',', found '}' (trailing commas are not allowed)"),
        Malformed("[1] [2]", .trailingContent, 1, 5, "expected the end of input after the JSON value, found '['"),
        Malformed("{}\n}", .trailingContent, 2, 1, "expected the end of input after the JSON value, found '}'"),
        Malformed("[tru]", .invalidLiteral, 1, 2, "expected 'true'"),
        Malformed("nul", .invalidLiteral, 1, 1, "expected 'null'"),
        Malformed("[1, fals]", .invalidLiteral, 1, 5, "expected 'false'"),
        Malformed("[01]", .invalidNumber, 1, 2, "a number cannot start with a leading zero"),
        Malformed("-00", .invalidNumber, 1, 2, "a number cannot start with a leading zero"),
        Malformed("[-]", .invalidNumber, 1, 3, "expected a digit after '-', found ']'"),
        Malformed("[1.]", .invalidNumber, 1, 4, "expected a digit after the decimal point, found ']'"),
        Malformed("[1.e5]", .invalidNumber, 1, 4, "expected a digit after the decimal point, found 'e'"),
        Malformed("[1e+]", .invalidNumber, 1, 5, "expected a digit in the exponent, found ']'"),
        Malformed("[-Infinity]", .invalidNumber, 1, 3, "expected a digit after '-', found 'I'"),
        Malformed(
            "\"\\x\"", .invalidEscape, 1, 3, "expected one of \" \\ / b f n r t u after a backslash, found 'x'"),
        Malformed("\"\\'\"", .invalidEscape, 1, 3, "expected one of \" \\ / b f n r t u after a backslash, found '''"),
        Malformed("\"\\u12G4\"", .invalidEscape, 1, 6, "expected four hex digits after \\u, found 'G'"),
        Malformed(
            "\"\\uD83D\"", .unpairedSurrogate, 1, 2, "high surrogate U+D83D is not followed by a low surrogate escape"),
        Malformed(
            "\"x\\ud83dy\"", .unpairedSurrogate, 1, 3, "high surrogate U+D83D is not followed by a low surrogate escape"
        ),
        Malformed(
            "\"\\ud83d\\u0041\"", .unpairedSurrogate, 1, 2,
            "high surrogate U+D83D is not followed by a low surrogate escape"),
        Malformed("\"\\uDE00\"", .unpairedSurrogate, 1, 2, "low surrogate U+DE00 has no high surrogate before it"),
        Malformed("[\"a\tb\"]", .controlCharacter, 1, 4, "control character U+0009 must be escaped in a string"),
        Malformed("\"line\nbreak\"", .controlCharacter, 1, 6, "control character U+000A must be escaped in a string"),
        Malformed("\"\u{0}\"", .controlCharacter, 1, 2, "control character U+0000 must be escaped in a string"),
        Malformed(
            [0x22, 0xC3, 0x28, 0x22], .invalidUTF8, 1, 2,
            "invalid UTF-8: byte 0xC3 does not start a well-formed sequence"),
        Malformed(
            [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, 1, 2,
            "invalid UTF-8: byte 0xC0 does not start a well-formed sequence"),
        Malformed(
            [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, 1, 2,
            "invalid UTF-8: byte 0xED does not start a well-formed sequence"),
        Malformed(
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, 1, 2,
            "invalid UTF-8: byte 0xF4 does not start a well-formed sequence"),
        Malformed(
            [0x22, 0x61, 0xE2, 0x82], .invalidUTF8, 1, 3,
            "invalid UTF-8: byte 0xE2 does not start a well-formed sequence"),
        Malformed(
            [0x5B, 0x31, 0x2C, 0xFF, 0x5D], .invalidUTF8, 1, 4,
            "invalid UTF-8: byte 0xFF does not start a well-formed sequence"),
    ]

    @Test("each malformed input raises its kind of error at its line and column", arguments: cases)
    func malformed(_ input: Malformed) throws {
        let error = try #require(parsingError(input.bytes))
        #expect(error.kind == input.kind)
        #expect(error.line == input.line)
        #expect(error.column == input.column)
        #expect(error.message == input.message)
    }

    @Test("every kind of error is covered by the malformed cases, apart from nesting depth")
    func everyKindCovered() {
        let covered = Set(Self.cases.map(\.kind)).union([.tooDeep])
        #expect(covered == Set(JSONSyntaxError.Kind.allCases))
    }

    @Test("nesting one level deeper than the limit is refused at the opening bracket that breaks it")
    func tooDeep() throws {
        let error = try #require(parsingError("{\"a\": [[1]]}", maxDepth: 2))
        #expect(error.kind == .tooDeep)
        #expect(error.line == 1)
        #expect(error.column == 8)
        #expect(error.message == "arrays and objects nest deeper than the limit of 2")
        #expect(parsingError("{\"a\": [1]}", maxDepth: 2) == nil)
    }

    @Test("the description puts the line and column before the message")
    func description() throws {
        let error = try #require(parsingError("{\n  \"a\" 1\n}"))
        #expect(error.description == "line 2, column 7: expected ':' after an object key, found '1'")
        #expect(error.code == "unexpected_character")
    }

    @Test("the column counts characters while the offset counts bytes")
    func columnCountsCharacters() throws {
        let error = try #require(parsingError("[\"éé\" x]"))
        #expect(error.column == 7)
        #expect(error.offset == 8)
    }

    @Test("a byte order mark shifts the offset but not the column")
    func byteOrderMarkPosition() throws {
        let error = try #require(parsingError("\u{FEFF}[1 2]"))
        #expect(error.line == 1)
        #expect(error.column == 4)
        #expect(error.offset == 6)
    }

    @Test("a carriage return before a line feed does not start an extra line")
    func crlfLines() throws {
        let error = try #require(parsingError("[\r\n1,\r\n]"))
        #expect(error.kind == .trailingComma)
        #expect(error.line == 3)
        #expect(error.column == 1)
    }

    @Test("every kind has a distinct snake_case code")
    func codes() {
        let codes = JSONSyntaxError.Kind.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber } })
    }
}
