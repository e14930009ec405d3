import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("Inventory: JSON imports and paging")
struct InventoryStoreTests {
    @Test("an import creates new records and updates the quantity and unit of existing ones")
    func createsAndUpdates() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, job) = try fixture.importing([
            record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "4500", "9LE"),
            record("122-16", "FG-GEN-BIN", "FG-GEN-LOT", "2024-01-15", "12"),
        ])
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 2, created: 1, updated: 1, failed: 0))
        #expect(outcome.appliedIndexes == [0, 1])
        #expect(job.status == .completed)
        #expect(
            try fixture.rows() == [
                InventoryRow(
                    item: "122-16", bin: "FG-GEN-BIN", locationArea: "Storage", location: "ZAM-WHS", lot: "FG-GEN-LOT",
                    dateFilled: "2024-01-15", quantity: quantity("12"), unit: "Gallon"),
                InventoryRow(
                    item: "ZAMNVCAS19", bin: "SS-01", locationArea: "North", location: "ZAM-WINERY",
                    lot: "RM19CASRUT.ZAM", dateFilled: "2023-08-01", quantity: quantity("4500"), unit: "9LE Case"),
            ])
    }

    @Test("a record differing only in date filled is a new record")
    func dateFilledIsPartOfIdentity() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, _) = try fixture.importing([
            record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-02", "1")
        ])
        #expect(outcome.summary.created == 1)
        #expect(try fixture.rows().map(\.dateFilled) == ["2023-08-01", "2023-08-02"])
        #expect(try fixture.rows().first?.quantity == quantity("5000"))
    }

    @Test("quantities are kept exactly, never through a float")
    func exactQuantities() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let inputs = ["12.345", "1e3", "0.1", "12345678901234567.000000001", "2.50", "1.5E-2"]
        let expected = ["12.345", "1000", "0.1", "12345678901234567.000000001", "2.5", "0.015"]
        let records = inputs.enumerated().map { index, amount in
            record("124", "SS-02", "FG-GEN-LOT", "2024-01-0\(index + 1)", amount)
        }
        let (outcome, _) = try fixture.importing(records)
        #expect(outcome.summary.created == inputs.count)
        let stored = try fixture.rows().filter { $0.item == "124" }.map(\.quantity.text)
        #expect(stored == expected)

        // The stored text itself is the exact decimal.
        let connection = try Connection(path: fixture.store.path, readOnly: true)
        defer { connection.close() }
        let texts = try connection.query("SELECT quantity FROM inventory ORDER BY date_filled").map { $0.text(0) }
        #expect(texts.contains("12345678901234567.000000001"))
        #expect(texts.contains("12.345"))
    }

    @Test(
        "a unit matches by name or abbreviation, case-insensitively, and reads back by name",
        arguments: [
            ("Gallon", "Gallon"), ("gallon", "Gallon"), ("GAL", "Gallon"), ("gal", "Gallon"), ("9LE", "9LE Case"),
            ("9le", "9LE Case"), ("9le case", "9LE Case"), ("9LE CASE", "9LE Case"),
        ])
    func unitMatching(sent: String, stored: String) throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, _) = try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3", sent)])
        #expect(outcome.summary.created == 1)
        #expect(try fixture.rows().first { $0.item == "124" }?.unit == stored)
    }

    @Test("item, bin and lot names are matched exactly")
    func namesAreCaseSensitive() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, _) = try fixture.importing([
            record("zamnvcas19", "SS-01", "RM19CASRUT.ZAM", "2024-01-01", "1"),
            record("ZAMNVCAS19", "ss-01", "RM19CASRUT.ZAM", "2024-01-01", "1"),
            record("ZAMNVCAS19", "SS-01", "rm19casrut.zam", "2024-01-01", "1"),
        ])
        #expect(outcome.summary.failed == 3)
        #expect(outcome.errors.map(\.field) == ["item_name", "bin_name", "lot_name"])
    }

    @Test("unknown names and unknown units are record errors, one per name")
    func unknownNames() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, _) = try fixture.importing([
            record("NOPE", "NOWHERE", "RM19CASRUT.ZAM", "2024-01-01", "1", "litre"),
            record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
        ])
        #expect(outcome.status == .completedWithErrors)
        #expect(outcome.summary == ImportSummary(received: 2, created: 1, updated: 0, failed: 1))
        #expect(outcome.errors.map(\.field) == ["item_name", "bin_name", "uom"])
        #expect(outcome.errors.allSatisfy { $0.index == 0 })
        #expect(outcome.appliedIndexes == [1])
        #expect(try fixture.rows().count == 2)
    }

    @Test("without creation allowed a new record is refused; without update allowed an existing one is")
    func switchesRefuse() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let existing = record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "1")
        let new = record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3")
        let noCreation = ImportOptions(allowCreation: false, allowUpdate: true, continueOnError: true)
        let (first, _) = try fixture.importing([new, existing], options: noCreation)
        #expect(first.summary == ImportSummary(received: 2, created: 0, updated: 1, failed: 1))
        #expect(first.errors.count == 1 && first.errors[0].index == 0 && first.errors[0].field == nil)
        #expect(try fixture.rows().map(\.quantity.text) == ["1"])

        let noUpdate = ImportOptions(allowCreation: true, allowUpdate: false, continueOnError: true)
        let changed = record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "99")
        let (second, _) = try fixture.importing([changed, new], options: noUpdate)
        #expect(second.summary == ImportSummary(received: 2, created: 1, updated: 0, failed: 1))
        #expect(second.errors.map(\.index) == [0])
        #expect(try fixture.rows().map(\.quantity.text) == ["3", "1"])
    }

    @Test("the same key twice in one import: the later record wins and counts as an update")
    func laterRecordWins() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, _) = try fixture.importing([
            record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
            record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "4", "9LE"),
        ])
        #expect(outcome.summary == ImportSummary(received: 2, created: 1, updated: 1, failed: 0))
        let row = try #require(try fixture.rows().first { $0.item == "124" })
        #expect(row.quantity == quantity("4") && row.unit == "9LE Case")
    }

    @Test("with continue_on_error false one failure rolls back every record but the failed job log is kept")
    func stopOnErrorRollsBack() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let stop = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: false)
        let (outcome, job) = try fixture.importing(
            [
                record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "1"),
                record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
                record("NOPE", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
                record("122-16", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
            ], options: stop)
        #expect(outcome.status == .failed)
        #expect(outcome.summary == ImportSummary(received: 4, created: 0, updated: 0, failed: 1))
        #expect(outcome.errors.map(\.index) == [2])
        #expect(try fixture.rows() == [DemoSeed.seededRow])

        #expect(job.status == .failed)
        let stored = try fixture.store.jobs(of: fixture.demo)
        #expect(stored.count == 1)
        #expect(stored.first?.id == job.id)
        #expect(stored.first?.status == .failed)
        #expect(stored.first?.summary == outcome.summary)
    }

    @Test("with continue_on_error false and no failure everything is applied")
    func stopOnErrorWithoutErrors() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let stop = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: false)
        let (outcome, _) = try fixture.importing(
            [
                record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "1"),
                record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
            ], options: stop)
        #expect(outcome.status == .completed)
        #expect(try fixture.rows().map(\.quantity.text) == ["3", "1"])
    }

    @Test("an import in one tenant never touches another's records of the same names")
    func importIsolation() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(demoCopy(named: "acme"))
        let acmeBefore = try fixture.rows(of: acme)
        try fixture.importing([
            record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "1"),
            record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
        ])
        #expect(try fixture.rows(of: acme) == acmeBefore)
        #expect(acmeBefore == [DemoSeed.seededRow])
        #expect(try fixture.store.jobs(of: acme).isEmpty)
    }

    @Test("inventory pages hold 1000 rows sorted by item, bin, lot and date, with the total and the next index")
    func paging() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        // Imported in reverse order, so the sort cannot come from insertion order.
        let records = Array(grid(dates: dates(32)).reversed())
        let (outcome, _) = try fixture.importing(records)
        #expect(outcome.summary.created == 2560)
        let total = 2561

        let first = try fixture.store.inventory(of: fixture.demo, from: 0, limit: 1000)
        let second = try fixture.store.inventory(of: fixture.demo, from: 1000, limit: 1000)
        let third = try fixture.store.inventory(of: fixture.demo, from: 2000, limit: 1000)
        #expect([first.rows.count, second.rows.count, third.rows.count] as [Int] == [1000, 1000, 561])
        #expect([first.total, second.total, third.total] as [Int] == [total, total, total])
        #expect(first.nextIndex == 1000)
        #expect(second.nextIndex == 2000)
        #expect(third.nextIndex == nil)

        let all = (first.rows + second.rows + third.rows).map(RowKey.init)
        #expect(all == all.sorted())
        #expect(Set(all) == Set(records.map(RowKey.init) + [RowKey(DemoSeed.seededRow)]))
        #expect(all.count == Set(all).count)
    }

    @Test("a page past the end is empty and last; an empty inventory is one empty page")
    func pagingEdges() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let beyond = try fixture.store.inventory(of: fixture.demo, from: 5, limit: 1000)
        #expect(beyond.rows.isEmpty && beyond.total == 1 && beyond.nextIndex == nil)
        let exact = try fixture.store.inventory(of: fixture.demo, from: 0, limit: 1)
        #expect(exact.rows == [DemoSeed.seededRow] && exact.nextIndex == nil)

        #expect(try fixture.store.delete(.filters(DeleteFilters(items: ["ZAMNVCAS19"])), from: fixture.demo) == 1)
        let empty = try fixture.store.inventory(of: fixture.demo, from: 0, limit: 1000)
        #expect(empty.rows.isEmpty && empty.total == 0 && empty.nextIndex == nil)
    }

    @Test("a page boundary on the last row leaves no dangling next index")
    func pageBoundary() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        try fixture.importing(Array(grid(dates: dates(25)).prefix(1999)))
        let second = try fixture.store.inventory(of: fixture.demo, from: 1000, limit: 1000)
        #expect(second.total == 2000)
        #expect(second.rows.count == 1000)
        #expect(second.nextIndex == nil)
    }
}
