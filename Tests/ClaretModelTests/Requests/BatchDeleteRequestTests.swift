import ClaretModel
import ExactJSON
import Testing

@Suite("BatchDeleteRequest validates a batch delete body: rows or filters")
struct BatchDeleteRequestTests {
    func decode(_ text: String, profile: BehaviourProfile = .standard) throws -> BatchDeleteRequest {
        try BatchDeleteRequest.decode(try JSONParser.parse(text), profile: profile)
    }

    func failures(_ text: String, profile: BehaviourProfile = .standard) throws -> ValidationErrors {
        let body = try JSONParser.parse(text)
        return try #require(throws: ValidationErrors.self) { try BatchDeleteRequest.decode(body, profile: profile) }
    }

    static let criterionRequired = #"""
        {"message": "At least one deletion criterion is required.",
         "errors": {"rows": ["At least one deletion criterion is required."]}}
        """#

    // MARK: Row mode

    @Test("rows decode with their singular field names")
    func rowsDecode() throws {
        let request = try decode(
            #"""
            {"rows": [{"item": "ZAMNVCAS19", "location": "ZAM-WINERY", "location_area": "North", "bin": "SS-01",
                       "lot": "RM19CASRUT.ZAM", "date_filled": "2023-08-01"},
                      {"item": "124"}]}
            """#)
        let date = try #require(CalendarDate(parsing: "2023-08-01"))
        #expect(
            request
                == .rows([
                    DeleteRow(
                        item: "ZAMNVCAS19", location: "ZAM-WINERY", locationArea: "North", bin: "SS-01",
                        lot: "RM19CASRUT.ZAM", dateFilled: date),
                    DeleteRow(item: "124"),
                ]))
        #expect(request.mode == "rows")
    }

    @Test("when rows and filters are both given, row mode wins")
    func rowsWin() throws {
        let request = try decode(#"{"rows": [{"item": "124"}], "items": ["122-16"], "date_filled_from": "2023-01-01"}"#)
        #expect(request == .rows([DeleteRow(item: "124")]))
    }

    @Test("when rows win, the ignored filters are not validated")
    func ignoredFiltersNotValidated() throws {
        let request = try decode(
            #"{"rows": [{"item": "124"}], "items": "not-an-array", "date_filled_from": "yesterday", "bins": 7}"#)
        #expect(request == .rows([DeleteRow(item: "124")]))
    }

    @Test("a row without item is refused under its dotted key")
    func rowWithoutItem() throws {
        let errors = try failures(#"{"rows": [{"item": "124"}, {"bin": "SS-01"}]}"#)
        let expected = try JSONParser.parse(
            #"{"message": "The rows.1.item field is required.", "errors": {"rows.1.item": ["The rows.1.item field is required."]}}"#
        )
        #expect(try laravelBody(errors) == expected)
    }

    @Test("a row with a bad date is refused")
    func rowBadDate() throws {
        let errors = try failures(#"{"rows": [{"item": "124", "date_filled": "2023-02-29"}]}"#)
        #expect(keys(of: errors) == ["rows.0.date_filled"])
        #expect(errors.entries.first?.messages == ["The rows.0.date filled field must match the format Y-m-d."])
    }

    @Test("a row that is not an object needs an item")
    func rowNotObject() throws {
        let errors = try failures(#"{"rows": ["124"]}"#)
        #expect(keys(of: errors) == ["rows.0.item"])
    }

    @Test("blank optional row fields are not criteria")
    func blankRowFields() throws {
        let request = try decode(#"{"rows": [{"item": " 124 ", "bin": "", "lot": null, "date_filled": ""}]}"#)
        #expect(request == .rows([DeleteRow(item: "124")]))
    }

    @Test("a row field of the wrong type is refused")
    func rowFieldWrongType() throws {
        let errors = try failures(#"{"rows": [{"item": "124", "lot": 5}]}"#)
        #expect(errors.entries.first?.messages == ["The rows.0.lot field must be a string."])
    }

    @Test("rows that are not an array are refused and filters are not tried")
    func rowsNotArray() throws {
        let errors = try failures(#"{"rows": {"item": "124"}, "items": ["124"]}"#)
        #expect(keys(of: errors) == ["rows"])
        #expect(errors.entries.first?.messages == ["The rows field must be an array."])
    }

    @Test("more than 1000 rows are refused")
    func overThousandRows() throws {
        let rows = Array(repeating: #"{"item": "124"}"#, count: 1001).joined(separator: ",")
        let errors = try failures(#"{"rows": [\#(rows)]}"#)
        let expected = try JSONParser.parse(
            #"""
            {"message": "The rows field must not have more than 1000 items.",
             "errors": {"rows": ["The rows field must not have more than 1000 items."]}}
            """#)
        #expect(try laravelBody(errors) == expected)
    }

    @Test("exactly 1000 rows are accepted")
    func thousandRows() throws {
        let rows = Array(repeating: #"{"item": "124"}"#, count: 1000).joined(separator: ",")
        guard case .rows(let decoded) = try decode(#"{"rows": [\#(rows)]}"#) else {
            Issue.record("expected row mode")
            return
        }
        #expect(decoded.count == 1000)
    }

    @Test("the row limit comes from the profile")
    func rowLimitFromProfile() throws {
        let profile = try BehaviourProfile(overrides: ["settings": ["max_batch_delete_rows": 1]])
        let errors = try failures(#"{"rows": [{"item": "124"}, {"item": "124"}]}"#, profile: profile)
        #expect(errors.entries.first?.messages == ["The rows field must not have more than 1 items."])
    }

    // MARK: Filter mode

    @Test("every filter decodes")
    func filtersDecode() throws {
        let request = try decode(
            #"""
            {"items": ["122-16", "124"], "locations": ["ZAM-WHS"], "location_areas": ["Storage"], "bins": ["FG-GEN-BIN"],
             "lots": ["FG-GEN-LOT"], "date_filled_from": "2023-01-01", "date_filled_to": "2023-12-31"}
            """#)
        #expect(
            request
                == .filters(
                    DeleteFilters(
                        items: ["122-16", "124"], locations: ["ZAM-WHS"], locationAreas: ["Storage"],
                        bins: ["FG-GEN-BIN"], lots: ["FG-GEN-LOT"], dateFilledFrom: CalendarDate(parsing: "2023-01-01"),
                        dateFilledTo: CalendarDate(parsing: "2023-12-31"))))
        #expect(request.mode == "filters")
    }

    @Test("a date range alone is a criterion")
    func dateRangeAlone() throws {
        let request = try decode(#"{"date_filled_to": "2023-12-31"}"#)
        #expect(request == .filters(DeleteFilters(dateFilledTo: CalendarDate(parsing: "2023-12-31"))))
    }

    @Test("empty rows fall through to the filters")
    func emptyRowsUseFilters() throws {
        let request = try decode(#"{"rows": [], "lots": ["FG-GEN-LOT"]}"#)
        #expect(request == .filters(DeleteFilters(lots: ["FG-GEN-LOT"])))
    }

    @Test("a request with no criterion is refused")
    func noCriterion() throws {
        let errors = try failures("{}")
        #expect(try laravelBody(errors) == JSONParser.parse(Self.criterionRequired))
    }

    @Test(
        "an empty array, null or an empty string is not a criterion",
        arguments: [
            #"{"rows": [], "items": [], "bins": null, "lots": "", "date_filled_from": "", "date_filled_to": null}"#,
            #"{"rows": null, "locations": []}"#, #"{"rows": "", "location_areas": null}"#, #"{"items": {}}"#,
        ])
    func emptyValuesAreNotCriteria(text: String) throws {
        let errors = try failures(text)
        #expect(try laravelBody(errors) == JSONParser.parse(Self.criterionRequired))
    }

    @Test(
        "a filter that is not an array is refused", arguments: ["items", "locations", "location_areas", "bins", "lots"])
    func filterNotArray(key: String) throws {
        let errors = try failures(#"{"\#(key)": "SS-01"}"#)
        let attribute = String(key.map { $0 == "_" ? " " : $0 })
        #expect(keys(of: errors) == [key])
        #expect(errors.entries.first?.messages == ["The \(attribute) field must be an array."])
    }

    @Test("a filter value that is not a name is refused under its index")
    func filterValueNotName() throws {
        let errors = try failures(#"{"items": ["124", 5, ""]}"#)
        #expect(keys(of: errors) == ["items.1", "items.2"])
        #expect(
            errors.entries.map(\.messages) == [
                ["The items.1 field must be a string."], ["The items.2 field is required."],
            ])
    }

    @Test("a bad filter date is refused", arguments: ["date_filled_from", "date_filled_to"])
    func filterBadDate(key: String) throws {
        let errors = try failures(#"{"items": ["124"], "\#(key)": "2023-13-01"}"#)
        let attribute = String(key.map { $0 == "_" ? " " : $0 })
        #expect(keys(of: errors) == [key])
        #expect(errors.entries.first?.messages == ["The \(attribute) field must match the format Y-m-d."])
    }

    @Test("filter failures are reported together, not as a missing criterion")
    func severalFilterFailures() throws {
        let errors = try failures(#"{"items": "x", "date_filled_from": "soon"}"#)
        #expect(keys(of: errors) == ["items", "date_filled_from"])
        #expect(errors.summary(using: .standard) == "The items field must be an array. (and 1 more error)")
    }

    @Test("filters with no values set are empty")
    func emptyFilters() {
        #expect(DeleteFilters().isEmpty)
        #expect(!DeleteFilters(items: []).isEmpty)
        #expect(!DeleteFilters(dateFilledFrom: CalendarDate(parsing: "2023-01-01")).isEmpty)
    }
}
