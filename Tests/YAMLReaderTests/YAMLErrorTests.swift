import ExactJSON
import Testing
import YAMLReader

/// A refused document and the error it must raise.
struct Refused: Sendable, CustomTestStringConvertible {
    let text: String
    let kind: YAMLError.Kind
    let position: SourcePosition
    let message: String

    init(_ text: String, _ kind: YAMLError.Kind, _ line: Int, _ column: Int, _ message: String) {
        self.text = text
        self.kind = kind
        self.position = SourcePosition(line: line, column: column)
        self.message = message
    }

    var testDescription: String { "\(kind.rawValue): \(text.debugDescription)" }
}

@Suite("YAMLParser refuses bad documents and says where")
struct YAMLErrorTests {
    static let cases: [Refused] = [
        Refused(
            "a: 1\nb: [1, 2", .syntax, 3, 1,
            "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 4)"),
        Refused("a: 1\n  b: 2", .syntax, 2, 4, "mapping values are not allowed in this context"),
        Refused(
            "a:\n\tb: 1", .syntax, 2, 1,
            "found character that cannot start any token (while scanning for the next token)"),
        Refused(
            "key: \"unterminated", .syntax, 1, 19,
            "found unexpected end of stream (while scanning a quoted scalar that starts at line 1, column 6)"),
        Refused(
            "a:\n  - x\n  y: 2", .syntax, 3, 3,
            "did not find expected '-' indicator (while parsing a block collection that starts at line 2, column 3)"),
        Refused("a: 1\na: 2", .duplicateKey, 2, 1, "duplicate key 'a' (first at line 1, column 1)"),
        Refused(
            "steps:\n  - x: 1\n    y: 2\n    x: 3", .duplicateKey, 4, 5, "duplicate key 'x' (first at line 2, column 5)"
        ),
        Refused(#"{"id": 1, "id": 2}"#, .duplicateKey, 1, 11, "duplicate key 'id' (first at line 1, column 2)"),
        Refused("{[1]: 2}", .nonScalarKey, 1, 2, "a mapping key must be a scalar, found a sequence"),
        Refused("? {a: 1}\n: x", .nonScalarKey, 1, 3, "a mapping key must be a scalar, found a mapping"),
        Refused(
            "a: 1\n---\nb: 2", .multipleDocuments, 2, 1,
            "a second document starts here; a file must hold exactly one document"),
        Refused(
            "a: 1\n...\n---\nb: 2", .multipleDocuments, 3, 1,
            "a second document starts here; a file must hold exactly one document"),
        Refused("n: !!int 1.5", .invalidScalar, 1, 4, "tag !!int needs an integer, found '1.5'"),
        Refused("n: !!int abc", .invalidScalar, 1, 4, "tag !!int needs an integer, found 'abc'"),
        Refused("n: !!float x", .invalidScalar, 1, 4, "tag !!float needs a number, found 'x'"),
        Refused("n: !!float .inf", .invalidScalar, 1, 4, "tag !!float cannot hold '.inf': JSON has no infinity or NaN"),
        Refused("n: !!bool yes", .invalidScalar, 1, 4, "tag !!bool needs true or false, found 'yes'"),
        Refused("n: !!null x", .invalidScalar, 1, 4, "tag !!null needs null, ~ or nothing, found 'x'"),
        Refused("n: !!binary aGk=", .unsupportedTag, 1, 4, "unsupported tag !!binary"),
        Refused("n: !custom x", .unsupportedTag, 1, 4, "unsupported tag !custom"),
        Refused("n: !!set {a: ~}", .unsupportedTag, 1, 4, "tag !!set cannot apply to a mapping"),
        Refused("n: !!map [1]", .unsupportedTag, 1, 4, "tag !!map cannot apply to a sequence"),
    ]

    @Test("a refused document reports its kind, message and position", arguments: cases)
    func refused(_ refused: Refused) {
        let error = parsingError(refused.text)
        #expect(error?.kind == refused.kind)
        #expect(error?.message == refused.message)
        #expect(error?.position == refused.position)
    }

    @Test("a duplicate key is reported at its second occurrence")
    func duplicateKey() {
        let error = parsingError("name: a\nother: b\nname: c\n")
        #expect(error?.position == at(3, 1))
        #expect(error?.description == "line 3, column 1: duplicate key 'name' (first at line 1, column 1)")
    }

    @Test("a merge key written twice is a duplicate key")
    func twoMergeKeys() {
        let error = parsingError("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")
        #expect(error?.kind == .duplicateKey)
        #expect(error?.position == at(4, 3))
    }

    @Test("invalid UTF-8 is refused with the position of the bad byte")
    func invalidUTF8() {
        let bytes = Array("a: ok\nb: x".utf8) + [0xFF] + Array(" y\n".utf8)
        let error = parsingError(bytes)
        #expect(error?.kind == .encoding)
        #expect(error?.message == "invalid leading UTF-8 octet (0xFF)")
        #expect(error?.position == at(2, 5))
    }

    @Test("a truncated UTF-8 sequence at the end is refused")
    func truncatedUTF8() {
        let error = parsingError(Array("a: é".utf8.dropLast()))
        #expect(error?.kind == .encoding)
        #expect(error?.position == at(1, 4))
    }

    @Test("a UTF-16 byte order mark is refused rather than decoded")
    func utf16Refused() {
        let bytes: [UInt8] = [0xFF, 0xFE, UInt8(ascii: "a"), 0, UInt8(ascii: ":"), 0]
        #expect(parsingError(bytes)?.kind == .encoding)
    }

    @Test("a control character is refused with its code point")
    func controlCharacter() {
        let error = parsingError("a: 1\nb: x\u{1B}y")
        #expect(error?.kind == .encoding)
        #expect(error?.message == "control characters are not allowed (U+001B)")
        #expect(error?.position == at(2, 5))
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func tooDeep() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = parsingError(deep)
        #expect(error?.kind == .tooDeep)
        #expect(error?.position == at(1, 257))
        let atLimit = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(parsingError(atLimit) == nil)
        let blockDeep = (0..<300).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(parsingError(blockDeep)?.kind == .tooDeep)
    }

    @Test("a JSON surrogate-pair escape is refused with a hint")
    func surrogatePair() {
        let error = parsingError(#"{"emoji": "\ud83d\ude00"}"#)
        #expect(error?.kind == .syntax)
        #expect(error?.position.line == 1)
        #expect(error?.message.contains(#"\U0001F600"#) == true)
    }

    @Test("an over-long hexadecimal integer is refused instead of converted")
    func longHexInteger() {
        let error = parsingError("n: 0x" + String(repeating: "f", count: 1001))
        #expect(error?.kind == .invalidScalar)
        #expect(error?.position == at(1, 4))
    }
}
