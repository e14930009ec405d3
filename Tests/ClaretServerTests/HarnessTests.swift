import ClaretModel
import ClaretServer
import ExactJSON
import Testing

@Suite("Contract 9: the harness's own control surface")
struct HarnessTests {
    @Test("health is {\"status\": \"ok\"}")
    func health() throws {
        let mock = try TestMock()
        let reply = mock.send("GET", "/__harness/health")
        #expect(reply.status == 200)
        #expect(reply.json == ["status": "ok"])
    }

    @Test("the seeded inventory reads back in the documented row shape, quantity a JSON number")
    func seededInventory() throws {
        let mock = try TestMock()
        let reply = mock.send("GET", "/__harness/tenants/demo/inventory")
        #expect(reply.status == 200)
        #expect(
            reply.json
                == [
                    "data": [
                        [
                            "item": "ZAMNVCAS19", "bin": "SS-01", "location_area": "North", "location": "ZAM-WINERY",
                            "lot": "RM19CASRUT.ZAM", "date_filled": "2023-08-01", "quantity": 5000, "uom": "Gallon",
                        ]
                    ],
                    "total": 1, "next_index": nil,
                ])
        #expect(reply.text.contains(#""quantity":5000,"#))
    }

    @Test("inventory is sorted by item, bin, lot, then date filled")
    func inventorySorted() throws {
        let mock = try TestMock.loggedIn()
        _ = mock.importRecords([
            Fixture.record(item: "ZAMNVCAS20", bin: "SS-01", lot: "FG-GEN-LOT", date: "2024-01-01"),
            Fixture.record(item: "124", bin: "SS-02", lot: "RM19CASSH.ZAM", date: "2024-02-01"),
            Fixture.record(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-03-01"),
            Fixture.record(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-01"),
            Fixture.record(item: "124", bin: "FG-GEN-BIN", lot: "RM19CASSH.ZAM", date: "2024-01-01"),
            Fixture.record(item: "122-16", bin: "SS-03", lot: "FG-GEN-LOT", date: "2024-01-01"),
        ])
        let keys = mock.inventory().map { row in
            ["item", "bin", "lot", "date_filled"].map { row[$0]?.string ?? "?" }.joined(separator: " ")
        }
        #expect(
            keys == [
                "122-16 SS-03 FG-GEN-LOT 2024-01-01",
                "124 FG-GEN-BIN RM19CASSH.ZAM 2024-01-01",
                "124 SS-02 FG-GEN-LOT 2024-01-01",
                "124 SS-02 FG-GEN-LOT 2024-03-01",
                "124 SS-02 RM19CASSH.ZAM 2024-02-01",
                "ZAMNVCAS19 SS-01 RM19CASRUT.ZAM 2023-08-01",
                "ZAMNVCAS20 SS-01 FG-GEN-LOT 2024-01-01",
            ])
    }

    @Test("inventory pages hold 1000 rows; next_index leads to the next page and is null on the last")
    func inventoryPaging() throws {
        let mock = try TestMock.loggedIn()
        let imported = mock.importRecords(Fixture.dates(1000).map { Fixture.record(date: $0) })
        #expect(imported.json["content"]?["summary"]?["created"] == 1000)

        let first = mock.send("GET", "/__harness/tenants/demo/inventory")
        #expect(first.json["data"]?.array?.count == 1000)
        #expect(first.json["total"] == 1001)
        #expect(first.json["next_index"] == 1000)
        #expect(first.json["data"]?[0]?["date_filled"] == "2000-01-01")

        let second = mock.send("GET", "/__harness/tenants/demo/inventory", query: [("current_index", "1000")])
        #expect(second.json["total"] == 1001)
        #expect(second.json["next_index"] == .null)
        #expect(second.json["data"]?.array?.count == 1)
        #expect(second.json["data"]?[0]?["item"] == "ZAMNVCAS19")

        let middle = mock.send("GET", "/__harness/tenants/demo/inventory", query: [("current_index", "999")])
        #expect(middle.json["data"]?.array?.count == 2)
        #expect(middle.json["next_index"] == .null)
    }

    @Test("an inventory of an unknown tenant is 404")
    func inventoryOfUnknownTenant() throws {
        let mock = try TestMock()
        let reply = mock.send("GET", "/__harness/tenants/nowhere/inventory")
        #expect(reply.status == 404)
        #expect(reply.json == ["message": "Tenant not found."])
    }

    @Test("the jobs list holds every job log, newest first, each in the job-status content shape")
    func jobsNewestFirst() throws {
        let mock = try TestMock.loggedIn()
        _ = mock.importRecords([Fixture.record(date: "2024-01-01")])
        _ = mock.importRecords([Fixture.record(date: "2024-01-02"), Fixture.record(item: "NOPE")])
        _ = mock.importRecords([Fixture.record(item: "NOPE")], continueOnError: false)

        let reply = mock.send("GET", "/__harness/tenants/demo/jobs")
        #expect(reply.status == 200)
        let jobs = reply.json["data"]?.array ?? []
        #expect(jobs.compactMap { $0["job_log_id"]?.number?.int } == [3, 2, 1])
        #expect(jobs.compactMap { $0["status"]?.string } == ["failed", "completed_with_errors", "completed"])
        let status = mock.get("/demo/api/v1/imports/status/1").json["content"]
        #expect(jobs.last == status)
    }

    @Test("reset puts the tenant back to its seed and clears jobs; other tenants are untouched")
    func reset() throws {
        let mock = try TestMock.loggedIn()
        try mock.createTenant("acme")
        let demoToken = mock.token
        mock.token = try mock.login(tenant: "acme")
        _ = mock.importRecords([Fixture.record()], tenant: "acme")
        mock.token = demoToken
        _ = mock.importRecords([Fixture.record()])
        _ = mock.batchDelete(["items": ["ZAMNVCAS19"]])

        let reply = mock.send("POST", "/__harness/tenants/demo/reset")
        #expect(reply.status == 200)
        #expect(reply.json == ["message": "Tenant 'demo' was reset to its seed."])
        #expect(
            mock.inventory().compactMap { $0["item"]?.string } == ["ZAMNVCAS19"],
            "seeded inventory is back, imported records are gone")
        #expect(mock.send("GET", "/__harness/tenants/demo/jobs").json == ["data": []])
        #expect(mock.inventory(of: "acme").count == 2)
        #expect(mock.send("GET", "/__harness/tenants/acme/jobs").json["data"]?.array?.count == 1)

        let token = try mock.login()
        #expect(token.hasPrefix("1|"), "token ids restart")
    }

    @Test("reset of an unknown tenant is 404")
    func resetUnknownTenant() throws {
        let mock = try TestMock()
        let reply = mock.send("POST", "/__harness/tenants/nowhere/reset")
        #expect(reply.status == 404)
        #expect(reply.json == ["message": "Tenant not found."])
    }

    @Test("creating a tenant needs a JSON body")
    func createTenantNeedsJSON() throws {
        let mock = try TestMock()
        let reply = mock.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "text/plain")],
            body: Fixture.tenant("acme").serializedBytes())
        #expect(reply.status == 415)
        #expect(mock.send("GET", "/__harness/tenants/acme/inventory").status == 404)
    }

    @Test("a tenant seed naming an unknown item is refused with the entry and reason")
    func createTenantBadSeed() throws {
        let mock = try TestMock()
        var tenant = Fixture.tenant("acme").object ?? JSONObject()
        tenant["items"] = ["124"]
        let reply = mock.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: JSONValue.object(tenant).serializedBytes())
        #expect(reply.status == 422)
        #expect(reply.message?.contains("ZAMNVCAS19") == true)
        #expect(mock.send("GET", "/__harness/tenants/acme/inventory").status == 404)
    }

    @Test("the journal lists recent requests newest first, with the password redacted")
    func journal() throws {
        let mock = try TestMock.loggedIn()
        _ = mock.importRecords([Fixture.record()])
        _ = mock.get("/demo/api/v1/imports/status/1")

        let reply = mock.send("GET", "/__harness/journal")
        #expect(reply.status == 200)
        let entries = reply.json["data"]?.array ?? []
        #expect(
            entries.compactMap { $0["path"]?.string } == [
                "/demo/api/v1/imports/status/1", "/demo/api/v1/inventory/import/process", "/demo/api/v1/tokens/create",
            ])
        #expect(entries.compactMap { $0["status"]?.number?.int } == [200, 200, 200])
        #expect(entries.last?["method"] == "POST")
        #expect(entries.last?["query"]?["email"] == .string(DemoUser.adminEmail))
        #expect(entries.last?["query"]?["password"] == "[redacted]")
        #expect(!reply.text.contains(DemoUser.adminPassword))
    }

    @Test("the journal is bounded")
    func journalBounded() throws {
        let mock = try TestMock(configuration: MockConfiguration(journalCapacity: 3))
        for _ in 0..<5 { _ = mock.send("GET", "/__harness/health") }
        _ = mock.send("GET", "/__harness/tenants/demo/jobs")
        let entries = mock.send("GET", "/__harness/journal").json["data"]?.array ?? []
        #expect(entries.count == 3)
        #expect(entries.first?["path"] == "/__harness/tenants/demo/jobs")
    }

    @Test("the profile reads back as the document in force")
    func getProfile() throws {
        let mock = try TestMock()
        let reply = mock.send("GET", "/__harness/profile")
        #expect(reply.status == 200)
        #expect(reply.json["settings"]?["max_records_per_request"] == 1000)
        #expect(reply.json["settings"]?["max_body_bytes"] == 10_485_760)
        #expect(
            reply.json["responses"]?["tenant_not_found"] == ["status": 404, "body": ["message": "Tenant not found."]])
        #expect(reply.json["messages"]?["credentials_incorrect"] == "The provided credentials are incorrect.")
    }

    @Test("PUT /__harness/profile replaces the profile at run time, and the next response follows it")
    func putProfile() throws {
        let mock = try TestMock()
        let overrides: JSONValue = [
            "responses": ["tenant_not_found": ["status": 400, "body": ["error": "No such company."]]]
        ]
        let reply = mock.send(
            "PUT", "/__harness/profile", headers: [("Content-Type", "application/json")],
            body: overrides.serializedBytes())
        #expect(reply.status == 200)
        #expect(reply.json["responses"]?["tenant_not_found"]?["status"] == 400)
        #expect(mock.send("GET", "/__harness/profile").json["responses"]?["tenant_not_found"]?["status"] == 400)

        let refused = mock.send("POST", "/nowhere/api/v1/tokens/create")
        #expect(refused.status == 400)
        #expect(refused.json == ["error": "No such company."])
    }

    @Test("PUT /__harness/profile replaces rather than accumulates: an empty object restores the defaults")
    func putProfileReplaces() throws {
        let mock = try TestMock()
        let overrides: JSONValue = ["messages": ["credentials_incorrect": "Nope."]]
        _ = mock.send(
            "PUT", "/__harness/profile", headers: [("Content-Type", "application/json")],
            body: overrides.serializedBytes())
        let wrong = mock.send("POST", "/demo/api/v1/tokens/create", query: [("email", "x@y.z"), ("password", "p")])
        #expect(wrong.json == ["message": "Nope.", "errors": ["email": ["Nope."]]])

        _ = mock.send(
            "PUT", "/__harness/profile", headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
        let again = mock.send("POST", "/demo/api/v1/tokens/create", query: [("email", "x@y.z"), ("password", "p")])
        #expect(again.message == "The provided credentials are incorrect.")
    }

    @Test("a profile with an unknown name is refused 422 and the one in force stays")
    func putProfileRefused() throws {
        let mock = try TestMock()
        let overrides: JSONValue = ["settings": ["max_records_per_requets": 5]]
        let reply = mock.send(
            "PUT", "/__harness/profile", headers: [("Content-Type", "application/json")],
            body: overrides.serializedBytes())
        #expect(reply.status == 422)
        #expect(
            reply.message?.hasPrefix("The profile was refused: settings.max_records_per_requets: unknown name") == true)
        #expect(mock.send("GET", "/__harness/profile").json["settings"]?["max_records_per_request"] == 1000)
    }

    @Test("off loopback, harness endpoints need X-Harness-Token; without a configured token they are closed")
    func harnessToken() throws {
        let guarded = try TestMock(
            configuration: MockConfiguration(harnessOpenWithoutToken: false, harnessToken: "s3cret"))
        let missing = guarded.send("GET", "/__harness/health")
        #expect(missing.status == 401)
        #expect(missing.json == ["message": "A valid X-Harness-Token header is required."])
        #expect(guarded.send("GET", "/__harness/health", headers: [("X-Harness-Token", "wrong")]).status == 401)
        #expect(
            guarded.send("GET", "/__harness/health", headers: [("X-Harness-Token", "s3cret")]).json == ["status": "ok"])

        let closed = try TestMock(configuration: MockConfiguration(harnessOpenWithoutToken: false))
        #expect(closed.send("GET", "/__harness/health").status == 403)
        #expect(closed.send("POST", "/__harness/tenants/demo/reset", headers: [("X-Harness-Token", "")]).status == 403)
    }
}
