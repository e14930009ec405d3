import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("Batch delete: row mode and filter mode")
struct BatchDeleteStoreTests {
    /// Five dates of 80 records each, plus the seeded record: 401 rows.
    static let days = ["2023-01-04", "2023-01-05", "2023-01-06", "2023-01-07", "2023-01-08"]

    /// A seeded store with the 400-record grid imported.
    static func gridStore() throws -> SeededStore {
        let fixture = try SeededStore()
        let (outcome, _) = try fixture.importing(grid(dates: days))
        #expect(outcome.summary.created == 400)
        return fixture
    }

    /// Deletes with `request` and checks that exactly the rows `selected` picks went, and that the count says so.
    static func expectDeletion(
        _ request: BatchDeleteRequest, in fixture: SeededStore, removes expected: Int,
        _ selected: (InventoryRow) -> Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try fixture.rows()
        #expect(before.filter(selected).count == expected, "the test's own expectation", sourceLocation: sourceLocation)
        let deleted = try fixture.store.delete(request, from: fixture.demo)
        #expect(deleted == expected, "deleted count", sourceLocation: sourceLocation)
        #expect(try fixture.rows() == before.filter { !selected($0) }, "rows left", sourceLocation: sourceLocation)
    }

    // MARK: - Row mode

    @Test("a row's fields are ANDed")
    func rowFieldsAreANDed() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let row = DeleteRow(item: "124", bin: "SS-02", lot: "FG-GEN-LOT")
        try Self.expectDeletion(.rows([row]), in: fixture, removes: 5) {
            $0.item == "124" && $0.bin == "SS-02" && $0.lot == "FG-GEN-LOT"
        }
    }

    @Test("a row with only an item deletes every record of the item")
    func itemOnlyRow() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        try Self.expectDeletion(.rows([DeleteRow(item: "ZAMNVCAS19")]), in: fixture, removes: 101) {
            $0.item == "ZAMNVCAS19"
        }
    }

    @Test("rows are ORed")
    func rowsAreORed() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let rows = [
            DeleteRow(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", dateFilled: date("2023-01-05")),
            DeleteRow(item: "122-16", dateFilled: date("2023-01-08")),
            DeleteRow(item: "ZAMNVCAS20", lot: "RM20CASRUT.ZAM", dateFilled: date("2023-01-04")),
        ]
        try Self.expectDeletion(.rows(rows), in: fixture, removes: 1 + 20 + 5) { row in
            (row.item == "124" && row.bin == "SS-02" && row.lot == "FG-GEN-LOT" && row.dateFilled == "2023-01-05")
                || (row.item == "122-16" && row.dateFilled == "2023-01-08")
                || (row.item == "ZAMNVCAS20" && row.lot == "RM20CASRUT.ZAM" && row.dateFilled == "2023-01-04")
        }
    }

    @Test("a row may name the location and the location area, which go through the bin")
    func rowLocationFields() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        try Self.expectDeletion(
            .rows([DeleteRow(item: "124", location: "ZAM-WINERY"), DeleteRow(item: "122-16", locationArea: "Storage")]),
            in: fixture, removes: 60 + 20
        ) { row in
            (row.item == "124" && row.location == "ZAM-WINERY") || (row.item == "122-16" && row.bin == "FG-GEN-BIN")
        }
        // A location and an area that do not belong together select nothing.
        let mismatched = DeleteRow(item: "ZAMNVCAS20", location: "ZAM-WHS", locationArea: "North")
        #expect(try fixture.store.delete(.rows([mismatched]), from: fixture.demo) == 0)
    }

    @Test("rows that match nothing delete nothing, and no rows delete nothing")
    func rowsMatchingNothing() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let before = try fixture.rows()
        #expect(try fixture.store.delete(.rows([DeleteRow(item: "NOPE")]), from: fixture.demo) == 0)
        #expect(try fixture.store.delete(.rows([DeleteRow(item: "124", bin: "NOWHERE")]), from: fixture.demo) == 0)
        #expect(try fixture.store.delete(.rows([]), from: fixture.demo) == 0)
        #expect(try fixture.rows() == before)
    }

    @Test("2500 rows in one request are deleted together and counted once each")
    func manyRows() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let records = grid(dates: dates(32))
        try fixture.importing(records)
        #expect(try fixture.rows().count == 2561)

        // Every field given, so each chunk of rows binds as many values as it can.
        let area = ["SS-01": "North", "SS-02": "North", "SS-03": "North", "FG-GEN-BIN": "Storage"]
        let location = ["North": "ZAM-WINERY", "Storage": "ZAM-WHS"]
        let chosen = records.prefix(2500)
        let rows = chosen.map { record in
            let areaName = area[record.key.bin] ?? "South Storage Building"
            return DeleteRow(
                item: record.key.item, location: location[areaName] ?? "ZAM-PARTNER", locationArea: areaName,
                bin: record.key.bin, lot: record.key.lot, dateFilled: record.key.dateFilled)
        }
        #expect(try fixture.store.delete(.rows(rows), from: fixture.demo) == 2500)
        let left = Set(try fixture.rows().map(RowKey.init))
        #expect(left == Set(records.dropFirst(2500).map(RowKey.init) + [RowKey(DemoSeed.seededRow)]))
    }

    @Test("a record matched by rows in different chunks of a large request is deleted and counted once")
    func duplicateRowsAcrossChunks() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let target = DeleteRow(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", dateFilled: date("2023-01-05"))
        let filler = (0..<1200).map { DeleteRow(item: "NOPE-\($0)") }
        let rows = [target] + filler[0..<600] + [target] + filler[600...] + [target]
        try Self.expectDeletion(.rows(rows), in: fixture, removes: 1) {
            $0.item == "124" && $0.bin == "SS-02" && $0.lot == "FG-GEN-LOT" && $0.dateFilled == "2023-01-05"
        }
    }

    // MARK: - Filter mode

    @Test("different criteria are ANDed and the values of one criterion ORed")
    func filtersANDedValuesORed() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let filters = DeleteFilters(items: ["124", "122-16"], bins: ["SS-01", "Refrigerator"], lots: ["FG-GEN-LOT"])
        try Self.expectDeletion(.filters(filters), in: fixture, removes: 2 * 2 * 1 * 5) { row in
            ["124", "122-16"].contains(row.item) && ["SS-01", "Refrigerator"].contains(row.bin)
                && row.lot == "FG-GEN-LOT"
        }
    }

    @Test("a date range is inclusive at both ends")
    func dateRangeInclusive() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let filters = DeleteFilters(dateFilledFrom: date("2023-01-05"), dateFilledTo: date("2023-01-07"))
        try Self.expectDeletion(.filters(filters), in: fixture, removes: 240) {
            $0.dateFilled >= "2023-01-05" && $0.dateFilled <= "2023-01-07"
        }
        #expect(Set(try fixture.rows().map(\.dateFilled)) == ["2023-01-04", "2023-01-08", "2023-08-01"])
    }

    @Test("an open-ended date range deletes from its one end on")
    func openEndedDateRange() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        try Self.expectDeletion(.filters(DeleteFilters(dateFilledFrom: date("2023-01-08"))), in: fixture, removes: 81) {
            $0.dateFilled >= "2023-01-08"
        }
        try Self.expectDeletion(.filters(DeleteFilters(dateFilledTo: date("2023-01-04"))), in: fixture, removes: 80) {
            $0.dateFilled <= "2023-01-04"
        }
        // A single day as both ends.
        let day = DeleteFilters(items: ["124"], dateFilledFrom: date("2023-01-06"), dateFilledTo: date("2023-01-06"))
        try Self.expectDeletion(.filters(day), in: fixture, removes: 20) {
            $0.item == "124" && $0.dateFilled == "2023-01-06"
        }
    }

    @Test("location and location area filters select through the records' bins")
    func locationFilters() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let outside = DeleteFilters(locations: ["ZAM-WHS", "ZAM-PARTNER"])
        try Self.expectDeletion(.filters(outside), in: fixture, removes: 160) {
            ["FG-GEN-BIN", "Refrigerator"].contains($0.bin)
        }
        try Self.expectDeletion(
            .filters(DeleteFilters(locationAreas: ["North"], lots: ["RM19CASSH.ZAM"])), in: fixture, removes: 60
        ) { $0.locationArea == "North" && $0.lot == "RM19CASSH.ZAM" }
    }

    @Test("an empty list in a filter deletes nothing")
    func emptyListDeletesNothing() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let before = try fixture.rows()
        #expect(try fixture.store.delete(.filters(DeleteFilters(items: [])), from: fixture.demo) == 0)
        #expect(try fixture.store.delete(.filters(DeleteFilters(items: [], bins: ["SS-01"])), from: fixture.demo) == 0)
        #expect(try fixture.store.delete(.filters(DeleteFilters()), from: fixture.demo) == 0)
        #expect(try fixture.rows() == before)
    }

    @Test("filter names that match nothing delete nothing")
    func unknownFilterNames() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let before = try fixture.rows()
        #expect(try fixture.store.delete(.filters(DeleteFilters(items: ["NOPE"])), from: fixture.demo) == 0)
        #expect(try fixture.store.delete(.filters(DeleteFilters(locations: ["ZAM-NOWHERE"])), from: fixture.demo) == 0)
        #expect(try fixture.rows() == before)
    }

    @Test("a filter naming more values than SQLite binds in one statement still works")
    func hugeFilterList() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        // A 10 MiB body holds millions of short names: more than SQLite binds in one statement (32766 upstream,
        // 250000 in Debian's build).
        let names = (0..<260_000).map { "N\($0)" } + ["124"]
        try Self.expectDeletion(.filters(DeleteFilters(items: names)), in: fixture, removes: 100) { $0.item == "124" }
    }

    @Test("a delete-everything request deletes every record and says how many")
    func deleteEverything() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let all = DeleteFilters(dateFilledFrom: date("0001-01-01"), dateFilledTo: date("9999-12-31"))
        #expect(try fixture.store.delete(.filters(all), from: fixture.demo) == 401)
        #expect(try fixture.rows().isEmpty)
    }

    @Test("a delete in one tenant never touches another tenant's records of the same names")
    func deleteIsolation() throws {
        let fixture = try Self.gridStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(demoCopy(named: "acme"))
        let acmeAdmin = try #require(
            try fixture.store.user(in: acme, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        try fixture.importing(grid(dates: Self.days), into: acme, by: acmeAdmin)
        let acmeBefore = try fixture.rows(of: acme)
        #expect(acmeBefore.count == 401)

        #expect(try fixture.store.delete(.filters(DeleteFilters(bins: ["SS-01"])), from: fixture.demo) == 81)
        #expect(try fixture.store.delete(.rows([DeleteRow(item: "124")]), from: fixture.demo) == 80)
        #expect(try fixture.rows(of: acme) == acmeBefore)
        #expect(try fixture.rows().count == 401 - 81 - 80)
    }
}
