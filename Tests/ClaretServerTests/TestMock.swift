import ClaretModel
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation

/// A response as a contract test reads it: status, headers, raw body and the body as JSON.
struct Reply {
    /// The status code.
    let status: Int
    /// The response headers.
    let headers: HTTPHeaders
    /// The body bytes, exactly as sent.
    let body: [UInt8]

    /// The body parsed as JSON, or `null` when it is not JSON.
    var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body's `message`.
    var message: String? { json["message"]?.string }

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? { headers[name] }

    /// The Laravel validation body the contract prescribes: `message` plus `errors` keyed by dotted field.
    var validationErrors: [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, value) in json["errors"]?.object ?? JSONObject() {
            result[key] = value.array?.compactMap(\.string) ?? []
        }
        return result
    }
}

/// The demo tenant's users, as the built-in seed names them.
enum DemoUser {
    static let adminEmail = "integrator@demo.test"
    static let adminPassword = "demo-password"
    static let viewerEmail = "viewer@demo.test"
    static let viewerPassword = "viewer-password"
}

/// A seeded mock answered in-process: requests go straight to `MockServer.handle`, no sockets.
///
/// Requests carry `Host: claret.test:8080`, so links and redirects are checked against a known host.
final class TestMock {
    /// The mock under test.
    let mock: MockServer
    /// The host every request names.
    let host = "claret.test:8080"
    /// The bearer token sent by `post` and `get` when no headers are given.
    var token: String?

    /// A mock over a fresh temporary store seeded with the built-in demo tenant.
    init(profile: BehaviourProfile = .standard, configuration: MockConfiguration = MockConfiguration()) throws {
        let store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        mock = MockServer(store: store, profile: profile, configuration: configuration)
    }

    /// A seeded mock already logged in to `demo` as the admin integrator.
    static func loggedIn(profile: BehaviourProfile = .standard) throws -> TestMock {
        let mock = try TestMock(profile: profile)
        mock.token = try mock.login()
        return mock
    }

    /// `http://` plus the host requests name.
    var baseURL: String { "http://\(host)" }

    /// The headers of a well-behaved API client: the bearer token and `X-Requested-With`.
    var apiHeaders: [(String, String)] {
        var headers = [("X-Requested-With", "XMLHttpRequest")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return headers
    }

    /// Sends one request as given (plus `Host`).
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], headers: [(String, String)] = [],
        body: [UInt8] = [], form: FormData? = nil
    ) -> Reply {
        let request = HTTPRequest(
            method: method, path: path, query: query, headers: HTTPHeaders([("Host", host)] + headers), body: body,
            form: form)
        let response = mock.handle(request)
        return Reply(status: response.status, headers: response.headers, body: response.body)
    }

    /// POSTs `json`; `headers` nil means a well-behaved API client's headers.
    func post(
        _ path: String, json: JSONValue, query: [(String, String)] = [], headers: [(String, String)]? = nil
    ) -> Reply {
        post(path, raw: json.serializedBytes(), query: query, headers: headers)
    }

    /// POSTs bytes as `application/json`; `headers` nil means a well-behaved API client's headers.
    func post(
        _ path: String, raw: [UInt8], query: [(String, String)] = [], headers: [(String, String)]? = nil
    ) -> Reply {
        send(
            "POST", path, query: query, headers: [("Content-Type", "application/json")] + (headers ?? apiHeaders),
            body: raw)
    }

    /// GETs `path`; `headers` nil means a well-behaved API client's headers.
    func get(_ path: String, query: [(String, String)] = [], headers: [(String, String)]? = nil) -> Reply {
        send("GET", path, query: query, headers: headers ?? apiHeaders)
    }

    /// Logs in with query parameters, as Claret documents, and returns the token.
    func login(
        tenant: String = "demo", email: String = DemoUser.adminEmail, password: String = DemoUser.adminPassword
    ) throws -> String {
        let reply = send(
            "POST", "/\(tenant)/api/v1/tokens/create", query: [("email", email), ("password", password)],
            headers: [("X-Requested-With", "XMLHttpRequest")])
        guard reply.status == 200, let token = reply.json["token"]?.string else {
            throw TestFailure("login to \(tenant) as \(email) answered \(reply.status): \(reply.text)")
        }
        return token
    }

    /// Sends a JSON import to `tenant`.
    func importRecords(
        _ records: [JSONValue], tenant: String = "demo", creation: Bool = true, update: Bool = true,
        continueOnError: Bool = true
    ) -> Reply {
        post(
            "/\(tenant)/api/v1/inventory/import/process",
            json: Fixture.importBody(records, creation: creation, update: update, continueOnError: continueOnError))
    }

    /// Sends a batch delete to `tenant`.
    func batchDelete(_ body: JSONValue, tenant: String = "demo") -> Reply {
        post("/\(tenant)/api/v1/inventory/batch-delete", json: body)
    }

    /// Every inventory row of `tenant`, read back through the harness (first page).
    func inventory(of tenant: String = "demo") -> [JSONValue] {
        send("GET", "/__harness/tenants/\(tenant)/inventory").json["data"]?.array ?? []
    }

    /// The row of `tenant` with this key, if stored.
    func row(
        item: String, bin: String, lot: String, date: String, of tenant: String = "demo"
    ) -> JSONValue? {
        inventory(of: tenant).first {
            $0["item"]?.string == item && $0["bin"]?.string == bin && $0["lot"]?.string == lot
                && $0["date_filled"]?.string == date
        }
    }

    /// Creates a second tenant with the demo tenant's master data (and its one seeded record).
    func createTenant(_ name: String) throws {
        let reply = send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant(name).serializedBytes())
        guard reply.status == 201 else {
            throw TestFailure("creating tenant \(name) answered \(reply.status): \(reply.text)")
        }
    }
}

