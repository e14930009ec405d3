import Testing

@testable import CSVFormat

@Suite("CSVWriter writes CSV that reads back the same")
struct CSVWriterTests {
    /// Fields that each need some care to survive a round trip.
    static let awkwardFields = [
        "plain", "", "with, comma", "say \"hi\"", "\"", "line\nbreak", "crlf\r\nbreak", "lone\rcr", " leading",
        "trailing ", "\ttab", "inner space", "Größe 🍎", "\u{FEFF}mark", "\"\u{301}", ",", "\n",
    ]

    @Test("plain fields are written bare, each record ending in CRLF by default")
    func plainFields() {
        let text = CSVWriter.write(header: ["name", "qty"], rows: [["bolt", "3"], ["nut", ""]])
        #expect(text == "name,qty\r\nbolt,3\r\nnut,\r\n")
    }

    @Test("the line ending can be chosen")
    func lineEnding() {
        let text = CSVWriter.write(header: ["name"], rows: [["bolt"]], lineEnding: "\n")
        #expect(text == "name\nbolt\n")
    }

    @Test(
        "a field is quoted only when it must be, with inner quotes doubled",
        arguments: [
            ("plain", "plain"), ("inner space", "inner space"), ("", ""), ("ünï", "ünï"),
            ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("x\ny", "\"x\ny\""), ("x\ry", "\"x\ry\""),
            (" lead", "\" lead\""), ("trail ", "\"trail \""), ("\ttab", "\"\ttab\""), ("\u{FEFF}x", "\"\u{FEFF}x\""),
        ])
    func encodeField(field: String, expected: String) {
        #expect(CSVWriter.encode(field: field) == expected)
    }

    @Test("a quote carrying a combining mark is still doubled")
    func quoteWithCombiningMark() {
        #expect(Array(CSVWriter.encode(field: "\"\u{301}").utf8) == Array("\"\"\"\u{301}\"".utf8))
    }

    @Test("a row holding one empty field is written as a quoted empty field so it is not skipped")
    func loneEmptyField() throws {
        let text = CSVWriter.write(header: ["name"], rows: [[""], ["bolt"]])
        #expect(text == "name\r\n\"\"\r\nbolt\r\n")
        #expect(try CSVReader.parse(text).rows.map(\.fields) == [[""], ["bolt"]])
    }

    @Test("awkward fields survive a round trip through the reader", arguments: ["\r\n", "\n", "\r"])
    func roundTrip(lineEnding: String) throws {
        let header = ["id", "value", "other"]
        let rows = Self.awkwardFields.enumerated().map { ["\($0.offset)", $0.element, $0.element + "!"] }
        let table = try CSVReader.parse(CSVWriter.write(header: header, rows: rows, lineEnding: lineEnding))
        #expect(table.header == header)
        #expect(table.rows.map(\.fields) == rows)
        #expect(table.rows.map(\.number) == Array(1...rows.count))
    }

    @Test("each awkward field survives alone in a one-column file")
    func roundTripSingleColumn() throws {
        let rows = Self.awkwardFields.map { [$0] }
        let table = try CSVReader.parse(CSVWriter.write(header: ["value"], rows: rows))
        #expect(table.rows.map(\.fields) == rows)
    }

    @Test("a header starting with U+FEFF keeps it through a round trip")
    func headerStartingWithMark() throws {
        let header = ["\u{FEFF}name", "qty"]
        let table = try CSVReader.parse(CSVWriter.write(header: header, rows: []))
        #expect(table.header == header)
    }

    @Test("a parsed table written back out reads the same, row lines included")
    func tableRoundTrip() throws {
        let original = try CSVReader.parse("name,note\nbolt,\"two\nlines\"\n\" nut\",\"a \"\"b\"\"\"\n")
        let again = try CSVReader.parse(CSVWriter.write(original, lineEnding: "\n"))
        #expect(again == original)
        #expect(again.rows.map(\.line) == [2, 4])
    }
}
