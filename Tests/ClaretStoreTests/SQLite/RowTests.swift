import ClaretStore
import Testing

@Suite("Row")
struct RowTests {
    @Test("NULL reads as 0, empty text and false, and as nil through the optional accessors")
    func nullDefaults() {
        let row = Row(values: [.null])
        #expect(row.int(0) == 0)
        #expect(row.int64(0) == 0)
        #expect(row.double(0) == 0)
        #expect(row.text(0) == "")
        #expect(row.bool(0) == false)
        #expect(row.blob(0) == [])
        #expect(row.optionalInt(0) == nil)
        #expect(row.optionalText(0) == nil)
        #expect(row.optionalDouble(0) == nil)
        #expect(row.optionalBool(0) == nil)
    }

    @Test("values convert between storage classes like SQLite's casts")
    func conversions() {
        let row = Row(values: [.integer(7), .text(" 12 "), .real(2.9), .text("abc"), .real(1e300), .integer(0)])
        #expect(row.text(0) == "7")
        #expect(row.int(1) == 12)
        #expect(row.int(2) == 2)
        #expect(row.double(0) == 7)
        #expect(row.int(3) == 0)
        #expect(row.int64(4) == .max)
        #expect(row.bool(0) && !row.bool(5))
        #expect(row.optionalInt(5) == 0)
    }

    @Test("columns can be found by name")
    func columnNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.file("names.sqlite"))
        let row = try connection.queryOne("SELECT 1 AS id, 'x' AS item_name")
        #expect(row?.columnNames == ["id", "item_name"])
        #expect(row?["item_name"] == .text("x"))
        #expect(row?["missing"] == nil)
        #expect(row?.count == 2)
    }
}
