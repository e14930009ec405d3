import Testing

@testable import CSVFormat

@Suite("CSVTable and CSVRow look values up")
struct CSVTableTests {
    let table = CSVTable(
        header: ["item_name", " Quantity ", "qty", "Qty"],
        rows: [CSVRow(fields: ["bolt", "3", "4", "5"], line: 2, number: 1)])

    @Test("a column is found by its exact name")
    func exactName() {
        #expect(table.columnIndex(of: "item_name") == 0)
        #expect(table.columnIndex(of: " Quantity ") == 1)
    }

    @Test("an exact match wins over an earlier case-insensitive one")
    func exactWins() {
        #expect(table.columnIndex(of: "Qty") == 3)
        #expect(table.columnIndex(of: "qty") == 2)
    }

    @Test("a column is found ignoring case and surrounding whitespace on either side")
    func looseName() {
        #expect(table.columnIndex(of: "quantity") == 1)
        #expect(table.columnIndex(of: "  ITEM_NAME\t") == 0)
        #expect(table.columnIndex(of: "QTY ") == 2)
    }

    @Test("an unknown column name finds nothing")
    func unknownName() {
        #expect(table.columnIndex(of: "price") == nil)
        #expect(table.columnIndex(of: "item name") == nil)
        #expect(table.columnIndex(of: "") == nil)
    }

    @Test("a row's subscript gives nil outside its fields")
    func rowSubscript() throws {
        let row = try #require(table.rows.first)
        #expect(row[0] == "bolt")
        #expect(row[3] == "5")
        #expect(row[4] == nil)
        #expect(row[-1] == nil)
    }

    @Test("a row's value is found by column name")
    func valueByName() throws {
        let row = try #require(table.rows.first)
        #expect(table.value(in: row, column: "QUANTITY") == "3")
        #expect(table.value(in: row, column: "price") == nil)
        #expect(table.value(in: CSVRow(fields: ["bolt"], line: 3, number: 2), column: "qty") == nil)
    }

    @Test("columns of a parsed file are found the same way")
    func parsedLookup() throws {
        let parsed = try CSVReader.parse("\u{FEFF}Item Name , Qty\nbolt,3\n")
        #expect(parsed.columnIndex(of: "item name") == 0)
        #expect(parsed.columnIndex(of: "qty") == 1)
    }
}
