import ClaretModel
import ClaretServer
import ExactJSON
import Foundation
import Testing

@Suite("Contract 5 and 5a: import request validation")
struct ImportValidationTests {
    static let path = "/demo/api/v1/inventory/import/process"

    /// A single-record import body with one member of the record replaced (or removed with `nil`).
    static func body(record changes: [String: JSONValue?]) -> JSONValue {
        var record = Fixture.record().object ?? JSONObject()
        for (key, value) in changes { record[key] = value }
        return Fixture.importBody([.object(record)])
    }

    @Test("1000 records are accepted")
    func exactlyTheLimit() throws {
        let mock = try TestMock.loggedIn()
        let records = Fixture.dates(1000).map { Fixture.record(date: $0) }
        let reply = mock.importRecords(records)
        #expect(reply.status == 200)
        #expect(reply.json["content"]?["summary"] == ["received": 1000, "created": 1000, "updated": 0, "failed": 0])
    }

    @Test("1001 records are refused with the payload message, and nothing is applied")
    func overTheLimit() throws {
        let mock = try TestMock.loggedIn()
        let records = Fixture.dates(1001).map { Fixture.record(date: $0) }
        let reply = mock.importRecords(records)
        #expect(reply.status == 422)
        #expect(
            reply.json
                == [
                    "message": "The payload field must not have more than 1000 items.",
                    "errors": ["payload": ["The payload field must not have more than 1000 items."]],
                ])
        #expect(mock.inventory().count == 1)
        #expect(mock.send("GET", "/__harness/tenants/demo/jobs").json == ["data": []])
    }

    @Test("malformed JSON is answered 400 Malformed JSON body.")
    func malformedJSON() throws {
        let mock = try TestMock.loggedIn()
        for text in [#"{"source": "api", "#, "{source: api}", "[1, 2,]", #"{"a": 1} trailing"#] {
            let reply = mock.post(Self.path, raw: Array(text.utf8))
            #expect(reply.status == 400, "body: \(text)")
            #expect(reply.json == ["message": "Malformed JSON body."], "body: \(text)")
        }
    }

    @Test("a bad date is reported under the dotted key with underscores, and with spaces in the message")
    func badDate() throws {
        let mock = try TestMock.loggedIn()
        var records = (0..<3).map { Fixture.record(date: "2024-01-1\($0)") }
        records[2] = Fixture.record(date: "2024-02-30")
        let reply = mock.importRecords(records)
        #expect(reply.status == 422)
        #expect(
            reply.json
                == [
                    "message": "The payload.2.date filled field must match the format Y-m-d.",
                    "errors": [
                        "payload.2.date_filled": ["The payload.2.date filled field must match the format Y-m-d."]
                    ],
                ])
        #expect(mock.inventory().count == 1)
    }

    @Test(
        "a date not in Y-m-d form is refused",
        arguments: ["01/15/2024", "2024-1-15", "2024-01-15T00:00:00Z", "20240115", "2024-13-01"])
    func dateForms(date: String) throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([Fixture.record(date: date)])
        #expect(reply.status == 422)
        #expect(
            reply.validationErrors == [
                "payload.0.date_filled": ["The payload.0.date filled field must match the format Y-m-d."]
            ])
    }

    @Test("source must be \"api\"")
    func sourceNotAPI() throws {
        let mock = try TestMock.loggedIn()
        var body = Fixture.importBody([Fixture.record()]).object ?? JSONObject()
        body["source"] = "csv"
        let reply = mock.post(Self.path, json: .object(body))
        #expect(reply.status == 422)
        #expect(
            reply.json == [
                "message": "The selected source is invalid.", "errors": ["source": ["The selected source is invalid."]],
            ])
    }

    @Test("an empty body lists every missing top-level field, source first")
    func emptyBody() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.post(Self.path, json: [:])
        #expect(reply.status == 422)
        #expect(reply.message == "The source field is required. (and 5 more errors)")
        #expect(
            reply.validationErrors == [
                "source": ["The source field is required."], "arguments": ["The arguments field is required."],
                "arguments.allow_record_creation": ["The arguments.allow record creation field is required."],
                "arguments.allow_record_update": ["The arguments.allow record update field is required."],
                "arguments.should_continue_on_error": ["The arguments.should continue on error field is required."],
                "payload": ["The payload field is required."],
            ])
    }

    @Test("an empty payload is refused as required")
    func emptyPayload() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([])
        #expect(reply.status == 422)
        #expect(
            reply.json == [
                "message": "The payload field is required.", "errors": ["payload": ["The payload field is required."]],
            ])
    }

    @Test("each argument is required and must be a boolean")
    func arguments() throws {
        let mock = try TestMock.loggedIn()
        let body: JSONValue = [
            "source": "api",
            "arguments": ["allow_record_creation": "yes", "allow_record_update": 2],
            "payload": [Fixture.record()],
        ]
        let reply = mock.post(Self.path, json: body)
        #expect(reply.status == 422)
        #expect(reply.message == "The arguments.allow record creation field must be true or false. (and 2 more errors)")
        #expect(
            reply.validationErrors == [
                "arguments.allow_record_creation": ["The arguments.allow record creation field must be true or false."],
                "arguments.allow_record_update": ["The arguments.allow record update field must be true or false."],
                "arguments.should_continue_on_error": ["The arguments.should continue on error field is required."],
            ])
    }

    @Test(
        "booleans accept true, false, 1, 0, \"1\" and \"0\"",
        arguments: [
            (JSONValue.bool(true), true), (.bool(false), false), (1, true), (0, false), (.string("1"), true),
            (.string("0"), false),
        ] as [(JSONValue, Bool)])
    func booleanForms(value: JSONValue, meaning: Bool) throws {
        let mock = try TestMock.loggedIn()
        let body: JSONValue = [
            "source": "api",
            "arguments": [
                "allow_record_creation": value, "allow_record_update": true, "should_continue_on_error": true,
            ],
            "payload": [Fixture.record()],
        ]
        let reply = mock.post(Self.path, json: body)
        #expect(reply.status == 200)
        #expect(reply.json["content"]?["summary"]?["created"] == (meaning ? 1 : 0))
    }

    @Test(
        "other boolean spellings are refused",
        arguments: [.string("true"), .string("false"), .string("yes"), 2, Fixture.number("1.0"), .array([])]
            as [JSONValue])
    func booleanRefused(value: JSONValue) throws {
        let mock = try TestMock.loggedIn()
        let body: JSONValue = [
            "source": "api",
            "arguments": [
                "allow_record_creation": true, "allow_record_update": true, "should_continue_on_error": value,
            ],
            "payload": [Fixture.record()],
        ]
        let reply = mock.post(Self.path, json: body)
        #expect(reply.status == 422)
        let message =
            value == .array([])
            ? "The arguments.should continue on error field is required."
            : "The arguments.should continue on error field must be true or false."
        #expect(
            reply.json == [
                "message": .string(message), "errors": ["arguments.should_continue_on_error": [.string(message)]],
            ])
        #expect(mock.inventory().count == 1)
    }

    @Test("a missing record field is required under its dotted key")
    func missingField() throws {
        let mock = try TestMock.loggedIn()
        for field in ImportRequest.recordFields {
            let reply = mock.post(Self.path, json: Self.body(record: [field: nil]))
            let attribute = field.replacingOccurrences(of: "_", with: " ")
            #expect(reply.status == 422)
            #expect(
                reply.json
                    == [
                        "message": .string("The payload.0.\(attribute) field is required."),
                        "errors": .object(
                            JSONObject([
                                ("payload.0.\(field)", [.string("The payload.0.\(attribute) field is required.")])
                            ])),
                    ])
        }
    }

    @Test("a quantity must be a positive number")
    func quantityRules() throws {
        let mock = try TestMock.loggedIn()
        let cases: [(JSONValue, String)] = [
            (0, "The payload.0.quantity field must be greater than 0."),
            (-5, "The payload.0.quantity field must be greater than 0."),
            ("-0.5", "The payload.0.quantity field must be greater than 0."),
            ("abc", "The payload.0.quantity field must be a number."),
            (true, "The payload.0.quantity field must be a number."),
        ]
        for (quantity, message) in cases {
            let reply = mock.post(Self.path, json: Self.body(record: ["quantity": quantity]))
            #expect(reply.status == 422, "quantity \(quantity)")
            #expect(reply.json == ["message": .string(message), "errors": ["payload.0.quantity": [.string(message)]]])
        }
        #expect(mock.inventory().count == 1)
    }

    @Test("a quantity given as a numeric string is accepted")
    func numericString() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([Fixture.record(quantity: "7.50")])
        #expect(reply.status == 200)
        let row = mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15")
        #expect(row?["quantity"] == Fixture.number("7.5"))
    }

    @Test("a wrong-typed record field is refused and shape errors apply nothing, even with valid records beside them")
    func wrongTypeAppliesNothing() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([Fixture.record(date: "2024-03-01"), ["item_name": 124]])
        #expect(reply.status == 422)
        #expect(reply.validationErrors["payload.1.item_name"] == ["The payload.1.item name field must be a string."])
        #expect(reply.message == "The payload.1.item name field must be a string. (and 5 more errors)")
        #expect(mock.inventory().count == 1)
    }
}
