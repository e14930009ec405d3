import ClaretModel
import ExactJSON
import Testing

@Suite("ImportRequest validates a JSON import body with Laravel's rules")
struct ImportRequestTests {
    static let record: JSONValue = [
        "item_name": "ZAMNVCAS19", "bin_name": "SS-01", "lot_name": "RM19CASRUT.ZAM", "date_filled": "2023-08-01",
        "quantity": 5000, "uom": "Gallon",
    ]

    /// A valid body with every switch on and `payload` as given.
    static func body(_ payload: [JSONValue] = [record], arguments: JSONValue? = nil) -> JSONValue {
        [
            "source": "api",
            "arguments": arguments
                ?? ["allow_record_creation": true, "allow_record_update": true, "should_continue_on_error": true],
            "payload": .array(payload),
        ]
    }

    static func record(with field: String, _ value: JSONValue?) -> JSONValue {
        var object = record.object ?? JSONObject()
        object[field] = value
        return .object(object)
    }

    func failures(_ body: JSONValue, profile: BehaviourProfile = .standard) throws -> ValidationErrors {
        try #require(throws: ValidationErrors.self) { try ImportRequest.decode(body, profile: profile) }
    }

    @Test("a valid body decodes into options and records in request order")
    func validBody() throws {
        let body = try JSONParser.parse(
            #"""
            {"source": "api",
             "arguments": {"allow_record_creation": true, "allow_record_update": false, "should_continue_on_error": true},
             "payload": [
               {"item_name": "ZAMNVCAS19", "bin_name": "SS-01", "lot_name": "RM19CASRUT.ZAM",
                "date_filled": "2023-08-01", "quantity": 12.345, "uom": "Gallon"},
               {"item_name": "124", "bin_name": "Refrigerator", "lot_name": "FG-GEN-LOT",
                "date_filled": "2024-02-29", "quantity": "40", "uom": "9LE", "lot_status": "Active"}]}
            """#)
        let request = try ImportRequest.decode(body, profile: .standard)
        #expect(request.options == ImportOptions(allowCreation: true, allowUpdate: false, continueOnError: true))
        #expect(request.records.count == 2)
        let first = try #require(request.records.first)
        #expect(first.key.item == "ZAMNVCAS19")
        #expect(first.key.bin == "SS-01")
        #expect(first.key.lot == "RM19CASRUT.ZAM")
        #expect(first.key.dateFilled.text == "2023-08-01")
        #expect(first.quantity.text == "12.345")
        #expect(first.unit == "Gallon")
        #expect(request.records.last?.key.item == "124")
        #expect(request.records.last?.quantity.text == "40")
        #expect(request.records.last?.unit == "9LE")
    }

    @Test(
        "the switches accept true, false, 1, 0, \"1\" and \"0\"",
        arguments: [
            (JSONValue.bool(true), true), (false, false), (1, true), (0, false), ("1", true), ("0", false),
        ])
    func switchForms(value: JSONValue, expected: Bool) throws {
        let arguments: JSONValue = [
            "allow_record_creation": value, "allow_record_update": value, "should_continue_on_error": value,
        ]
        let request = try ImportRequest.decode(Self.body(arguments: arguments), profile: .standard)
        #expect(
            request.options == ImportOptions(allowCreation: expected, allowUpdate: expected, continueOnError: expected))
    }

    @Test("a switch that is not a boolean is refused by name")
    func switchNotBoolean() throws {
        let arguments: JSONValue = [
            "allow_record_creation": "true", "allow_record_update": true, "should_continue_on_error": true,
        ]
        let errors = try failures(Self.body(arguments: arguments))
        let expected = try JSONParser.parse(
            #"""
            {"message": "The arguments.allow record creation field must be true or false.",
             "errors": {"arguments.allow_record_creation": ["The arguments.allow record creation field must be true or false."]}}
            """#)
        #expect(try laravelBody(errors) == expected)
    }

    @Test("every missing switch is reported")
    func switchesMissing() throws {
        let errors = try failures(Self.body(arguments: ["allow_record_update": true]))
        #expect(keys(of: errors) == ["arguments.allow_record_creation", "arguments.should_continue_on_error"])
        #expect(
            errors.summary(using: .standard)
                == "The arguments.allow record creation field is required. (and 1 more error)")
    }

    @Test("a missing arguments object is reported, and each of its switches too, as Laravel's wildcard rules do")
    func argumentsMissing() throws {
        var body = try #require(Self.body().object)
        body["arguments"] = nil
        let errors = try failures(.object(body))
        #expect(
            keys(of: errors) == [
                "arguments", "arguments.allow_record_creation", "arguments.allow_record_update",
                "arguments.should_continue_on_error",
            ])
        #expect(errors.entries.first?.messages == ["The arguments field is required."])
        #expect(errors.entries.last?.messages == ["The arguments.should continue on error field is required."])
    }

    @Test("arguments that are not an object fail the array rule")
    func argumentsNotObject() throws {
        let errors = try failures(Self.body(arguments: "yes"))
        #expect(keys(of: errors).first == "arguments")
        #expect(errors.entries.first?.messages == ["The arguments field must be an array."])
        #expect(errors.entries.count == 4)
    }

    @Test("a source other than api is refused")
    func sourceNotAPI() throws {
        var body = try #require(Self.body().object)
        body["source"] = "csv"
        let errors = try failures(.object(body))
        #expect(keys(of: errors) == ["source"])
        #expect(errors.entries.first?.messages == ["The selected source is invalid."])
    }

    @Test("a missing source is required")
    func sourceMissing() throws {
        var body = try #require(Self.body().object)
        body["source"] = nil
        let errors = try failures(.object(body))
        #expect(errors.entries.first?.messages == ["The source field is required."])
    }

    @Test("an empty payload is refused as required")
    func emptyPayload() throws {
        let errors = try failures(Self.body([]))
        #expect(keys(of: errors) == ["payload"])
        #expect(errors.entries.first?.messages == ["The payload field is required."])
    }

    @Test("a payload that is not an array is refused")
    func payloadNotArray() throws {
        var body = try #require(Self.body().object)
        body["payload"] = Self.record
        let errors = try failures(.object(body))
        #expect(errors.entries.first?.messages == ["The payload field must be an array."])
    }

    @Test("an import over 1000 records is refused")
    func overThousandRecords() throws {
        let errors = try failures(Self.body(Array(repeating: Self.record, count: 1001)))
        let expected = try JSONParser.parse(
            #"""
            {"message": "The payload field must not have more than 1000 items.",
             "errors": {"payload": ["The payload field must not have more than 1000 items."]}}
            """#)
        #expect(try laravelBody(errors) == expected)
    }

    @Test("an import of exactly 1000 records is accepted")
    func exactlyThousandRecords() throws {
        let request = try ImportRequest.decode(
            Self.body(Array(repeating: Self.record, count: 1000)), profile: .standard)
        #expect(request.records.count == 1000)
    }

    @Test("the record limit comes from the profile")
    func limitFromProfile() throws {
        let profile = try BehaviourProfile(overrides: ["settings": ["max_records_per_request": 2]])
        let errors = try failures(Self.body(Array(repeating: Self.record, count: 3)), profile: profile)
        #expect(errors.entries.first?.messages == ["The payload field must not have more than 2 items."])
    }

    @Test("a bad date is reported with the dotted key and the spaced attribute")
    func badDate() throws {
        let payload = [Self.record, Self.record, Self.record(with: "date_filled", "2023-02-30")]
        let errors = try failures(Self.body(payload))
        let expected = try JSONParser.parse(
            #"""
            {"message": "The payload.2.date filled field must match the format Y-m-d.",
             "errors": {"payload.2.date_filled": ["The payload.2.date filled field must match the format Y-m-d."]}}
            """#)
        #expect(try laravelBody(errors) == expected)
    }

    @Test("a zero quantity must be greater than 0")
    func zeroQuantity() throws {
        let errors = try failures(Self.body([Self.record(with: "quantity", 0)]))
        #expect(errors.entries.first?.key == "payload.0.quantity")
        #expect(errors.entries.first?.messages == ["The payload.0.quantity field must be greater than 0."])
    }

    @Test("a quantity that is not numeric must be a number")
    func textQuantity() throws {
        let errors = try failures(Self.body([Self.record(with: "quantity", "lots")]))
        #expect(errors.entries.first?.messages == ["The payload.0.quantity field must be a number."])
    }

    @Test("a numeric-string quantity keeps its exact digits")
    func stringQuantity() throws {
        let request = try ImportRequest.decode(Self.body([Self.record(with: "quantity", "12.345")]), profile: .standard)
        #expect(request.records.first?.quantity.text == "12.345")
    }

    @Test(
        "each record field is required",
        arguments: ["item_name", "bin_name", "lot_name", "date_filled", "quantity", "uom"])
    func recordFieldRequired(field: String) throws {
        let errors = try failures(Self.body([Self.record, Self.record(with: field, nil)]))
        #expect(keys(of: errors) == ["payload.1.\(field)"])
        let attribute = String(field.map { $0 == "_" ? " " : $0 })
        #expect(errors.entries.first?.messages == ["The payload.1.\(attribute) field is required."])
    }

    @Test("failures are listed field by field across records, as Laravel expands payload.*.field")
    func failureOrder() throws {
        let payload = [
            Self.record(with: "bin_name", nil), Self.record(with: "item_name", ""),
            Self.record(with: "date_filled", "2023/01/01"),
        ]
        let errors = try failures(Self.body(payload))
        #expect(keys(of: errors) == ["payload.1.item_name", "payload.0.bin_name", "payload.2.date_filled"])
        #expect(errors.summary(using: .standard) == "The payload.1.item name field is required. (and 2 more errors)")
    }

    @Test("a record that is not an object fails every field")
    func recordNotObject() throws {
        let errors = try failures(Self.body(["ZAMNVCAS19"]))
        #expect(
            keys(of: errors) == ImportRequest.recordFields.map { "payload.0.\($0)" })
        #expect(errors.summary(using: .standard) == "The payload.0.item name field is required. (and 5 more errors)")
    }

    @Test("a body that is not an object fails source, arguments with its switches, and payload")
    func bodyNotObject() throws {
        let errors = try failures([1, 2])
        #expect(
            keys(of: errors) == [
                "source", "arguments", "arguments.allow_record_creation", "arguments.allow_record_update",
                "arguments.should_continue_on_error", "payload",
            ])
        #expect(errors.summary(using: .standard) == "The source field is required. (and 5 more errors)")
    }

    @Test("record fields are listed in Laravel's rule order")
    func recordFieldOrder() {
        #expect(ImportRequest.recordFields == ["item_name", "bin_name", "lot_name", "date_filled", "quantity", "uom"])
    }

    @Test("decodeRecords returns nil only for the records with a failing field")
    func decodeRecordsPartial() throws {
        var rules = FieldRules(profile: .standard)
        let elements = try [Self.record, Self.record(with: "uom", 7)].map { try #require($0.object) }
        let records = ImportRequest.decodeRecords(elements, rules: &rules) { index, field in "rows.\(index).\(field)" }
        #expect(records.count == 2)
        #expect(records[0]?.unit == "Gallon")
        #expect(records[1] == nil)
        #expect(keys(of: rules.errors) == ["rows.1.uom"])
        #expect(rules.errors.entries.first?.messages == ["The rows.1.uom field must be a string."])
    }
}
