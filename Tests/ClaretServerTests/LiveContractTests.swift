import ClaretModel
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation
import Testing

@Suite("The contract over real HTTP")
struct LiveContractTests {
    @Test("a token from query parameters, then an import, read back exactly: 12.345 and 1e3 as 1000")
    func loginImportReadBack() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        let token = try #require(live.token)
        #expect(AuthenticationTests.isSanctumToken(token))

        let raw = """
            {"source": "api",
             "arguments": {"allow_record_creation": true, "allow_record_update": true, "should_continue_on_error": true},
             "payload": [
               {"item_name": "124", "bin_name": "SS-02", "lot_name": "FG-GEN-LOT", "date_filled": "2024-01-15",
                "quantity": 12.345, "uom": "gal"},
               {"item_name": "124", "bin_name": "SS-03", "lot_name": "FG-GEN-LOT", "date_filled": "2024-01-15",
                "quantity": 1e3, "uom": "9le case"}
             ]}
            """
        let reply = try await live.post("/demo/api/v1/inventory/import/process", raw: Array(raw.utf8))
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/json")
        #expect(
            reply.json
                == [
                    "message": "Inventory import processed.",
                    "content": [
                        "status": "completed",
                        "summary": ["received": 2, "created": 2, "updated": 0, "failed": 0],
                        "errors": [],
                        "job_status_link": .string(
                            "\(live.baseURL)/demo/settings/application-maintenance/job-management/imports/logs/1"),
                    ],
                ])

        let inventory = try await live.send("GET", "/__harness/tenants/demo/inventory")
        #expect(inventory.status == 200)
        #expect(inventory.text.contains(#""bin":"SS-02","location_area":"North","location":"ZAM-WINERY","#))
        #expect(inventory.text.contains(#""quantity":12.345,"uom":"Gallon""#))
        #expect(inventory.text.contains(#""quantity":1000,"uom":"9LE Case""#))
        #expect(inventory.json["total"] == 3)
        #expect(inventory.json["next_index"] == .null)
    }

    @Test("credentials in a JSON body and in a form body give tokens too; e-mail case does not matter")
    func credentialsInBodies() async throws {
        let live = try LiveMock()
        defer { live.stop() }
        let json = try await live.post(
            "/demo/api/v1/tokens/create",
            json: ["email": "VIEWER@demo.test", "password": .string(DemoUser.viewerPassword)], headers: [])
        #expect(json.status == 200)
        #expect(json.json["token"]?.string?.hasPrefix("1|") == true)

        let form = try await live.send(
            "POST", "/demo/api/v1/tokens/create", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("email=integrator%40demo.test&password=demo-password".utf8))
        #expect(form.status == 200)
        #expect(form.json["token"]?.string?.hasPrefix("2|") == true)

        let wrong = try await live.send(
            "POST", "/demo/api/v1/tokens/create", query: [("email", DemoUser.adminEmail), ("password", "nope")])
        #expect(wrong.status == 422)
        #expect(
            wrong.json
                == [
                    "message": "The provided credentials are incorrect.",
                    "errors": ["email": ["The provided credentials are incorrect."]],
                ])
    }

    @Test("no token: 401 JSON with X-Requested-With, else 302 to http://HOST/demo/login on the host called")
    func unauthenticated() async throws {
        let live = try LiveMock()
        defer { live.stop() }
        let body = Fixture.importBody([Fixture.record()])
        let ajax = try await live.post(
            "/demo/api/v1/inventory/import/process", json: body, headers: [("X-Requested-With", "XMLHttpRequest")])
        #expect(ajax.status == 401)
        #expect(ajax.json == ["message": "Unauthenticated."])

        let plain = try await live.post("/demo/api/v1/inventory/import/process", json: body, headers: [])
        #expect(plain.status == 302)
        #expect(plain.header("Location") == "http://\(live.hostAndPort)/demo/login")
        #expect(plain.header("Content-Type")?.hasPrefix("text/html") == true)
        // FoundationNetworking drops the body of a redirect it was told not to follow; the HTML body is
        // checked in-process (AuthenticationTests).
        #expect(try await live.inventory().count == 1)

        let page = try await live.send("GET", "/demo/login")
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
    }

    @Test("a token of one tenant is refused on another: 401 with X-Requested-With, 302 to its login page without")
    func foreignToken() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        try await live.createTenant("acme")
        let token = try #require(live.token)

        let ajax = try await live.importRecords([Fixture.record()], tenant: "acme")
        #expect(ajax.status == 401)
        #expect(ajax.json == ["message": "Unauthenticated."])

        let plain = try await live.get("/acme/api/v1/imports/status/1", headers: [("Authorization", "Bearer \(token)")])
        #expect(plain.status == 302)
        #expect(plain.header("Location") == "http://\(live.hostAndPort)/acme/login")

        live.token = try await live.login(tenant: "acme")
        #expect(try await live.importRecords([Fixture.record()], tenant: "acme").status == 200)
        #expect(try await live.inventory(of: "acme").count == 2)
        #expect(try await live.inventory(of: "demo").count == 1)
    }

    @Test("an unknown tenant is 404 Tenant not found.")
    func unknownTenant() async throws {
        let live = try LiveMock()
        defer { live.stop() }
        let reply = try await live.send(
            "POST", "/nowhere/api/v1/tokens/create",
            query: [("email", DemoUser.adminEmail), ("password", DemoUser.adminPassword)])
        #expect(reply.status == 404)
        #expect(reply.json == ["message": "Tenant not found."])
    }

    @Test("should_continue_on_error false applies nothing, and the job status reports the failure")
    func stopOnErrorAndJobStatus() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        let reply = try await live.importRecords(
            [Fixture.record(), Fixture.record(item: "NOPE", date: "2024-01-16")], continueOnError: false)
        #expect(reply.json["content"]?["status"] == "failed")
        #expect(reply.json["content"]?["summary"] == ["received": 2, "created": 0, "updated": 0, "failed": 1])
        #expect(try await live.inventory().count == 1)

        let status = try await live.get("/demo/api/v1/imports/status/1")
        #expect(status.status == 200)
        #expect(status.json["message"] == "Job status retrieved successfully")
        #expect(status.json["content"]?["status"] == "failed")
        #expect(status.json["content"]?["type"] == "inventory-import")
        #expect(status.json["content"]?["progress"] == ["completed_steps": 8, "total_steps": 8, "current_step": nil])
        #expect(
            status.json["content"]?["job_status_link"]
                == .string("\(live.baseURL)/demo/settings/application-maintenance/job-management/imports/logs/1"))

        let head = try await live.send("HEAD", "/demo/api/v1/imports/status/1", headers: live.apiHeaders)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)

        let unknown = try await live.get("/demo/api/v1/imports/status/2")
        #expect(unknown.status == 404)
        #expect(unknown.json == ["message": "Job log not found."])
    }

    @Test("a non-admin gets 404 for the admin's job; the admin sees the non-admin's job")
    func jobVisibility() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        let admin = try #require(live.token)
        _ = try await live.importRecords([Fixture.record()])

        live.token = try await live.login(email: DemoUser.viewerEmail, password: DemoUser.viewerPassword)
        let hidden = try await live.get("/demo/api/v1/imports/status/1")
        #expect(hidden.status == 404)
        #expect(hidden.json == ["message": "Job log not found."])
        _ = try await live.importRecords([Fixture.record(date: "2024-02-01")])
        #expect(try await live.get("/demo/api/v1/imports/status/2").json["content"]?["user_id"] == 2)

        live.token = admin
        #expect(try await live.get("/demo/api/v1/imports/status/2").json["content"]?["user_id"] == 2)
    }

    @Test("batch delete: filter mode with an inclusive range, row mode winning, and a delete matching nothing")
    func batchDelete() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        _ = try await live.importRecords([
            Fixture.record(date: "2024-01-01"), Fixture.record(date: "2024-01-31"), Fixture.record(date: "2024-02-01"),
        ])
        let path = "/demo/api/v1/inventory/batch-delete"
        let range = try await live.post(path, json: ["date_filled_from": "2024-01-01", "date_filled_to": "2024-01-31"])
        #expect(range.status == 200)
        #expect(
            range.json == [
                "message": "Inventory records deleted.", "content": ["mode": "filters", "deleted_count": 2],
            ])

        let rows = try await live.post(path, json: ["rows": [["item": "124"]], "items": ["ZAMNVCAS19"]])
        #expect(
            rows.json == ["message": "Inventory records deleted.", "content": ["mode": "rows", "deleted_count": 1]])

        let nothing = try await live.post(path, json: ["locations": ["ZAM-PARTNER"]])
        #expect(
            nothing.json == [
                "message": "Inventory records deleted.", "content": ["mode": "filters", "deleted_count": 0],
            ])

        let none = try await live.post(path, json: ["items": []])
        #expect(none.status == 422)
        #expect(none.message == "At least one deletion criterion is required.")
        #expect(try await live.inventory().compactMap { $0["item"]?.string } == ["ZAMNVCAS19"])
    }

    @Test("malformed JSON is 400, a wrong method 405 with Allow, an unknown path 404 JSON")
    func errorsOverHTTP() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        let malformed = try await live.post("/demo/api/v1/inventory/import/process", raw: Array("{\"source\":".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.json == ["message": "Malformed JSON body."])

        let wrongMethod = try await live.get("/demo/api/v1/inventory/batch-delete")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
        #expect(
            wrongMethod.json
                == [
                    "message":
                        "The GET method is not supported for route demo/api/v1/inventory/batch-delete. Supported methods: POST."
                ])

        let unknown = try await live.get("/demo/api/v1/stock")
        #expect(unknown.status == 404)
        #expect(unknown.header("Content-Type") == "application/json")
        #expect(unknown.json == ["message": "The route demo/api/v1/stock could not be found."])
    }

    @Test("a body over the profile's max_body_bytes is 413 JSON, and the server answers the next request")
    func bodyTooLarge() async throws {
        let profile = try BehaviourProfile(overrides: ["settings": ["max_body_bytes": 2048]])
        let live = try await LiveMock.loggedIn(profile: profile)
        defer { live.stop() }
        let records = Fixture.dates(40).map { Fixture.record(date: $0) }
        let body = Fixture.importBody(records).serializedBytes()
        #expect(body.count > 2048)

        let reply = try await live.post("/demo/api/v1/inventory/import/process", raw: body)
        #expect(reply.status == 413)
        #expect(reply.header("Content-Type") == "application/json")
        #expect(reply.json == ["message": "The request body is larger than 2048 bytes."])
        #expect(try await live.inventory().count == 1)

        let small = try await live.importRecords([Fixture.record()])
        #expect(small.status == 200)
    }

    @Test("max_body_bytes set through PUT /__harness/profile takes effect at run time")
    func bodyLimitFromRuntimeProfile() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        let overrides: JSONValue = [
            "settings": ["max_body_bytes": 2048],
            "responses": ["payload_too_large": ["body": ["message": "Too big."]]],
        ]
        let put = try await live.send(
            "PUT", "/__harness/profile", headers: [("Content-Type", "application/json")],
            body: overrides.serializedBytes())
        #expect(put.status == 200)

        let records = Fixture.dates(40).map { Fixture.record(date: $0) }
        let reply = try await live.post(
            "/demo/api/v1/inventory/import/process", raw: Fixture.importBody(records).serializedBytes())
        #expect(reply.status == 413)
        #expect(reply.json == ["message": "Too big."])
    }

    @Test("harness over HTTP: health, create tenant 201 then 409, reset, jobs, journal, profile")
    func harness() async throws {
        let live = try await LiveMock.loggedIn()
        defer { live.stop() }
        #expect(try await live.send("GET", "/__harness/health").json == ["status": "ok"])

        let created = try await live.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant("ci-1").serializedBytes())
        #expect(created.status == 201)
        #expect(created.json == ["name": "ci-1", "base_url": .string("\(live.baseURL)/ci-1/api/v1")])
        let again = try await live.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant("ci-1").serializedBytes())
        #expect(again.status == 409)
        #expect(again.json == ["message": "A tenant named 'ci-1' exists already."])

        _ = try await live.importRecords([Fixture.record(date: "2024-01-01")])
        _ = try await live.importRecords([Fixture.record(date: "2024-01-02")])
        let jobs = try await live.send("GET", "/__harness/tenants/demo/jobs")
        #expect(jobs.json["data"]?.array?.compactMap { $0["job_log_id"]?.number?.int } == [2, 1])

        let journal = try await live.send("GET", "/__harness/journal")
        let paths = journal.json["data"]?.array?.compactMap { $0["path"]?.string } ?? []
        #expect(paths.first == "/__harness/tenants/demo/jobs")
        #expect(!journal.text.contains(DemoUser.adminPassword))

        let reset = try await live.send("POST", "/__harness/tenants/demo/reset")
        #expect(reset.status == 200)
        #expect(try await live.inventory().count == 1)
        #expect(try await live.send("GET", "/__harness/tenants/demo/jobs").json == ["data": []])

        let override: JSONValue = ["responses": ["tenant_not_found": ["status": 410, "body": ["message": "Gone."]]]]
        let put = try await live.send(
            "PUT", "/__harness/profile", headers: [("Content-Type", "application/json")],
            body: override.serializedBytes())
        #expect(put.status == 200)
        let profile = try await live.send("GET", "/__harness/profile")
        #expect(profile.json["responses"]?["tenant_not_found"] == ["status": 410, "body": ["message": "Gone."]])
        let gone = try await live.send("POST", "/nowhere/api/v1/tokens/create")
        #expect(gone.status == 410)
        #expect(gone.json == ["message": "Gone."])
    }

    @Test("a started and stopped service lets go of its store, so a temporary store's files are removed")
    func stoppedServiceReleasesStore() throws {
        weak var released: Store?
        var directory = ""
        do {
            let store = try Store.temporary()
            try store.install(SeedFile.builtIn())
            directory = URL(fileURLWithPath: store.path).deletingLastPathComponent().path
            let service = MockService(store: store, port: 0)
            try service.start()
            service.stop()
            released = store
        }
        #expect(released == nil, "the store is still referenced after the service stopped")
        #expect(!FileManager.default.fileExists(atPath: directory))
        released?.close()  // removes the directory the leak left behind
    }
}
