import Testing

@testable import CSVFormat

/// The error reading `text` raises, or nil when it reads cleanly.
func readingError(_ text: String) -> CSVError? {
    readingError(Array(text.utf8))
}

/// The error reading `bytes` raises, or nil when they read cleanly.
func readingError(_ bytes: [UInt8]) -> CSVError? {
    do {
        _ = try CSVReader.parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("CSVReader refuses malformed files and says where")
struct CSVReaderErrorTests {
    @Test(
        "a file with no bytes, only a byte order mark, or only whitespace lines is empty",
        arguments: ["", "\u{FEFF}", "\n\r\n\r", "  \n\t\n", "\u{FEFF} \r\n"])
    func empty(text: String) throws {
        let error = try #require(readingError(text))
        #expect(error.kind == .empty)
        #expect(error.line == 1)
        #expect(error.column == 1)
        #expect(error.row == nil)
        #expect(error.message == "line 1: the file is empty; a CSV file must start with a header row")
    }

    @Test("a byte that is not UTF-8 is reported at its line and field")
    func invalidUTF8InRow() throws {
        let error = try #require(readingError(Array("name,qty\nbolt,3\nnut,".utf8) + [0xFF] + Array("5\n".utf8)))
        #expect(error.kind == .invalidUTF8)
        #expect(error.line == 3)
        #expect(error.column == 2)
        #expect(error.row == 2)
        #expect(
            error.message
                == "row 2 (line 3), column 2: the file is not valid UTF-8 here (byte 0xFF at offset 20); save it as UTF-8"
        )
    }

    @Test("invalid UTF-8 in the header names the header")
    func invalidUTF8InHeader() throws {
        // Latin-1 "Größe": 0xF6 is not UTF-8.
        let error = try #require(readingError(Array("name,Gr".utf8) + [0xF6] + Array("sse\n".utf8)))
        #expect(error.kind == .invalidUTF8)
        #expect((error.line, error.column, error.row) == (1, 2, nil))
        #expect(error.message.hasPrefix("header (line 1), column 2: "))
    }

    @Test("invalid UTF-8 inside a multi-line quoted field is reported on the line it is on")
    func invalidUTF8InQuotedField() throws {
        let error = try #require(readingError(Array("a,b\n1,\"x\ny\nz".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)))
        #expect(error.kind == .invalidUTF8)
        #expect((error.line, error.column, error.row) == (4, 2, 1))
    }

    @Test(
        "malformed UTF-8 sequences are refused",
        arguments: [
            [0x80],  // a continuation byte with no lead
            [0xC0, 0xAF],  // an overlong slash
            [0xE0, 0x80, 0xAF],  // an overlong three-byte form
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xF8, 0x88, 0x80, 0x80, 0x80],  // a five-byte form
            [0xE2, 0x82],  // a sequence cut short by the end of the file
            [0xE2, 0x82, 0x2C],  // a sequence cut short by a comma
        ] as [[UInt8]])
    func malformedSequences(sequence: [UInt8]) throws {
        let error = try #require(readingError(Array("a\n".utf8) + sequence))
        #expect(error.kind == .invalidUTF8)
        #expect((error.line, error.column) == (2, 1))
    }

    @Test("well-formed sequences at the edges of each UTF-8 range are accepted")
    func wellFormedEdges() throws {
        let sequences: [[UInt8]] = [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        let body = sequences.flatMap { Array("\n".utf8) + $0 }
        let table = try CSVReader.parse(Array("h".utf8) + body)
        #expect(table.rows.map { Array($0.fields[0].utf8) } == sequences)
    }

    @Test("a quoted field still open at the end of the file is reported where it opens")
    func unterminatedQuote() throws {
        let error = try #require(readingError("a,b,c\n1,2,3\n1,2,3\n1,2,3\n1,2,\"open\nmore\n"))
        #expect(error.kind == .unterminatedQuote)
        #expect((error.line, error.column, error.row) == (5, 3, 4))
        #expect(error.message == "row 4 (line 5), column 3: a quoted field is not closed before the end of the file")
    }

    @Test("a quote inside an unquoted field is refused")
    func quoteInUnquotedField() throws {
        let error = try #require(readingError("name,size\nbolt,3\"\n"))
        #expect(error.kind == .quoteInUnquotedField)
        #expect((error.line, error.column, error.row) == (2, 2, 1))
        #expect(error.message.hasPrefix("row 1 (line 2), column 2: a quote appears inside a field"))
    }

    @Test("a space before an opening quote makes the quote part of an unquoted field")
    func spaceBeforeQuote() throws {
        let error = try #require(readingError("a,b\n1, \"x\"\n"))
        #expect(error.kind == .quoteInUnquotedField)
        #expect(error.column == 2)
    }

    @Test("text after a closing quote is refused", arguments: ["\"x\"y,2\n", "\"x\" ,2\n", "\"x\"\"\"z,2"])
    func textAfterClosingQuote(row: String) throws {
        let error = try #require(readingError("a,b\n1,2\n" + row))
        #expect(error.kind == .textAfterClosingQuote)
        #expect((error.line, error.column, error.row) == (3, 1, 2))
        #expect(error.message.hasPrefix("row 2 (line 3), column 1: text follows the closing quote"))
    }

    @Test("text after a closing quote is reported on the line where the quoted field ends")
    func textAfterMultiLineQuote() throws {
        let error = try #require(readingError("a,b\n1,\"x\ny\"z\n"))
        #expect(error.kind == .textAfterClosingQuote)
        #expect((error.line, error.column) == (3, 2))
    }

    @Test("a record with more fields than the header points at the first extra field")
    func tooManyFields() throws {
        let error = try #require(readingError("a,b\n1,2\n1,2,3,4\n"))
        #expect(error.kind == .fieldCountMismatch)
        #expect((error.line, error.column, error.row) == (3, 3, 2))
        #expect(error.message == "row 2 (line 3), column 3: expected 2 fields as in the header, found 4")
    }

    @Test("a record with fewer fields than the header points at the first missing field")
    func tooFewFields() throws {
        let error = try #require(readingError("a,b,c\n1\n"))
        #expect(error.kind == .fieldCountMismatch)
        #expect((error.line, error.column, error.row) == (2, 2, 1))
        #expect(error.message == "row 1 (line 2), column 2: expected 3 fields as in the header, found 1")
    }

    @Test("a field count mismatch names the line where the record starts, after multi-line fields")
    func mismatchLineAfterMultiLineField() throws {
        let error = try #require(readingError("a,b\n\"x\r\ny\",2\n\n1\n"))
        #expect(error.kind == .fieldCountMismatch)
        #expect((error.line, error.row) == (5, 2))
    }

    @Test("a whitespace-only line in a multi-column file is a short record")
    func whitespaceLineIsShort() throws {
        let error = try #require(readingError("a,b\n1,2\n   \n"))
        #expect(error.kind == .fieldCountMismatch)
        #expect((error.line, error.column) == (3, 2))
    }

    @Test("a header name that is empty after trimming is refused", arguments: ["a,,c\n", "a, \t,c\n", "a,\"\",c"])
    func emptyHeader(text: String) throws {
        let error = try #require(readingError(text))
        #expect(error.kind == .emptyHeader)
        #expect((error.line, error.column, error.row) == (1, 2, nil))
        #expect(error.message == "header (line 1), column 2: the header name is empty; every column needs a name")
    }

    @Test("a trailing comma in the header makes an empty last name")
    func headerTrailingComma() throws {
        let error = try #require(readingError("\n\na,b,\n1,2,3\n"))
        #expect(error.kind == .emptyHeader)
        #expect((error.line, error.column) == (3, 3))
    }

    @Test("header names that differ only by case or surrounding spaces are duplicates")
    func duplicateHeader() throws {
        let error = try #require(readingError("Qty,name, qty \n1,a,2\n"))
        #expect(error.kind == .duplicateHeader)
        #expect((error.line, error.column, error.row) == (1, 3, nil))
        #expect(
            error.message
                == "header (line 1), column 3: the header name \" qty \" repeats column 1 (\"Qty\"); "
                + "names must differ by more than case and surrounding spaces")
    }

    @Test("the first problem in the file is the one reported")
    func firstProblemWins() throws {
        let error = try #require(readingError("a,b\n1,2,3\n\"open\n"))
        #expect(error.kind == .fieldCountMismatch)
        #expect(error.line == 2)
    }

    @Test("an error's description is its message")
    func descriptionIsMessage() throws {
        let error = try #require(readingError("a\n\"x"))
        #expect(error.description == error.message)
        #expect("\(error)" == "row 1 (line 2), column 1: a quoted field is not closed before the end of the file")
    }

    @Test("error kinds have stable snake_case codes")
    func kindCodes() {
        #expect(
            CSVError.Kind.allCases.map(\.rawValue) == [
                "empty", "invalid_utf8", "unterminated_quote", "quote_in_unquoted_field", "text_after_closing_quote",
                "field_count_mismatch", "empty_header", "duplicate_header",
            ])
    }
}