/// Request bodies and records the tests build.
enum Fixture {
    /// A JSON number with exactly this text (`12.345`, `1e3`).
    static func number(_ text: String) -> JSONValue {
        .number(JSONNumber(text: text)!)
    }

    /// One import record; defaults name existing master data and a key the seed does not hold.
    static func record(
        item: String = "124", bin: String = "SS-02", lot: String = "FG-GEN-LOT", date: String = "2024-01-15",
        quantity: JSONValue = 10, uom: String = "Gallon"
    ) -> JSONValue {
        [
            "item_name": .string(item), "bin_name": .string(bin), "lot_name": .string(lot),
            "date_filled": .string(date), "quantity": quantity, "uom": .string(uom),
        ]
    }

    /// The seeded record's key and values.
    static let seeded = (item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01")

    /// A documented import body around `records`.
    static func importBody(
        _ records: [JSONValue], creation: Bool = true, update: Bool = true, continueOnError: Bool = true
    ) -> JSONValue {
        [
            "source": "api",
            "arguments": [
                "allow_record_creation": .bool(creation), "allow_record_update": .bool(update),
                "should_continue_on_error": .bool(continueOnError),
            ],
            "payload": .array(records),
        ]
    }

    /// `count` distinct valid dates, from 2000-01-01 on (days 1-28 of each month).
    static func dates(_ count: Int) -> [String] {
        var result: [String] = []
        var year = 2000
        var month = 1
        var day = 1
        while result.count < count {
            result.append(String(format: "%04d-%02d-%02d", year, month, day))
            day += 1
            if day > 28 {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
        return result
    }

    /// A tenant object for `POST /__harness/tenants`: the demo tenant's seed under another name.
    static func tenant(_ name: String) -> JSONValue {
        [
            "name": .string(name),
            "users": [
                [
                    "id": 1, "email": .string(DemoUser.adminEmail), "password": .string(DemoUser.adminPassword),
                    "admin": true,
                ],
                [
                    "id": 2, "email": .string(DemoUser.viewerEmail), "password": .string(DemoUser.viewerPassword),
                    "admin": false,
                ],
            ],
            "items": ["122-16", "124", "ZAMNVCAS19", "ZAMNVCAS20"],
            "locations": [
                ["name": "ZAM-WINERY", "areas": [["name": "North", "bins": ["SS-01", "SS-02", "SS-03"]]]],
                ["name": "ZAM-WHS", "areas": [["name": "Storage", "bins": ["FG-GEN-BIN"]]]],
                ["name": "ZAM-PARTNER", "areas": [["name": "South Storage Building", "bins": ["Refrigerator"]]]],
            ],
            "lots": ["RM19CASRUT.ZAM", "RM19CASSH.ZAM", "RM20CASRUT.ZAM", "FG-GEN-LOT"],
            "uoms": [["name": "Gallon", "abbreviation": "gal"], ["name": "9LE Case", "abbreviation": "9LE"]],
            "inventory": [
                [
                    "item_name": "ZAMNVCAS19", "bin_name": "SS-01", "lot_name": "RM19CASRUT.ZAM",
                    "date_filled": "2023-08-01", "quantity": 5000, "uom": "Gallon",
                ]
            ],
        ]
    }

    /// The job id at the end of a `job_status_link`.
    static func jobID(fromLink link: String?) -> Int? {
        link.flatMap { $0.split(separator: "/").last }.flatMap { Int($0) }
    }
}

/// A setup step of a test that did not go as expected.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
