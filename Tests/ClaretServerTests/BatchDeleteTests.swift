import ClaretModel
import ClaretServer
import ExactJSON
import Testing

@Suite("Contract 7: batch delete")
struct BatchDeleteTests {
    /// A mock holding, besides the seeded record, four records spread over locations, lots and dates.
    static func stockedMock() throws -> TestMock {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([
            Fixture.record(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-10"),
            Fixture.record(item: "124", bin: "FG-GEN-BIN", lot: "FG-GEN-LOT", date: "2024-01-20"),
            Fixture.record(item: "122-16", bin: "Refrigerator", lot: "RM20CASRUT.ZAM", date: "2024-01-31"),
            Fixture.record(item: "ZAMNVCAS20", bin: "SS-03", lot: "RM19CASSH.ZAM", date: "2024-02-01"),
        ])
        guard reply.json["content"]?["status"] == "completed" else {
            throw TestFailure("stocking the mock failed: \(reply.text)")
        }
        return mock
    }

    /// The (item, bin) pairs left, in read-back order.
    static func remaining(_ mock: TestMock) -> [String] {
        mock.inventory().map { "\($0["item"]?.string ?? "?")@\($0["bin"]?.string ?? "?")" }
    }

    static func deleted(_ mode: String, _ count: Int) -> JSONValue {
        [
            "message": "Inventory records deleted.",
            "content": ["mode": .string(mode), "deleted_count": .number(JSONNumber(count))],
        ]
    }

    @Test("row mode deletes records matching all fields of a row (singular names, no _name)")
    func rowFieldsAreANDed() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["rows": [["item": "124", "bin": "FG-GEN-BIN", "lot": "FG-GEN-LOT"]]])
        #expect(reply.status == 200)
        #expect(reply.json == Self.deleted("rows", 1))
        #expect(Self.remaining(mock) == ["122-16@Refrigerator", "124@SS-02", "ZAMNVCAS19@SS-01", "ZAMNVCAS20@SS-03"])
    }

    @Test("a row whose fields do not all match deletes nothing")
    func rowNeedsAllFields() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["rows": [["item": "124", "bin": "SS-02", "date_filled": "2024-01-20"]]])
        #expect(reply.json == Self.deleted("rows", 0))
        #expect(mock.inventory().count == 5)
    }

    @Test("rows are ORed, and location and location_area narrow a row through the bin")
    func rowsAreORed() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete([
            "rows": [
                ["item": "124", "location": "ZAM-WHS"],
                ["item": "122-16", "location_area": "South Storage Building", "date_filled": "2024-01-31"],
                ["item": "ZAMNVCAS20", "location": "ZAM-WHS"],
            ]
        ])
        #expect(reply.json == Self.deleted("rows", 2))
        #expect(Self.remaining(mock) == ["124@SS-02", "ZAMNVCAS19@SS-01", "ZAMNVCAS20@SS-03"])
    }

    @Test("a row with only an item deletes every record of that item")
    func itemOnlyRow() throws {
        let mock = try Self.stockedMock()
        #expect(mock.batchDelete(["rows": [["item": "124"]]]).json == Self.deleted("rows", 2))
    }

    @Test("filters: values inside one array are ORed, different criteria ANDed")
    func filters() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete([
            "items": ["124", "122-16", "ZAMNVCAS19"], "lots": ["FG-GEN-LOT", "RM19CASRUT.ZAM"],
        ])
        #expect(reply.json == Self.deleted("filters", 3))
        #expect(Self.remaining(mock) == ["122-16@Refrigerator", "ZAMNVCAS20@SS-03"])
    }

    @Test("a locations filter resolves through bins")
    func locationFilter() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["locations": ["ZAM-WINERY"]])
        #expect(reply.json == Self.deleted("filters", 3))
        #expect(Self.remaining(mock) == ["122-16@Refrigerator", "124@FG-GEN-BIN"])
    }

    @Test("a location_areas filter resolves through bins, names with spaces included")
    func locationAreaFilter() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["location_areas": ["South Storage Building", "Storage"]])
        #expect(reply.json == Self.deleted("filters", 2))
        #expect(Self.remaining(mock) == ["124@SS-02", "ZAMNVCAS19@SS-01", "ZAMNVCAS20@SS-03"])
    }

    @Test("a bins filter deletes the records in those bins")
    func binFilter() throws {
        let mock = try Self.stockedMock()
        #expect(mock.batchDelete(["bins": ["SS-01", "SS-03"]]).json == Self.deleted("filters", 2))
    }

    @Test("date_filled_from is inclusive")
    func fromIsInclusive() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["date_filled_from": "2024-01-31"])
        #expect(reply.json == Self.deleted("filters", 2))
        #expect(Self.remaining(mock) == ["124@FG-GEN-BIN", "124@SS-02", "ZAMNVCAS19@SS-01"])
    }

    @Test("date_filled_to is inclusive")
    func toIsInclusive() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["date_filled_to": "2024-01-10"])
        #expect(reply.json == Self.deleted("filters", 2))
        #expect(Self.remaining(mock) == ["122-16@Refrigerator", "124@FG-GEN-BIN", "ZAMNVCAS20@SS-03"])
    }

    @Test("a date range is inclusive at both ends")
    func rangeIsInclusive() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["date_filled_from": "2024-01-10", "date_filled_to": "2024-01-31"])
        #expect(reply.json == Self.deleted("filters", 3))
        #expect(Self.remaining(mock) == ["ZAMNVCAS19@SS-01", "ZAMNVCAS20@SS-03"])
    }

    @Test("a full date range deletes everything, explicitly")
    func deleteEverything() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["date_filled_from": "0001-01-01", "date_filled_to": "9999-12-31"])
        #expect(reply.json == Self.deleted("filters", 5))
        #expect(mock.inventory().isEmpty)
    }

    @Test("when rows and filters are both given, row mode wins and the filters are ignored, even invalid ones")
    func rowModeWins() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete([
            "rows": [["item": "ZAMNVCAS20"]], "items": ["124"], "date_filled_from": "not a date", "bins": "SS-01",
        ])
        #expect(reply.status == 200)
        #expect(reply.json == Self.deleted("rows", 1))
        #expect(Self.remaining(mock) == ["122-16@Refrigerator", "124@FG-GEN-BIN", "124@SS-02", "ZAMNVCAS19@SS-01"])
    }

    @Test("names that match nothing delete nothing: deleted_count 0")
    func matchesNothing() throws {
        let mock = try Self.stockedMock()
        #expect(mock.batchDelete(["items": ["NOPE"]]).json == Self.deleted("filters", 0))
        #expect(mock.batchDelete(["rows": [["item": "NOPE"]]]).json == Self.deleted("rows", 0))
        #expect(mock.batchDelete(["items": ["124"], "locations": ["ZAM-PARTNER"]]).json == Self.deleted("filters", 0))
        #expect(mock.inventory().count == 5)
    }

    @Test(
        "no criterion at all is refused; an empty array, null or \"\" is not a criterion",
        arguments: [
            [:], ["rows": []], ["items": []], ["rows": nil, "lots": nil], ["bins": "", "date_filled_from": ""],
            ["rows": [], "items": [], "locations": nil, "date_filled_to": ""],
        ] as [JSONValue])
    func noCriterion(body: JSONValue) throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(body)
        #expect(reply.status == 422)
        #expect(
            reply.json
                == [
                    "message": "At least one deletion criterion is required.",
                    "errors": ["rows": ["At least one deletion criterion is required."]],
                ])
        #expect(mock.inventory().count == 5)
    }

    @Test("a row without item is refused 422 and nothing is deleted")
    func rowWithoutItem() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["rows": [["item": "124"], ["bin": "SS-01"]]])
        #expect(reply.status == 422)
        #expect(
            reply.json
                == [
                    "message": "The rows.1.item field is required.",
                    "errors": ["rows.1.item": ["The rows.1.item field is required."]],
                ])
        #expect(mock.inventory().count == 5)
    }

    @Test("a bad date is refused 422 with its dotted key")
    func badDates() throws {
        let mock = try Self.stockedMock()
        let filter = mock.batchDelete(["date_filled_from": "2024/01/01"])
        #expect(
            filter.json
                == [
                    "message": "The date filled from field must match the format Y-m-d.",
                    "errors": ["date_filled_from": ["The date filled from field must match the format Y-m-d."]],
                ])
        let row = mock.batchDelete(["rows": [["item": "124", "date_filled": "2024-01-32"]]])
        #expect(row.status == 422)
        #expect(
            row.validationErrors == [
                "rows.0.date_filled": ["The rows.0.date filled field must match the format Y-m-d."]
            ])
        #expect(mock.inventory().count == 5)
    }

    @Test("a filter that is not an array is refused 422")
    func nonArrayFilter() throws {
        let mock = try Self.stockedMock()
        let reply = mock.batchDelete(["items": "124"])
        #expect(reply.status == 422)
        #expect(
            reply.json == [
                "message": "The items field must be an array.",
                "errors": ["items": ["The items field must be an array."]],
            ])
        let rows = mock.batchDelete(["rows": ["item": "124"]])
        #expect(rows.status == 422)
        #expect(
            rows.json == [
                "message": "The rows field must be an array.",
                "errors": ["rows": ["The rows field must be an array."]],
            ])
        #expect(mock.inventory().count == 5)
    }

    @Test("more than 1000 rows are refused 422; 1000 are accepted")
    func rowLimit() throws {
        let mock = try Self.stockedMock()
        let tooMany = mock.batchDelete(["rows": .array(Array(repeating: ["item": "NOPE"], count: 1001))])
        #expect(tooMany.status == 422)
        #expect(
            tooMany.json
                == [
                    "message": "The rows field must not have more than 1000 items.",
                    "errors": ["rows": ["The rows field must not have more than 1000 items."]],
                ])
        let limit = mock.batchDelete(["rows": .array(Array(repeating: ["item": "124"], count: 1000))])
        #expect(limit.json == Self.deleted("rows", 2))
    }

    @Test("malformed JSON is answered 400")
    func malformedJSON() throws {
        let mock = try Self.stockedMock()
        let reply = mock.post("/demo/api/v1/inventory/batch-delete", raw: Array(#"{"items": ["124"]"#.utf8))
        #expect(reply.status == 400)
        #expect(reply.json == ["message": "Malformed JSON body."])
        #expect(mock.inventory().count == 5)
    }

    @Test("a batch delete needs a token")
    func needsToken() throws {
        let mock = try Self.stockedMock()
        mock.token = nil
        let reply = mock.batchDelete(["items": ["124"]])
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
        #expect(mock.inventory().count == 5)
    }
}
