import ClaretModel
import ClaretServer
import ExactJSON
import Testing

@Suite("Contract 3, 4 and 5a: import processing")
struct ImportProcessingTests {
    @Test("a clean import is 200 with the documented message, status completed, counts and the job UI link")
    func cleanImport() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([
            Fixture.record(date: "2024-01-15"),
            Fixture.record(
                item: Fixture.seeded.item, bin: Fixture.seeded.bin, lot: Fixture.seeded.lot, date: Fixture.seeded.date,
                quantity: 4500),
        ])
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/json")
        #expect(
            reply.json
                == [
                    "message": "Inventory import processed.",
                    "content": [
                        "status": "completed",
                        "summary": ["received": 2, "created": 1, "updated": 1, "failed": 0],
                        "errors": [],
                        "job_status_link":
                            "http://claret.test:8080/demo/settings/application-maintenance/job-management/imports/logs/1",
                    ],
                ])
    }

    @Test("the unit of measure is matched by name or abbreviation, case-insensitively, and stored by name")
    func unitNameOrAbbreviation() throws {
        let mock = try TestMock.loggedIn()
        let spellings = ["Gallon", "gal", "GALLON", "Gal", "9LE Case", "9le", "9le case", "9LE"]
        let dates = Fixture.dates(spellings.count)
        let records = zip(spellings, dates).map { Fixture.record(date: $1, uom: $0) }
        let reply = mock.importRecords(records)
        #expect(reply.json["content"]?["status"] == "completed")
        #expect(reply.json["content"]?["errors"] == [])
        let units = dates.map { mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: $0)?["uom"]?.string }
        #expect(units == ["Gallon", "Gallon", "Gallon", "Gallon", "9LE Case", "9LE Case", "9LE Case", "9LE Case"])
    }

    @Test("unknown item, bin, lot and uom are record errors naming the field, one per name, counted once")
    func unknownNames() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([
            Fixture.record(date: "2024-01-01"),
            Fixture.record(item: "999-99", bin: "NOWHERE", lot: "NO-LOT", date: "2024-01-02", uom: "Barrel"),
            Fixture.record(bin: "SS-404", date: "2024-01-03"),
        ])
        #expect(reply.status == 200)
        let content = try #require(reply.json["content"])
        #expect(content["status"] == "completed_with_errors")
        #expect(content["summary"] == ["received": 3, "created": 1, "updated": 0, "failed": 2])
        #expect(
            content["errors"]
                == [
                    ["index": 1, "field": "item_name", "message": "Item '999-99' does not exist."],
                    ["index": 1, "field": "bin_name", "message": "Bin 'NOWHERE' does not exist."],
                    ["index": 1, "field": "lot_name", "message": "Lot 'NO-LOT' does not exist."],
                    ["index": 1, "field": "uom", "message": "Unit of measure 'Barrel' does not exist."],
                    ["index": 2, "field": "bin_name", "message": "Bin 'SS-404' does not exist."],
                ])
        #expect(mock.inventory().count == 2)
    }

    @Test("a new key with allow_record_creation false is refused as a whole (field null)")
    func creationNotAllowed() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([Fixture.record()], creation: false)
        let content = try #require(reply.json["content"])
        #expect(content["status"] == "failed")
        #expect(content["summary"] == ["received": 1, "created": 0, "updated": 0, "failed": 1])
        #expect(
            content["errors"]
                == [
                    [
                        "index": 0, "field": nil,
                        "message": "The record does not exist and record creation is not allowed.",
                    ]
                ])
        #expect(mock.inventory().count == 1)
    }

    @Test("an existing key with allow_record_update false is refused and keeps its quantity")
    func updateNotAllowed() throws {
        let mock = try TestMock.loggedIn()
        let seeded = Fixture.seeded
        let reply = mock.importRecords(
            [
                Fixture.record(item: seeded.item, bin: seeded.bin, lot: seeded.lot, date: seeded.date, quantity: 1),
                Fixture.record(),
            ], update: false)
        let content = try #require(reply.json["content"])
        #expect(content["status"] == "completed_with_errors")
        #expect(content["summary"] == ["received": 2, "created": 1, "updated": 0, "failed": 1])
        #expect(
            content["errors"]
                == [
                    [
                        "index": 0, "field": nil,
                        "message": "The record already exists and record update is not allowed.",
                    ]
                ])
        let row = mock.row(item: seeded.item, bin: seeded.bin, lot: seeded.lot, date: seeded.date)
        #expect(row?["quantity"] == 5000)
    }

    @Test("an update replaces quantity and uom, and the record is identified by item, bin, lot and date only")
    func updateReplacesQuantityAndUnit() throws {
        let mock = try TestMock.loggedIn()
        let seeded = Fixture.seeded
        let reply = mock.importRecords([
            Fixture.record(
                item: seeded.item, bin: seeded.bin, lot: seeded.lot, date: seeded.date, quantity: 12, uom: "9LE")
        ])
        #expect(reply.json["content"]?["summary"] == ["received": 1, "created": 0, "updated": 1, "failed": 0])
        #expect(
            mock.inventory() == [
                [
                    "item": "ZAMNVCAS19", "bin": "SS-01", "location_area": "North", "location": "ZAM-WINERY",
                    "lot": "RM19CASRUT.ZAM", "date_filled": "2023-08-01", "quantity": 12, "uom": "9LE Case",
                ]
            ])
    }

    @Test("another date filled is another record")
    func dateIsPartOfTheKey() throws {
        let mock = try TestMock.loggedIn()
        let seeded = Fixture.seeded
        let reply = mock.importRecords([
            Fixture.record(item: seeded.item, bin: seeded.bin, lot: seeded.lot, date: "2023-08-02", quantity: 1)
        ])
        #expect(reply.json["content"]?["summary"]?["created"] == 1)
        #expect(mock.inventory().count == 2)
    }

    @Test("the same key twice in one payload: the later record wins, counted as an update")
    func sameKeyTwice() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([Fixture.record(quantity: 1), Fixture.record(quantity: 2, uom: "9LE")])
        #expect(reply.json["content"]?["summary"] == ["received": 2, "created": 1, "updated": 1, "failed": 0])
        let row = mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15")
        #expect(row?["quantity"] == 2)
        #expect(row?["uom"] == "9LE Case")
    }

    @Test("should_continue_on_error false: the first record error stops the import and nothing is applied")
    func stopOnError() throws {
        let mock = try TestMock.loggedIn()
        let seeded = Fixture.seeded
        let reply = mock.importRecords(
            [
                Fixture.record(date: "2024-01-01"),
                Fixture.record(item: seeded.item, bin: seeded.bin, lot: seeded.lot, date: seeded.date, quantity: 1),
                Fixture.record(item: "NOPE", date: "2024-01-02"),
                Fixture.record(item: "ALSO-NOPE", date: "2024-01-03"),
            ], continueOnError: false)
        #expect(reply.status == 200)
        let content = try #require(reply.json["content"])
        #expect(content["status"] == "failed")
        #expect(content["summary"] == ["received": 4, "created": 0, "updated": 0, "failed": 1])
        #expect(content["errors"] == [["index": 2, "field": "item_name", "message": "Item 'NOPE' does not exist."]])

        #expect(
            mock.inventory() == [
                [
                    "item": "ZAMNVCAS19", "bin": "SS-01", "location_area": "North", "location": "ZAM-WINERY",
                    "lot": "RM19CASRUT.ZAM", "date_filled": "2023-08-01", "quantity": 5000, "uom": "Gallon",
                ]
            ])
    }

    @Test("should_continue_on_error false: the job log still records the failure")
    func stopOnErrorIsLogged() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords(
            [Fixture.record(date: "2024-01-01"), Fixture.record(item: "NOPE")], continueOnError: false)
        let link = reply.json["content"]?["job_status_link"]?.string
        let id = try #require(Fixture.jobID(fromLink: link))

        let status = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(status.status == 200)
        #expect(status.json["content"]?["status"] == "failed")
        #expect(status.json["content"]?["progress"]?["current_step"] == .null)
        let jobs = mock.send("GET", "/__harness/tenants/demo/jobs").json["data"]?.array ?? []
        #expect(jobs.count == 1)
        #expect(jobs.first?["status"] == "failed")
        #expect(jobs.first?["job_log_id"] == .number(JSONNumber(id)))
    }

    @Test("should_continue_on_error true: valid records are applied and failed ones reported")
    func continueOnError() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([
            Fixture.record(date: "2024-01-01"), Fixture.record(lot: "NO-LOT", date: "2024-01-02"),
            Fixture.record(date: "2024-01-03"),
        ])
        let content = try #require(reply.json["content"])
        #expect(content["status"] == "completed_with_errors")
        #expect(content["summary"] == ["received": 3, "created": 2, "updated": 0, "failed": 1])
        #expect(content["errors"] == [["index": 1, "field": "lot_name", "message": "Lot 'NO-LOT' does not exist."]])
        let dates = mock.inventory().filter { $0["item"] == "124" }.compactMap { $0["date_filled"]?.string }
        #expect(dates == ["2024-01-01", "2024-01-03"])
    }

    @Test("a quantity of 12.345 is kept exactly and read back as the JSON number 12.345")
    func exactQuantity() throws {
        let mock = try TestMock.loggedIn()
        #expect(mock.importRecords([Fixture.record(quantity: Fixture.number("12.345"))]).status == 200)
        let reply = mock.send("GET", "/__harness/tenants/demo/inventory")
        #expect(reply.text.contains(#""quantity":12.345"#))
        let row = mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15")
        #expect(row?["quantity"]?.number?.text == "12.345")
    }

    @Test("quantities keep digits a Double would lose")
    func quantityBeyondDouble() throws {
        let mock = try TestMock.loggedIn()
        let text = "12345678901234567.000000000000000001"
        #expect(mock.importRecords([Fixture.record(quantity: Fixture.number(text))]).status == 200)
        let row = mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15")
        #expect(row?["quantity"]?.number?.text == text)
    }

    @Test("a quantity written 1e3 reads back as 1000")
    func exponentQuantity() throws {
        let mock = try TestMock.loggedIn()
        #expect(mock.importRecords([Fixture.record(quantity: Fixture.number("1e3"))]).status == 200)
        let reply = mock.send("GET", "/__harness/tenants/demo/inventory")
        #expect(reply.text.contains(#""quantity":1000,"#))
        let row = mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15")
        #expect(row?["quantity"]?.number?.text == "1000")
    }

    @Test("names with spaces resolve: bin Refrigerator reads back in South Storage Building of ZAM-PARTNER")
    func binFixesAreaAndLocation() throws {
        let mock = try TestMock.loggedIn()
        #expect(mock.importRecords([Fixture.record(item: "122-16", bin: "Refrigerator")]).status == 200)
        let row = mock.row(item: "122-16", bin: "Refrigerator", lot: "FG-GEN-LOT", date: "2024-01-15")
        #expect(row?["location_area"] == "South Storage Building")
        #expect(row?["location"] == "ZAM-PARTNER")
    }
}
