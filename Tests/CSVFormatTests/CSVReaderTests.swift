import Foundation
import Testing

@testable import CSVFormat

@Suite("CSVReader reads well-formed files")
struct CSVReaderTests {
    @Test("the first record is the header and the rest are numbered data rows")
    func headerAndRows() throws {
        let table = try CSVReader.parse("name,qty\nbolt,3\nnut,5\n")
        #expect(table.header == ["name", "qty"])
        #expect(
            table.rows == [
                CSVRow(fields: ["bolt", "3"], line: 2, number: 1),
                CSVRow(fields: ["nut", "5"], line: 3, number: 2),
            ])
    }

    @Test("a quoted field may hold a comma")
    func quotedComma() throws {
        let table = try CSVReader.parse("name,qty\n\"bolt, M8\",3\n")
        #expect(table.rows.first?.fields == ["bolt, M8", "3"])
    }

    @Test("a doubled quote inside a quoted field reads as one quote")
    func doubledQuote() throws {
        let table = try CSVReader.parse("name,note\n\"say \"\"hi\"\"\",\"\"\"\"\n")
        #expect(table.rows.first?.fields == ["say \"hi\"", "\""])
    }

    @Test("a quoted field may hold a line break")
    func quotedLineBreak() throws {
        let table = try CSVReader.parse("name,note\nbolt,\"first\nsecond\"\nnut,x\n")
        #expect(table.rows.map(\.fields) == [["bolt", "first\nsecond"], ["nut", "x"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test("line breaks inside quotes are kept verbatim and each counts as one line")
    func quotedLineBreakKinds() throws {
        let table = try CSVReader.parse("a,b\n\"1\r\n2\r3\n4\",x\ny,z\n")
        #expect(table.rows.first?.fields == ["1\r\n2\r3\n4", "x"])
        #expect(table.rows.map(\.line) == [2, 6])
    }

    @Test("LF, CRLF and lone CR line endings may be mixed in one file")
    func mixedLineEndings() throws {
        let table = try CSVReader.parse("h\r\na\nb\rc\r\nd")
        #expect(table.rows.map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
        #expect(table.rows.map(\.line) == [2, 3, 4, 5])
    }

    @Test("a quoted field may be followed by CRLF, a lone CR, or the end of the file")
    func quotedFieldEndings() throws {
        let table = try CSVReader.parse("h\n\"a\"\r\n\"b\"\r\"c\"")
        #expect(table.rows.map(\.fields) == [["a"], ["b"], ["c"]])
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test("a leading UTF-8 byte order mark is removed from bytes")
    func byteOrderMarkInBytes() throws {
        let table = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("name,qty\nbolt,3\n".utf8))
        #expect(table.header == ["name", "qty"])
        #expect(table.rows.first?.line == 2)
    }

    @Test("a leading U+FEFF is removed from text")
    func byteOrderMarkInText() throws {
        let table = try CSVReader.parse("\u{FEFF}name,qty\nbolt,3\n")
        #expect(table.header == ["name", "qty"])
    }

    @Test("a byte order mark after the start of the file is ordinary content")
    func laterByteOrderMark() throws {
        let table = try CSVReader.parse("name\n\u{FEFF}bolt\n")
        #expect(table.rows.first?.fields == ["\u{FEFF}bolt"])
    }

    @Test("lines with no characters are skipped, also before the header and at the end")
    func blankLinesSkipped() throws {
        let table = try CSVReader.parse("\nh\n\n1\n\r\n\r2\n\n\n")
        #expect(table.header == ["h"])
        #expect(table.rows == [CSVRow(fields: ["1"], line: 4, number: 1), CSVRow(fields: ["2"], line: 7, number: 2)])
    }

    @Test("a line holding only spaces is a record, not a blank line")
    func whitespaceLineIsARecord() throws {
        let table = try CSVReader.parse("name\n  \nbolt\n")
        #expect(table.rows.map(\.fields) == [["  "], ["bolt"]])
    }

    @Test("a trailing line break does not add a row, and the last record may lack one")
    func trailingLineBreak() throws {
        let withBreak = try CSVReader.parse("a,b\n1,2\n")
        let withoutBreak = try CSVReader.parse("a,b\n1,2")
        #expect(withBreak.rows.count == 1)
        #expect(withBreak == withoutBreak)
    }

    @Test("fields and header names are not trimmed")
    func noTrimming() throws {
        let table = try CSVReader.parse(" name ,\tqty\n  bolt , 3 \n")
        #expect(table.header == [" name ", "\tqty"])
        #expect(table.rows.first?.fields == ["  bolt ", " 3 "])
    }

    @Test("empty fields are kept, quoted or not, including after a trailing comma")
    func emptyFields() throws {
        let table = try CSVReader.parse("a,b,c\n,,\n\"\",x,\n,,\"\"")
        #expect(table.rows.map(\.fields) == [["", "", ""], ["", "x", ""], ["", "", ""]])
    }

    @Test("a lone quoted empty field keeps its row in a one-column file")
    func loneQuotedEmptyField() throws {
        let table = try CSVReader.parse("name\n\"\"\n")
        #expect(table.rows.map(\.fields) == [[""]])
    }

    @Test("a header with no data rows gives a table with no rows")
    func headerOnly() throws {
        let table = try CSVReader.parse("name,qty\r\n")
        #expect(table.header == ["name", "qty"])
        #expect(table.rows.isEmpty)
    }

    @Test("multi-byte UTF-8 is read intact, quoted or not")
    func multiByteText() throws {
        let table = try CSVReader.parse("Größe,名前\nÄpfel,\"🍎, 🍐\"\n")
        #expect(table.header == ["Größe", "名前"])
        #expect(table.rows.first?.fields == ["Äpfel", "🍎, 🍐"])
    }

    @Test("bytes, Data and String inputs read the same")
    func inputKindsAgree() throws {
        let text = "\u{FEFF}name,note\r\n\"a\"\"b\",\"c\nd\"\r\n"
        let fromText = try CSVReader.parse(text)
        let fromBytes = try CSVReader.parse(Array(text.utf8))
        let fromData = try CSVReader.parse(Data(text.utf8))
        #expect(fromText.rows.first?.fields == ["a\"b", "c\nd"])
        #expect(fromBytes == fromText)
        #expect(fromData == fromText)
    }

    @Test("a header named only by quotes is read like any other")
    func quotedHeader() throws {
        let table = try CSVReader.parse("\"item, name\",\"qty\"\nbolt,3\n")
        #expect(table.header == ["item, name", "qty"])
    }
}
